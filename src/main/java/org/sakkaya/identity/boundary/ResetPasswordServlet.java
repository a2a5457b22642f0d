package org.sakkaya.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;

/**
 * {@code /reset-password?token=...}: the page the password-reset mail links to ({@link PasswordPage}), through the same
 * use case as {@code POST /auth/password-resets/complete}.
 */
@WebServlet("/reset-password")
public class ResetPasswordServlet extends PasswordPage {
    private static final long serialVersionUID = 1L;

    @Inject
    transient PasswordResets resets;

    public ResetPasswordServlet() {
        super(new Words("password-reset", "reset-password", "ตั้งรหัสผ่าน Sakkaya ใหม่ / Set a new Sakkaya password",
                        "ตั้งรหัสผ่านใหม่ / Set the new password", "ตั้งรหัสผ่านใหม่เรียบร้อย / Password set",
                        "ตั้งรหัสผ่านใหม่แล้ว เข้าสู่ระบบด้วยอีเมล {address} และรหัสผ่านใหม่ ทุกอุปกรณ์ที่เข้าสู่ระบบไว้ได้ออกจากระบบแล้ว "
                                + "/ Your new password is set: sign in with {address} and the new password. Every device that "
                                + "was signed in has been signed out.",
                        "ลิงก์ตั้งรหัสผ่านใหม่ใช้ได้ครั้งเดียวภายใน 1 ชั่วโมง ลิงก์ที่ขอใหม่จะแทนลิงก์เดิม และลิงก์จะใช้ไม่ได้เมื่อรหัสผ่านหรืออีเมลของบัญชีเปลี่ยน "
                                + "โปรดขอลิงก์ใหม่ / A password-reset link works once, for an hour; a newer one replaces it, and it stops "
                                + "working when the account's password or address changes: ask for a new link."),
                "รหัสผ่านใหม่ (10 ตัวอักษรขึ้นไป) / New password (10 characters or more)", "รหัสผ่านใหม่อีกครั้ง / New password again");
    }

    @Override
    Optional<String> addressFor(String token) {
        return resets.linkFor(token);
    }

    @Override
    String complete(String token, String password) {
        return resets.complete(token, password).email();
    }
}
