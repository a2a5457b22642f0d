package org.sakkaya.identity.boundary;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import java.util.Optional;

/**
 * {@code /accept-invitation?token=...}: where a person registered by HR or an ADMIN without a password sets their
 * first one ({@code invitationUrl} in the answers that carry an invitation; {@link PasswordPage}), through the same use
 * case as {@code POST /auth/invitations/accept}.
 */
@WebServlet("/accept-invitation")
public class AcceptInvitationServlet extends PasswordPage {
    private static final long serialVersionUID = 1L;

    @Inject
    transient Authentication authentication;

    public AcceptInvitationServlet() {
        super(new Words("invitation", "accept-invitation", "ตั้งรหัสผ่าน Sakkaya / Set your Sakkaya password",
                        "ตั้งรหัสผ่าน / Set the password", "ตั้งรหัสผ่านเรียบร้อย / Password set",
                        "ตั้งรหัสผ่านแล้ว เข้าสู่ระบบด้วยอีเมล {address} และรหัสผ่านนี้ / Your password is set: sign in with {address} "
                                + "and this password.",
                        "คำเชิญใช้ได้ครั้งเดียวภายใน 7 วัน และใช้ไม่ได้เมื่อมีคำเชิญใหม่หรือบัญชีถูกเปลี่ยน โปรดติดต่อฝ่ายบุคคลหรือผู้ดูแลระบบ "
                                + "/ An invitation works once, for 7 days, and stops working when a newer one is issued or the "
                                + "account changes: ask your HR or an administrator for a new one."),
                "รหัสผ่าน (10 ตัวอักษรขึ้นไป) / Password (10 characters or more)", "รหัสผ่านอีกครั้ง / Password again");
    }

    @Override
    Optional<String> addressFor(String token) {
        return authentication.invitationFor(token);
    }

    @Override
    String complete(String token, String password) {
        return authentication.acceptInvitation(token, password);
    }
}
