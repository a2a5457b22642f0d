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
import jakarta.ws.rs.core.Response;
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
import org.sakkaya.platform.problem.FallbackExceptionMapper;
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

    /** The form's other fields, whose reasons are shown beside them too. */
    private static final Map<String, String> OTHER_FIELDS = Map.of(
            "password", "รหัสผ่าน (10 ตัวอักษรขึ้นไป) / Password (10 characters or more)",
            "passwordAgain", "รหัสผ่านอีกครั้ง / Password again",
            "acceptPrivacyNotice", "ประกาศความเป็นส่วนตัว / Privacy notice");

    /** As long as the API takes each field. */
    private static final Map<String, Integer> MAX_LENGTHS = Map.of("titleTh", 64, "titleEn", 64, "position", 255,
            "password", 1000, "passwordAgain", 1000);

    /** The usual reasons, in Thai, by how the API's English reason starts. */
    private static final Map<String, String> THAI_REASONS = new LinkedHashMap<>();

    static {
        THAI_REASONS.put("must not be blank", "ต้องกรอก");
        THAI_REASONS.put("must not be empty", "ต้องกรอก");
        THAI_REASONS.put("must not be null", "ต้องกรอก");
        THAI_REASONS.put("must be true", "ต้องอ่านและยอมรับก่อนลงทะเบียน");
        THAI_REASONS.put("size must be", "ยาวเกินไป");
        THAI_REASONS.put("does not match", "ไม่ตรงกับรหัสผ่าน");
        THAI_REASONS.put("is given twice", "ส่งมาซ้ำ");
        THAI_REASONS.put("must be at least", "สั้นเกินไป");
        THAI_REASONS.put("must be at most", "ยาวเกินไป");
        THAI_REASONS.put("is too common", "คาดเดาง่ายเกินไป");
        THAI_REASONS.put("repeats too few characters", "ซ้ำตัวอักษรมากเกินไป");
        THAI_REASONS.put("must not contain your e-mail name", "ต้องไม่มีชื่ออีเมลของท่าน");
        THAI_REASONS.put("is unknown, used or expired", "ลิงก์นี้ใช้ไม่ได้แล้ว");
        THAI_REASONS.put("has an account already", "มีบัญชีอยู่แล้ว เข้าสู่ระบบด้วยอีเมลนี้");
    }

    @Inject
    transient Registrations registrations;

    @Inject
    transient Validator validator;

    /** A page to read and a form to send: GET, HEAD and POST; anything else is a 405 naming them. */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        String method = request.getMethod();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if ("GET".equals(method) || "HEAD".equals(method) || "POST".equals(method)) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
        if (!"OPTIONS".equals(method)) {
            Problem.of(405, "method-not-allowed", "Method not allowed", "The registration page is read with GET and sent with POST")
                    .send(response);
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String token = Optional.ofNullable(request.getParameter("token")).orElse("").strip();
        guarded(response, () -> {
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
        Map<String, String> typed = new LinkedHashMap<>();
        for (String field : LABELS.keySet()) {
            typed.put(field, Optional.ofNullable(request.getParameter(field)).orElse(""));
        }
        String token = Optional.ofNullable(request.getParameter("token")).orElse("").strip();
        String password = Optional.ofNullable(request.getParameter("password")).orElse("");
        String repeated = Optional.ofNullable(request.getParameter("passwordAgain")).orElse("");
        // a field sent twice is refused, as in a JSON body: which of the two was meant is not for the server to guess
        List<FieldError> twice = request.getParameterMap().entrySet().stream()
                .filter(e -> e.getValue().length > 1)
                .map(e -> new FieldError(e.getKey(), "is given twice"))
                .toList();
        RegistrationCompletion completion = new RegistrationCompletion(token, blankAsNull(typed.get("titleTh")), typed.get("firstNameTh"),
                typed.get("lastNameTh"), blankAsNull(typed.get("titleEn")), blankAsNull(typed.get("firstNameEn")),
                blankAsNull(typed.get("lastNameEn")), blankAsNull(typed.get("position")), password,
                "yes".equals(request.getParameter("acceptPrivacyNotice")));
        guarded(response, () -> {
            Optional<Registrations.LinkFor> link = token.isEmpty() || token.length() > 100 ? Optional.empty() : registrations.linkFor(token);
            if (link.isEmpty()) {
                unusable(response);
                return;
            }
            List<FieldError> errors = new java.util.ArrayList<>(twice);
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
                Optional<Response> known = FallbackExceptionMapper.known(e);
                if (known.isEmpty() || !(known.get().getEntity() instanceof Problem problem) || problem.status() >= 500) {
                    throw e;
                }
                response.setStatus(problem.status());
                form(response, token, link.get(), typed, problem.errors() == null || problem.errors().isEmpty()
                        ? List.of(new FieldError("", problem.detail())) : problem.errors());
                return;
            }
            page(response, "ลงทะเบียนเรียบร้อย / Registered",
                    "<p>บัญชีของท่านพร้อมใช้งานแล้ว เข้าสู่ระบบด้วยอีเมล <strong>" + escape(readable(person.email()))
                            + "</strong> และรหัสผ่านที่ตั้งไว้ / Your account is ready: sign in with <strong>" + escape(readable(person.email()))
                            + "</strong> and the password you chose.</p>");
        });
    }

    /** Runs the page's work; a database that cannot be reached is a page saying to try again, not an error page. */
    private void guarded(HttpServletResponse response, PageWork work) throws IOException {
        try {
            work.run();
        } catch (RuntimeException e) {
            Optional<Response> known = FallbackExceptionMapper.known(e);
            if (known.isEmpty() || known.get().getStatus() != 503 || response.isCommitted()) {
                throw e;
            }
            response.setStatus(503);
            String retry = known.get().getHeaderString("Retry-After");
            response.setHeader("Retry-After", retry == null ? "5" : retry);
            page(response, "ระบบขัดข้องชั่วคราว / Temporarily unavailable",
                    "<p>โปรดลองใหม่อีกครั้งในอีกสักครู่ ข้อมูลที่กรอกยังไม่ถูกบันทึก / Try again shortly; nothing was saved.</p>");
        }
    }

    private interface PageWork {
        void run() throws IOException;
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
        body.append("<p>สำหรับ / For <strong>").append(escape(readable(link.email()))).append("</strong>, ")
                .append(escape(link.organizationNameTh()))
                .append(link.organizationNameEn() == null ? "" : " / " + escape(link.organizationNameEn()))
                .append("</p><p>ลิงก์ใช้ได้ถึง ").append(escape(ThaiDates.longForm(until.toLocalDate())))
                .append(String.format(" เวลา %02d:%02d น. / The link works until %s, %02d:%02d (Bangkok time).</p>",
                        until.getHour(), until.getMinute(), escape(ThaiDates.english(until.toLocalDate())), until.getHour(), until.getMinute()));
        errors.stream().filter(e -> !LABELS.containsKey(e.field()) && !OTHER_FIELDS.containsKey(e.field()))
                .forEach(e -> body.append("<p class=\"error\" role=\"alert\">").append(escape(message(e))).append("</p>"));
        body.append("<form method=\"post\" action=\"register\" accept-charset=\"UTF-8\">")
                .append("<input type=\"hidden\" name=\"token\" value=\"").append(escape(token)).append("\">");
        LABELS.forEach((field, label) -> body.append(input(field, label, "text", typed.getOrDefault(field, ""),
                field.equals("firstNameTh") || field.equals("lastNameTh"), errors)));
        body.append(input("password", OTHER_FIELDS.get("password"), "password", "", true, errors));
        body.append(input("passwordAgain", OTHER_FIELDS.get("passwordAgain"), "password", "", true, errors));
        String notice = registrations.privacyNoticeUrl()
                .map(url -> "<a href=\"" + escape(url) + "\" rel=\"noreferrer\">ประกาศความเป็นส่วนตัว / privacy notice</a>")
                .orElse("ประกาศความเป็นส่วนตัว / privacy notice");
        body.append("<p><label><input type=\"checkbox\" name=\"acceptPrivacyNotice\" value=\"yes\" required> ข้าพเจ้าได้อ่านและยอมรับ ")
                .append(notice).append(" ตามพระราชบัญญัติคุ้มครองข้อมูลส่วนบุคคล พ.ศ. 2562 / I have read and accept the privacy notice (PDPA).</label>")
                .append(errorFor("acceptPrivacyNotice", errors)).append("</p>")
                .append("<p><button type=\"submit\">ลงทะเบียน / Register</button></p></form>");
        page(response, "ลงทะเบียนเข้าใช้ Sakkaya / Register for Sakkaya", body.toString());
    }

    private static String input(String field, String label, String type, String value, boolean required, List<FieldError> errors) {
        return "<p><label for=\"" + field + "\">" + escape(label) + "</label><br><input id=\"" + field + "\" name=\"" + field
                + "\" type=\"" + type + "\" value=\"" + escape(value) + "\" maxlength=\"" + MAX_LENGTHS.getOrDefault(field, 100) + "\""
                + (required ? " required" : "") + (type.equals("password") ? " autocomplete=\"new-password\"" : "") + ">"
                + errorFor(field, errors) + "</p>";
    }

    private static String errorFor(String field, List<FieldError> errors) {
        StringBuilder out = new StringBuilder();
        errors.stream().filter(e -> e.field().equals(field))
                .forEach(e -> out.append("<br><span class=\"error\" role=\"alert\">").append(escape(message(e))).append("</span>"));
        return out.toString();
    }

    /** The field's label, then the reason in Thai where it is one of the usual ones, then as the API words it. */
    private static String message(FieldError error) {
        String label = LABELS.getOrDefault(error.field(), OTHER_FIELDS.get(error.field()));
        String thai = THAI_REASONS.entrySet().stream().filter(e -> error.message().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("ไม่ถูกต้อง");
        String name = label != null ? label : error.field().isEmpty() ? null : error.field();
        return (name == null ? "" : name + ": ") + thai + " / " + error.message();
    }

    /** An address with a Thai domain as people read it, not in its xn-- form. */
    private static String readable(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at + 1) + java.net.IDN.toUnicode(email.substring(at + 1));
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
