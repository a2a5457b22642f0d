package org.sakkaya.identity.control;

import java.time.Instant;

/**
 * The mail that brings a person HR registered and nominated their invitation, Thai first and English after: who sent
 * them where, and the link to set their password (the invitation itself, for 7 days).
 */
public final class InvitationMail {
    private InvitationMail() {
    }

    /** {@code cohortNameTh} is the cohort as the organiser named it, {@code link} the page that takes the invitation. */
    public static RegistrationMail.Message nominated(String cohortName, String link, Instant expiresAt) {
        // on one line: a name with line breaks in it would put lines of its own (a link) into the mail
        String cohortNameTh = cohortName.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").strip();
        String text = "ฝ่ายบุคคลของหน่วยงานของท่านได้เสนอชื่อท่านเข้าร่วม " + cohortNameTh + "\n"
                + "และลงทะเบียนบัญชี Sakkaya (ศักยภาพ) ให้ท่านด้วยที่อยู่อีเมลนี้\n\n"
                + "เปิดลิงก์ด้านล่างเพื่อตั้งรหัสผ่านของท่าน ภายใน " + RegistrationMail.untilThai(expiresAt) + "\n"
                + "ลิงก์นี้ใช้ได้ครั้งเดียว ผู้จัดการอบรมจะพิจารณาการเสนอชื่อและแจ้งผลในระบบ\n\n"
                + link + "\n\n"
                + "หากท่านไม่ทราบเรื่องการเสนอชื่อนี้ โปรดแจ้งฝ่ายบุคคลของหน่วยงานของท่าน และอย่าเปิดลิงก์\n"
                + "หากอีเมลนี้ส่งถึงท่านโดยผิดพลาด (ท่านไม่ใช่ผู้ที่ถูกเสนอชื่อ) โปรดลบอีเมลนี้โดยไม่เปิดลิงก์ ลิงก์จะหมดอายุเอง\n"
                + "ข้อมูลส่วนบุคคลของท่านได้รับความคุ้มครองตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562\n\n"
                + "---\n\n"
                + "Your organisation's HR nominated you for " + cohortNameTh + " and registered a Sakkaya account for you\n"
                + "with this address. Open the link above to choose your password, by " + RegistrationMail.untilEnglish(expiresAt) + ".\n"
                + "The link works once. The programme's organiser will decide on the nomination; you will see it in Sakkaya.\n"
                + "If you know nothing of this nomination, tell your organisation's HR and do not open the link.\n"
                + "If this mail reached you by mistake (you are not the person nominated), delete it without opening the link;\n"
                + "it expires by itself.\n";
        return new RegistrationMail.Message("ตั้งรหัสผ่าน Sakkaya / Set your Sakkaya password", text);
    }
}
