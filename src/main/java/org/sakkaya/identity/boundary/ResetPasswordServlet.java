package org.sakkaya.identity.boundary;

import static org.sakkaya.platform.Html.escape;
import static org.sakkaya.platform.Html.page;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.Problem;

/**
 * {@code /reset-password?token=...}: the page the password-reset mail links to, for ministries with no front-end of
 * their own. It shows the address the link is for and asks for the new password twice; the form is sent here and goes
 * through the same use case as {@code POST /auth/password-resets/complete}, so the same rules refuse the same
 * mistakes, each shown beside its field, in Thai and English.
 */
@WebServlet("/reset-password")
public class ResetPasswordServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final int MAX_PASSWORD = 1000;

    private static final FormPage FORM = new FormPage(Map.of(
            "password", "รหัสผ่านใหม่ (10 ตัวอักษรขึ้นไป) / New password (10 characters or more)",
            "passwordAgain", "รหัสผ่านใหม่อีกครั้ง / New password again"));

    @Inject
    transient PasswordResets resets;

    /** A page to read and a form to send: GET, HEAD and POST; anything else is a 405 naming them. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (FormPage.accepts(request, response, "password-reset")) {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = FormPage.parameter(request, "token").strip();
        FormPage.guarded(response, () -> {
            Optional<String> email = linkFor(token);
            if (email.isEmpty()) {
                unusable(response);
                return;
            }
            form(response, token, email.get(), List.of());
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (!FormPage.formReadable(request, response)) {
            return;
        }
        String token = FormPage.parameter(request, "token").strip();
        String password = FormPage.parameter(request, "password");
        String repeated = FormPage.parameter(request, "passwordAgain");
        List<FieldError> errors = new ArrayList<>(FormPage.givenTwice(request));
        FormPage.guarded(response, () -> {
            Optional<String> email = linkFor(token);
            if (email.isEmpty()) {
                unusable(response);
                return;
            }
            // a password not in UTF-8 is the password policy's to refuse, as for every way of setting one
            if (password.isEmpty()) {
                errors.add(new FieldError("password", "must not be empty"));
            } else if (password.length() > MAX_PASSWORD) {
                errors.add(new FieldError("password", "size must be between 0 and " + MAX_PASSWORD));
            } else if (!password.equals(repeated)) {
                errors.add(new FieldError("passwordAgain", "does not match the password"));
            }
            if (!errors.isEmpty()) {
                response.setStatus(400);
                form(response, token, email.get(), errors);
                return;
            }
            Person person;
            try {
                person = resets.complete(token, password);
            } catch (RuntimeException e) {
                Problem problem = FormPage.clientProblem(e);
                response.setStatus(problem.status());
                form(response, token, email.get(), FormPage.errorsOf(problem));
                return;
            }
            String address = escape(FormPage.readable(person.email()));
            page(response, "ตั้งรหัสผ่านใหม่เรียบร้อย / Password set",
                    "<p>ตั้งรหัสผ่านใหม่แล้ว เข้าสู่ระบบด้วยอีเมล <strong>" + address + "</strong> และรหัสผ่านใหม่ "
                            + "ทุกอุปกรณ์ที่เข้าสู่ระบบไว้ได้ออกจากระบบแล้ว / Your new password is set: sign in with <strong>" + address
                            + "</strong> and the new password. Every device that was signed in has been signed out.</p>");
        });
    }

    private Optional<String> linkFor(String token) {
        return token.isEmpty() || token.length() > 100 ? Optional.empty() : resets.linkFor(token);
    }

    private static void unusable(HttpServletResponse response) throws IOException {
        response.setStatus(404);
        page(response, "ลิงก์นี้ใช้ไม่ได้ / This link does not work",
                "<p>ลิงก์ตั้งรหัสผ่านใหม่ใช้ได้ครั้งเดียวภายใน 1 ชั่วโมง ลิงก์ที่ขอใหม่จะแทนลิงก์เดิม และลิงก์จะใช้ไม่ได้เมื่อรหัสผ่านหรืออีเมลของบัญชีเปลี่ยน "
                        + "โปรดขอลิงก์ใหม่ / A password-reset link works once, for an hour; a newer one replaces it, and it stops working "
                        + "when the account's password or address changes: ask for a new link.</p>");
    }

    private static void form(HttpServletResponse response, String token, String email, List<FieldError> errors) throws IOException {
        String body = "<p>สำหรับ / For <strong>" + escape(FormPage.readable(email)) + "</strong></p>"
                + FORM.otherErrors(errors)
                + "<form method=\"post\" action=\"reset-password\" accept-charset=\"UTF-8\">"
                + "<input type=\"hidden\" name=\"token\" value=\"" + escape(token) + "\">"
                + FORM.input("password", "password", "", MAX_PASSWORD, true, errors)
                + FORM.input("passwordAgain", "password", "", MAX_PASSWORD, true, errors)
                + "<p><button type=\"submit\">ตั้งรหัสผ่านใหม่ / Set the new password</button></p></form>";
        page(response, "ตั้งรหัสผ่าน Sakkaya ใหม่ / Set a new Sakkaya password", body);
    }
}
