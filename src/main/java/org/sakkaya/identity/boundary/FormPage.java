package org.sakkaya.identity.boundary;

import static org.sakkaya.platform.Html.escape;
import static org.sakkaya.platform.Html.page;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakkaya.platform.problem.FallbackExceptionMapper;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.Problem;

/**
 * What the pages a one-time link opens ({@code /register}, {@code /reset-password}, {@code /accept-invitation}) share: their headers, a form's fields
 * with each mistake beside its field in Thai and English, and a page saying to try again when the database cannot
 * be reached. The token travels in the address, so the pages send no {@code Referer} and are never cached.
 */
final class FormPage {
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
        THAI_REASONS.put("is not UTF-8 text", "อ่านไม่ได้ ส่งแบบฟอร์มจากหน้าเว็บนี้โดยตรง");
    }

    /** A page's work, which may write the answer. */
    interface Work {
        void run() throws IOException;
    }

    /** The labels of the form's fields, Thai and English, by field. */
    private final Map<String, String> labels;

    FormPage(Map<String, String> labels) {
        this.labels = labels;
    }

    /**
     * The headers every answer carries, and whether the method is one a page takes (GET, HEAD, POST); anything else
     * has been answered 405 naming them.
     */
    static boolean accepts(HttpServletRequest request, HttpServletResponse response, String what) throws IOException {
        String method = request.getMethod();
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        if ("GET".equals(method) || "HEAD".equals(method) || "POST".equals(method)) {
            return true;
        }
        response.setHeader("Allow", "GET, HEAD, POST, OPTIONS");
        if (!"OPTIONS".equals(method)) {
            Problem.of(405, "method-not-allowed", "Method not allowed", "The " + what + " page is read with GET and sent with POST")
                    .send(response);
        }
        return false;
    }

    /**
     * Whether a POST carries a form that can be read: one of the page's own (URL-encoded, with its length, within the
     * server's 2 MiB for a form body) and its token once. Anything else has been answered: 415, 411, 413 or 400, as a
     * page.
     */
    static boolean formReadable(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String type = request.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            response.setStatus(415);
            page(response, "ส่งแบบฟอร์มไม่ถูกต้อง / Not a form",
                    "<p>โปรดส่งแบบฟอร์มจากหน้าเว็บนี้ ลิงก์ยังใช้ได้ / Send the form from this page; the link still works.</p>");
            return false;
        }
        if (request.getContentLengthLong() < 0) {
            // a body in chunks is cut at the server's 2 MiB without a word, and what is past it never compared: a
            // browser sends a form with its length
            response.setStatus(411);
            page(response, "ส่งแบบฟอร์มไม่ถูกต้อง / The form has no length",
                    "<p>โปรดส่งแบบฟอร์มจากหน้าเว็บนี้ ลิงก์ยังใช้ได้ / Send the form from this page; the link still works.</p>");
            return false;
        }
        try {
            request.getParameterMap();
        } catch (IllegalStateException tooLarge) {
            // Grizzly refuses a form body past its limit when the parameters are first read
            response.setStatus(413);
            page(response, "แบบฟอร์มใหญ่เกินไป / The form is too large",
                    "<p>โปรดส่งแบบฟอร์มจากหน้าเว็บนี้ ลิงก์ยังใช้ได้ / Send the form from this page; the link still works.</p>");
            return false;
        }
        if (request.getParameterValues("token") != null && request.getParameterValues("token").length > 1) {
            response.setStatus(400);
            page(response, "ส่งแบบฟอร์มไม่ถูกต้อง / The form's link was sent twice",
                    "<p>โปรดส่งแบบฟอร์มจากหน้าเว็บนี้ / Send the form from this page.</p>");
            return false;
        }
        return true;
    }

    /**
     * The fields whose values held bytes that are not UTF-8 (read as U+FFFD): a form sent in another encoding, whose
     * names would be stored mangled. (A password is refused by the password policy.)
     */
    static List<FieldError> notUtf8(Map<String, String> values) {
        return values.entrySet().stream().filter(e -> e.getValue() != null && e.getValue().indexOf('\uFFFD') >= 0)
                .map(e -> new FieldError(e.getKey(), "is not UTF-8 text: send the form from the page as it is"))
                .toList();
    }

    /** The request's parameter, or "" when it is not there. */
    static String parameter(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name)).orElse("");
    }

    /** A field sent twice is refused, as in a JSON body: which of the two was meant is not for the server to guess. */
    static List<FieldError> givenTwice(HttpServletRequest request) {
        return request.getParameterMap().entrySet().stream()
                .filter(e -> e.getValue().length > 1)
                .map(e -> new FieldError(e.getKey(), "is given twice"))
                .toList();
    }

    /** The problem a client mistake is answered with (its field errors, or its detail as one), or the exception again. */
    static Problem clientProblem(RuntimeException e) {
        Optional<Response> known = FallbackExceptionMapper.known(e);
        if (known.isEmpty() || !(known.get().getEntity() instanceof Problem problem) || problem.status() >= 500) {
            throw e;
        }
        return problem;
    }

    static List<FieldError> errorsOf(Problem problem) {
        return problem.errors() == null || problem.errors().isEmpty() ? List.of(new FieldError("", problem.detail())) : problem.errors();
    }

    /** Runs the page's work; a database that cannot be reached is a page saying to try again, not an error page. */
    static void guarded(HttpServletResponse response, Work work) throws IOException {
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

    /** A labelled input with its mistakes beside it. */
    String input(String field, String type, String value, int maxLength, boolean required, List<FieldError> errors) {
        return "<p><label for=\"" + field + "\">" + escape(labels.get(field)) + "</label><br><input id=\"" + field + "\" name=\"" + field
                + "\" type=\"" + type + "\" value=\"" + escape(value) + "\" maxlength=\"" + maxLength + "\""
                + (required ? " required" : "") + (type.equals("password") ? " autocomplete=\"new-password\"" : "") + ">"
                + errorFor(field, errors) + "</p>";
    }

    /** The field's mistakes, to show beside it. */
    String errorFor(String field, List<FieldError> errors) {
        StringBuilder out = new StringBuilder();
        errors.stream().filter(e -> e.field().equals(field))
                .forEach(e -> out.append("<br><span class=\"error\" role=\"alert\">").append(escape(message(e))).append("</span>"));
        return out.toString();
    }

    /** The mistakes of no field of the form, to show above it. */
    String otherErrors(List<FieldError> errors) {
        StringBuilder out = new StringBuilder();
        errors.stream().filter(e -> !labels.containsKey(e.field()))
                .forEach(e -> out.append("<p class=\"error\" role=\"alert\">").append(escape(message(e))).append("</p>"));
        return out.toString();
    }

    /** The field's label, then the reason in Thai where it is one of the usual ones, then as the API words it. */
    String message(FieldError error) {
        String label = labels.get(error.field());
        String thai = THAI_REASONS.entrySet().stream().filter(e -> error.message().startsWith(e.getKey()))
                .map(Map.Entry::getValue).findFirst().orElse("ไม่ถูกต้อง");
        String name = label != null ? label : error.field().isEmpty() ? null : error.field();
        return (name == null ? "" : name + ": ") + thai + " / " + error.message();
    }

    /** An address with a Thai domain as people read it, not in its xn-- form. */
    static String readable(String email) {
        int at = email.lastIndexOf('@');
        return at < 0 ? email : email.substring(0, at + 1) + java.net.IDN.toUnicode(email.substring(at + 1));
    }
}
