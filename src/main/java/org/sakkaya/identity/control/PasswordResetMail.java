package org.sakkaya.identity.control;

import java.time.Instant;

/**
 * The messages of a password reset by e-mail, Thai first and English after: the link to set a new password, the note
 * to ask an administrator instead, and the notice that the password was changed with a link, so that the owner of the
 * mailbox learns of a reset they did not ask for.
 */
public final class PasswordResetMail {
    private PasswordResetMail() {
    }

    /** The link to set a new password, valid until {@code expiresAt}. */
    public static RegistrationMail.Message link(String link, Instant expiresAt) {
        String text = "มีผู้ขอตั้งรหัสผ่านใหม่สำหรับบัญชี Sakkaya (ศักยภาพ) ของที่อยู่อีเมลนี้\n\n"
                + "เปิดลิงก์ด้านล่างเพื่อตั้งรหัสผ่านใหม่ ภายใน " + RegistrationMail.untilThai(expiresAt) + "\n"
                + "ลิงก์นี้ใช้ได้ครั้งเดียว เมื่อตั้งรหัสผ่านใหม่แล้ว ทุกอุปกรณ์ที่เข้าสู่ระบบอยู่จะต้องเข้าสู่ระบบใหม่\n\n"
                + link + "\n\n"
                + "หากท่านไม่ได้ขอ ไม่ต้องทำอะไร รหัสผ่านเดิมยังใช้ได้ และลิงก์จะหมดอายุเอง\n\n"
                + "---\n\n"
                + "Someone asked to set a new password for the Sakkaya account of this address.\n"
                + "Open the link above to choose a new password, by " + RegistrationMail.untilEnglish(expiresAt) + ".\n"
                + "The link works once; once the password is set, every device signed in must sign in again.\n"
                + "If it was not you, do nothing: your password still works and the link expires by itself.\n";
        return new RegistrationMail.Message("ตั้งรหัสผ่าน Sakkaya ใหม่ / Set a new Sakkaya password", text);
    }

    /** The password was just set with a link mailed here. */
    public static RegistrationMail.Message changed() {
        String text = """
                รหัสผ่านของบัญชี Sakkaya (ศักยภาพ) ของที่อยู่อีเมลนี้เพิ่งถูกตั้งใหม่ด้วยลิงก์ที่ส่งมายังอีเมลนี้
                และทุกอุปกรณ์ที่เข้าสู่ระบบอยู่ได้ออกจากระบบแล้ว
                หากท่านไม่ได้ตั้งรหัสผ่านใหม่เอง โปรดแจ้งผู้ดูแลระบบของหน่วยงานทันที

                ---

                The password of the Sakkaya account of this address was just set anew with a link mailed here, and
                every device that was signed in has been signed out.
                If it was not you, tell your organisation's administrator at once.
                """;
        return new RegistrationMail.Message("รหัสผ่าน Sakkaya ถูกตั้งใหม่ / Your Sakkaya password was changed", text);
    }

    /**
     * The account of this address is not one a link may reset (staff with a role beyond trainee, or an address HR
     * changed): its owner learns to ask an ADMIN rather than waiting for a link that does not come.
     */
    public static RegistrationMail.Message askAnAdministrator() {
        String text = """
                มีผู้ขอตั้งรหัสผ่านใหม่สำหรับบัญชี Sakkaya (ศักยภาพ) ของที่อยู่อีเมลนี้
                บัญชีนี้ตั้งรหัสผ่านใหม่ทางอีเมลไม่ได้ โปรดติดต่อผู้ดูแลระบบของหน่วยงานเพื่อขอตั้งรหัสผ่านใหม่
                หากท่านไม่ได้ขอ ไม่ต้องทำอะไร บัญชีของท่านไม่มีการเปลี่ยนแปลง

                ---

                Someone asked to set a new password for the Sakkaya account of this address.
                This account's password is not reset by e-mail: ask your organisation's administrator for a new one.
                If it was not you, do nothing: your account has not changed.
                """;
        return new RegistrationMail.Message("ตั้งรหัสผ่าน Sakkaya ใหม่ / Set a new Sakkaya password", text);
    }
}
