package org.sakkaya.identity.boundary;

import static org.sakkaya.platform.Html.escape;
import static org.sakkaya.platform.Html.page;

import jakarta.inject.Inject;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.Problem;

/**
 * {@code /register?token=...}: the page the registration mail links to, for ministries with no front-end of their own.
 * It shows the address and the organisation the link is for and a form (names, position, password, the privacy
 * notice); the form is sent here and goes through the same use case as {@code POST /auth/registrations/complete}, so
 * the same rules refuse the same mistakes, each shown beside its field, in Thai and English. The token travels in the
 * address, so the page sends no {@code Referer} and is never cached.
 */
@WebServlet("/register")
public class RegisterServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    /** The form's fields, in order, with their Thai and English labels. */
    private static final Map<String, String> LABELS = new LinkedHashMap<>();

    static {
        LABELS.put("titleTh", "คำนำหน้าชื่อ (ภาษาไทย) / Title in Thai");
        LABELS.put("firstNameTh", "ชื่อ (ภาษาไทย) / First name in Thai");
        LABELS.put("lastNameTh", "นามสกุล (ภาษาไทย) / Last name in Thai");
        LABELS.put("titleEn", "คำนำหน้าชื่อ (ภาษาอังกฤษ) / Title in English");
        LABELS.put("firstNameEn", "ชื่อ (ภาษาอังกฤษ) / First name in English");
        LABELS.put("lastNameEn", "นามสกุล (ภาษาอังกฤษ) / Last name in English");
        LABELS.put("position", "ตำแหน่ง / Position");
    }

    /** Every field of the form, whose reasons are shown beside it. */
    private static final FormPage FORM;

    static {
        Map<String, String> all = new LinkedHashMap<>(LABELS);
        all.putAll(Map.of(
                "password", "รหัสผ่าน (10 ตัวอักษรขึ้นไป) / Password (10 characters or more)",
                "passwordAgain", "รหัสผ่านอีกครั้ง / Password again",
                "acceptPrivacyNotice", "ประกาศความเป็นส่วนตัว / Privacy notice"));
        FORM = new FormPage(all);
    }

    /** As long as the API takes each field. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("titleTh", 64, "titleEn", 64, "position", 255,
            "password", 1000, "passwordAgain", 1000);

    @Inject
    transient Registrations registrations;

    @Inject
    transient Validator validator;

    /** A page to read and a form to send: GET, HEAD and POST; anything else is a 405 naming them. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (FormPage.accepts(request, response, "registration")) {
            super.service(request, response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = FormPage.parameter(request, "token").strip();
        FormPage.guarded(response, () -> {
            Optional<Registrations.LinkFor> link = token.isEmpty() || token.length() > 100 ? Optional.empty() : registrations.linkFor(token);
            if (link.isEmpty()) {
                unusable(response);
                return;
            }
            form(response, token, link.get(), Map.of(), List.of());
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        request.setCharacterEncoding(StandardCharsets.UTF_8.name());
        if (!FormPage.formReadable(request, response)) {
            return;
        }
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : LABELS.keySet()) {
            typed.put(field, FormPage.parameter(request, field));
        }
        String token = FormPage.parameter(request, "token").strip();
        String password = FormPage.parameter(request, "password");
        String repeated = FormPage.parameter(request, "passwordAgain");
        List<FieldError> twice = FormPage.givenTwice(request);
        RegistrationCompletion completion = new RegistrationCompletion(token, blankAsNull(typed.get("titleTh")), typed.get("firstNameTh"),
                typed.get("lastNameTh"), blankAsNull(typed.get("titleEn")), blankAsNull(typed.get("firstNameEn")),
                blankAsNull(typed.get("lastNameEn")), blankAsNull(typed.get("position")), password,
                "yes".equals(request.getParameter("acceptPrivacyNotice")));
        FormPage.guarded(response, () -> {
            Optional<Registrations.LinkFor> link = token.isEmpty() || token.length() > 100 ? Optional.empty() : registrations.linkFor(token);
            if (link.isEmpty()) {
                unusable(response);
                return;
            }
            List<FieldError> errors = new java.util.ArrayList<>(twice);
            // names not in UTF-8; a password is the password policy's to refuse
            errors.addAll(FormPage.notUtf8(typed));
            for (ConstraintViolation<RegistrationCompletion> violation : validator.validate(completion)) {
                errors.add(new FieldError(violation.getPropertyPath().toString(), violation.getMessage()));
            }
            if (password.isEmpty()) {
                errors.add(new FieldError("password", "must not be empty"));
            } else if (!password.equals(repeated)) {
                errors.add(new FieldError("passwordAgain", "does not match the password"));
            }
            if (!errors.isEmpty()) {
                response.setStatus(400);
                form(response, token, link.get(), typed, errors);
                return;
            }
            Person person;
            try {
                person = registrations.complete(completion);
            } catch (RuntimeException e) {
                Problem problem = FormPage.clientProblem(e);
                response.setStatus(problem.status());
                form(response, token, link.get(), typed, FormPage.errorsOf(problem));
                return;
            }
            page(response, "ลงทะเบียนเรียบร้อย / Registered",
                    "<p>บัญชีของท่านพร้อมใช้งานแล้ว เข้าสู่ระบบด้วยอีเมล <strong>" + escape(FormPage.readable(person.email()))
                            + "</strong> และรหัสผ่านที่ตั้งไว้ / Your account is ready: sign in with <strong>" + escape(FormPage.readable(person.email()))
                            + "</strong> and the password you chose.</p>");
        });
    }

    private static void unusable(HttpServletResponse response) throws IOException {
        response.setStatus(404);
        page(response, "ลิงก์นี้ใช้ไม่ได้ / This link does not work",
                "<p>ลิงก์ลงทะเบียนใช้ได้ครั้งเดียวภายใน 24 ชั่วโมง และลิงก์ที่ขอใหม่จะแทนลิงก์เดิม โปรดขอลิงก์ใหม่ "
                        + "/ A registration link works once, for 24 hours, and a newer one replaces it: ask for a new link.</p>");
    }

    private void form(HttpServletResponse response, String token, Registrations.LinkFor link, Map<String, String> typed,
                      List<FieldError> errors) throws IOException {
        ZonedDateTime until = link.expiresAt().atZone(Bangkok.ZONE);
        StringBuilder body = new StringBuilder();
        body.append("<p>สำหรับ / For <strong>").append(escape(FormPage.readable(link.email()))).append("</strong>, ")
                .append(escape(link.organizationNameTh()))
                .append(link.organizationNameEn() == null ? "" : " / " + escape(link.organizationNameEn()))
                .append("</p><p>ลิงก์ใช้ได้ถึง ").append(escape(ThaiDates.longForm(until.toLocalDate())))
                .append(String.format(" เวลา %02d:%02d น. / The link works until %s, %02d:%02d (Bangkok time).</p>",
                        until.getHour(), until.getMinute(), escape(ThaiDates.english(until.toLocalDate())), until.getHour(), until.getMinute()));
        body.append(FORM.otherErrors(errors));
        body.append("<form method=\"post\" action=\"register\" accept-charset=\"UTF-8\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(escape(token)).append("\">");
        LABELS.keySet().forEach(field -> body.append(FORM.input(field, "text", typed.getOrDefault(field, ""),
                MAX_LENGTHS.getOrDefault(field, 100), field.equals("firstNameTh") || field.equals("lastNameTh"), errors)));
        body.append(FORM.input("password", "password", "", MAX_LENGTHS.get("password"), true, errors));
        body.append(FORM.input("passwordAgain", "password", "", MAX_LENGTHS.get("passwordAgain"), true, errors));
        String notice = registrations.privacyNoticeUrl()
                .map(url -> "<a href=\"" + escape(url) + "\" rel=\"noreferrer\">ประกาศความเป็นส่วนตัว / privacy notice</a>")
                .orElse("ประกาศความเป็นส่วนตัว / privacy notice");
        body.append("<p><label><input type=\"checkbox\" name=\"acceptPrivacyNotice\" value=\"yes\" required> ข้าพเจ้าได้อ่านและยอมรับ ")
                .append(notice).append(" ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 / I have read and accept the privacy notice (PDPA).</label>")
                .append(FORM.errorFor("acceptPrivacyNotice", errors)).append("</p>")
                .append("<p><button type=\"submit\">ลงทะเบียน / Register</button></p></form>");
        page(response, "ลงทะเบียนเข้าใช้ Sakkaya / Register for Sakkaya", body.toString());
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
