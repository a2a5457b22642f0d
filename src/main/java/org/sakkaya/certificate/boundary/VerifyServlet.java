package org.sakkaya.certificate.boundary;

import static org.sakkaya.platform.Html.escape;
import static org.sakkaya.platform.Html.page;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Optional;
import org.sakkaya.platform.problem.FallbackExceptionMapper;
import org.sakkaya.platform.problem.Problem;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.certificate.entity.Certificate;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.security.RateLimiter;

/**
 * {@code /verify/{serial}}: public, no sign-in. HTML for browsers, JSON for {@code Accept: application/json}. Shows
 * only what the certificate prints, its status and its SHA-256 (so an edited copy can be told apart); never an
 * e-mail or other personal data. Unknown and malformed serials get the same not-found answer, and one address
 * may ask {@code sakkaya.verify.max-per-minute} times a minute (429 with Retry-After beyond).
 */
@WebServlet("/verify/*")
public class VerifyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    private static final Jsonb JSON = JsonbBuilder.create();

    @Inject
    transient Certificates certificates;

    @Inject
    transient RateLimiter limiter;

    @Inject
    transient org.sakkaya.platform.security.ClientAddresses addresses;

    @Inject
    @ConfigProperty(name = "sakkaya.verify.max-per-minute", defaultValue = "60")
    transient int maxPerMinute;

    /**
     * What the verification page says: the printed facts, the status, the kind (ACHIEVEMENT or PARTICIPATION), the
     * SHA-256 of the PDF as issued, who signed it (the signer certificate's subject; null if issued unsigned) and, for
     * a certificate that was re-issued, the serial of the one that replaced it.
     */
    public record Verification(String serial, String status, String kind, String holderName, String programNameTh,
                               int cohortNumber, LocalDate issuedOn, String sha256, String signedBy, String replacedBy) {
    }

    /**
     * A page to read: GET and HEAD (and OPTIONS, which names them). Any other method is the client's mistake, 405 with
     * {@code Allow}; the servlet's own dispatch answered PATCH and unknown methods 501, which the error page typed as an
     * internal error (monitoring that counts 5xx would page on a typo).
     */
    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, jakarta.servlet.ServletException {
        String method = request.getMethod();
        if ("GET".equals(method) || "HEAD".equals(method)) {
            super.service(request, response);
            return;
        }
        response.setHeader("Allow", "GET, HEAD, OPTIONS");
        if ("OPTIONS".equals(method)) {
            return; // the servlet's own answer named TRACE too
        }
        response.setHeader("X-Content-Type-Options", "nosniff");
        Problem.of(405, "method-not-allowed", "Method not allowed", "The verification page is read with GET").send(response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean json = AcceptHeader.wantsJson(request.getHeader("Accept"));
        response.setCharacterEncoding("UTF-8");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Cache-Control", "no-store");
        try {
            answer(request, response, json);
        } catch (RuntimeException e) {
            // the database gone or busy: whoever scanned the QR code is told to try again, in the page's language
            Optional<jakarta.ws.rs.core.Response> known = FallbackExceptionMapper.known(e);
            if (known.isEmpty() || known.get().getStatus() != 503 || response.isCommitted()) {
                throw e;
            }
            response.setStatus(503);
            String retry = known.get().getHeaderString("Retry-After");
            response.setHeader("Retry-After", retry == null ? "5" : retry);
            if (json) {
                Problem.of(503, "unavailable", "Service unavailable", "Certificates cannot be checked at the moment; try again shortly")
                        .send(response);
            } else {
                page(response, "ระบบขัดข้องชั่วคราว / Temporarily unavailable",
                        "<p>ยังตรวจสอบไม่ได้ในขณะนี้ โปรดลองใหม่อีกครั้งในอีกสักครู่ / Certificates cannot be checked at the moment; "
                                + "try again shortly.</p>");
            }
        }
    }

    private void answer(HttpServletRequest request, HttpServletResponse response, boolean json) throws IOException {
        // guessing serials from one address is slowed down; a real holder checks a handful at most
        long wait = limiter.hit("verify:" + addresses.of(request), maxPerMinute, Duration.ofMinutes(1));
        if (wait > 0) {
            response.setStatus(429);
            response.setHeader("Retry-After", String.valueOf(wait));
            response.setContentType("application/problem+json");
            response.getWriter().write("{\"type\":\"urn:sakkaya:problem:too-many-requests\",\"title\":\"Too many requests\","
                    + "\"status\":429,\"detail\":\"Too many verifications from this address; try again later\"}");
            return;
        }
        String typed = request.getPathInfo() == null ? "" : request.getPathInfo().substring(1);
        Optional<Certificate> found = certificates.verify(typed);
        if (found.isEmpty()) {
            response.setStatus(404);
            if (json) {
                response.setContentType("application/problem+json");
                response.getWriter().write("{\"type\":\"urn:sakkaya:problem:not-found\",\"title\":\"Not found\",\"status\":404,"
                        + "\"detail\":\"No certificate has this serial\"}");
            } else {
                page(response, "ไม่พบวุฒิบัตรหรือเกียรติบัตร / Certificate not found",
                        "<p>ไม่พบวุฒิบัตรหรือเกียรติบัตรที่มีเลขที่นี้ในระบบ / No certificate has this serial.</p>");
            }
            return;
        }
        Certificate c = found.get();
        Verification v = new Verification(Serials.grouped(c.serial()), c.status().name(), c.kind().name(), c.holderName(),
                c.programNameTh(), c.cohortNumber(), c.issuedOn(), c.sha256(), c.signedBy(),
                c.replacedBy() == null ? null : Serials.grouped(c.replacedBy()));
        if (json) {
            response.setContentType("application/json");
            response.getWriter().write(JSON.toJson(v));
            return;
        }
        boolean valid = c.status() == Certificate.Status.VALID;
        String word = c.kind() == Certificate.Kind.ACHIEVEMENT ? "วุฒิบัตร" : "เกียรติบัตร";
        page(response, valid ? word + "นี้ถูกต้อง / VALID" : word + "นี้ถูกเพิกถอน / REVOKED",
                "<dl><dt>ประเภท / Kind</dt><dd>" + (c.kind() == Certificate.Kind.ACHIEVEMENT
                        ? "วุฒิบัตร (ผ่านเกณฑ์การประเมิน) / achievement" : "เกียรติบัตร (เข้าร่วมการอบรม) / participation") + "</dd>"
                        + "<dt>ผู้ได้รับ / Holder</dt><dd>" + escape(v.holderName()) + "</dd>"
                        + "<dt>หลักสูตร / Programme</dt><dd>" + escape(v.programNameTh()) + " รุ่นที่ " + v.cohortNumber() + "</dd>"
                        + "<dt>วันที่ออก / Issued</dt><dd>" + escape(ThaiDates.longForm(v.issuedOn()) + " / " + ThaiDates.english(v.issuedOn())) + "</dd>"
                        + "<dt>เลขที่ / Serial</dt><dd>" + escape(v.serial()) + "</dd>"
                        + "<dt>SHA-256 ของไฟล์ PDF / of the PDF</dt><dd><code>" + v.sha256() + "</code></dd>"
                        + (v.signedBy() == null ? "" : "<dt>ลงนามดิจิทัลโดย / Digitally signed by</dt><dd>" + escape(v.signedBy()) + "</dd>")
                        + (v.replacedBy() == null ? "" : "<dt>ออกฉบับใหม่แทนแล้ว / Replaced by</dt><dd><a href=\"" + escape(v.replacedBy())
                                + "\">" + escape(v.replacedBy()) + "</a></dd>")
                        + "</dl><p>ไฟล์ที่แก้ไขแล้วจะมีค่า SHA-256 ไม่ตรงกับค่านี้ และลายมือชื่อดิจิทัลในไฟล์จะไม่ถูกต้อง / "
                        + "An edited copy has a different SHA-256 and its digital signature no longer validates.</p>");
    }
}
