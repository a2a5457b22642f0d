package org.sakkaya.identity.control;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.ThaiDates;

/**
 * The two messages an address can get when someone asks to register with it, Thai first and English after: the
 * link to finish registering, or, when the address has an account already, a note saying so (and nothing to click),
 * so that the answer to the request is the same either way and tells nobody whether an account exists.
 */
public final class RegistrationMail {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    /** A message: its subject and its plain text. */
    public record Message(String subject, String text) {
    }

    private RegistrationMail() {
    }

    /** The link to finish registering, valid until {@code expiresAt}. */
    public static Message link(String organizationNameTh, String organizationNameEn, String link, Instant expiresAt,
                               String privacyNoticeUrl) {
        String untilTh = untilThai(expiresAt);
        String untilEn = untilEnglish(expiresAt);
        String notice = privacyNoticeUrl == null ? "" : "ประกาศความเป็นส่วนตัว: " + privacyNoticeUrl + "\n";
        String noticeEn = privacyNoticeUrl == null ? "" : "Privacy notice: " + privacyNoticeUrl + "\n";
        String organizationEn = organizationNameEn == null ? organizationNameTh : organizationNameEn;
        String text = "มีผู้ขอลงทะเบียนเข้าใช้ Sakkaya (ศักยภาพ) ด้วยที่อยู่อีเมลนี้ ในฐานะบุคลากรของ " + organizationNameTh + "\n\n"
                + "เปิดลิงก์ด้านล่างเพื่อกรอกชื่อ ตั้งรหัสผ่าน และยอมรับประกาศความเป็นส่วนตัว ภายใน " + untilTh + "\n"
                + "ลิงก์นี้ใช้ได้ครั้งเดียว\n\n"
                + link + "\n\n"
                + notice
                + "หากท่านไม่ได้ขอลงทะเบียน ไม่ต้องทำอะไร ลิงก์จะหมดอายุเอง และที่อยู่อีเมลนี้จะถูกลบภายใน 25 ชั่วโมง\n"
                + "ข้อมูลส่วนบุคคลของท่านได้รับความคุ้มครองตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562\n\n"
                + "---\n\n"
                + "Someone asked to register for Sakkaya with this address, as staff of " + organizationEn + ".\n"
                + "Open the link above to give your name, choose a password and accept the privacy notice, by " + untilEn + ".\n"
                + "The link works once.\n"
                + noticeEn
                + "If it was not you, do nothing: the link expires by itself and this address is deleted within 25 hours.\n";
        return new Message("ลงทะเบียนเข้าใช้ Sakkaya / Finish registering for Sakkaya", text);
    }

    /** A link's end as a Thai reader expects it: the date in the Buddhist era, the time in Bangkok. */
    static String untilThai(Instant expiresAt) {
        ZonedDateTime until = expiresAt.atZone(Bangkok.ZONE);
        return ThaiDates.longForm(until.toLocalDate()) + " เวลา " + TIME.format(until) + " น.";
    }

    static String untilEnglish(Instant expiresAt) {
        ZonedDateTime until = expiresAt.atZone(Bangkok.ZONE);
        return ThaiDates.english(until.toLocalDate()) + ", " + TIME.format(until) + " (Bangkok time)";
    }

    /** The address has an account already: sign in, or ask for a new password. */
    public static Message existingAccount() {
        String text = """
                มีผู้ขอลงทะเบียนเข้าใช้ Sakkaya (ศักยภาพ) ด้วยที่อยู่อีเมลนี้ แต่ที่อยู่นี้มีบัญชีอยู่แล้ว
                เข้าสู่ระบบด้วยอีเมลนี้และรหัสผ่านของท่าน หากลืมรหัสผ่าน ขอลิงก์ตั้งรหัสผ่านใหม่ทางอีเมลได้จากหน้าเข้าสู่ระบบ
                หรือติดต่อผู้ดูแลระบบของหน่วยงาน
                หากท่านไม่ได้ขอลงทะเบียน ไม่ต้องทำอะไร บัญชีของท่านไม่มีการเปลี่ยนแปลง

                ---

                Someone asked to register for Sakkaya with this address, which has an account already.
                Sign in with this address and your password; if you forgot it, ask for a link to set a new one by e-mail
                where you sign in, or ask your organisation's administrator. If it was not you, do nothing: your account
                has not changed.
                """;
        return new Message("บัญชี Sakkaya ของท่านมีอยู่แล้ว / You already have a Sakkaya account", text);
    }
}
