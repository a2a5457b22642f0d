package org.sakkaya.certificate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.Color;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.certificate.entity.Certificate;
import org.sakkaya.certificate.entity.CertificateTemplate;
import org.sakkaya.certificate.entity.TemplateSignatory;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.program.boundary.Programs;
import org.sakkaya.program.entity.Program;

/**
 * Per-programme certificate templates. A programme without an ACHIEVEMENT template gets the built-in wording; one
 * with a PARTICIPATION template also gives certificates of participation. A template is tried out by rendering when
 * it is saved, so one that does not fit on a page is refused then, not at issue time.
 */
@ApplicationScoped
public class CertificateTemplates {
    static final String DEFAULT_ACCENT = "#1F4E79";

    @PersistenceContext
    EntityManager em;

    @Inject
    Programs programs;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    Clock clock;

    /** What a certificate of one kind prints apart from the holder, cohort, date and serial. */
    public record Layout(String title, String issuerName, List<String> bodyLines, List<CertificatePdf.Signatory> signatories,
                         Color accent, byte[] logo, BigDecimal minAttendancePercent) {
        CertificatePdf.Content content(String issuer, String holder, String programName, String cohortName, LocalDate issuedOn,
                                       String serial, String verifyUrl) {
            return new CertificatePdf.Content(issuerName == null ? issuer : issuerName, title, holder, bodyLines, programName,
                    cohortName, issuedOn, serial, verifyUrl, signatories, accent, logo);
        }
    }

    /** The layout a programme's certificates of {@code kind} get, or empty when the programme gives none of that kind. */
    public Optional<Layout> layout(String programId, Certificate.Kind kind) {
        CertificateTemplate template = em.find(CertificateTemplate.class, new CertificateTemplate.Key(programId, kind.name()));
        if (template != null) {
            return Optional.of(layoutOf(template));
        }
        if (kind == Certificate.Kind.ACHIEVEMENT) {
            return Optional.of(new Layout("วุฒิบัตร", null, List.of("ได้ผ่านการอบรมและผ่านเกณฑ์การประเมินผล หลักสูตร"), List.of(),
                    Color.decode(DEFAULT_ACCENT), null, null));
        }
        return Optional.empty();
    }

    public List<CertificateTemplate> list(String programId) {
        programs.find(programId);
        return em.createQuery("SELECT t FROM CertificateTemplate t WHERE t.programId = :program ORDER BY t.kind", CertificateTemplate.class)
                .setParameter("program", programId).getResultList();
    }

    public CertificateTemplate get(String programId, Certificate.Kind kind) {
        programs.find(programId);
        CertificateTemplate template = em.find(CertificateTemplate.class, new CertificateTemplate.Key(programId, kind.name()));
        if (template == null) {
            throw new NotFound("Certificate template", programId + "/" + kind);
        }
        return template;
    }

    @Transactional
    public CertificateTemplate put(String programId, Certificate.Kind kind, TemplateRequest request) {
        Program program = programs.find(programId);
        if (kind == Certificate.Kind.ACHIEVEMENT && request.minAttendancePercent() != null) {
            throw new InvalidInput("minAttendancePercent", "applies to PARTICIPATION templates only; achievement follows the pass policy");
        }
        List<TemplateSignatory> signatories = new ArrayList<>();
        for (int i = 0; i < request.signatories().size(); i++) {
            TemplateRequest.SignatoryRequest s = request.signatories().get(i);
            signatories.add(new TemplateSignatory(s.name().strip(), s.position().strip(),
                    DataUrls.image(s.signatureImage(), "signatories[" + i + "].signatureImage")));
        }
        try {
            CertificatePdf.checkSignatories(signatories.stream().map(s -> new CertificatePdf.Signatory(s.name(), s.position())).toList());
        } catch (CertificatePdf.SignatoryDoesNotFit e) {
            throw new InvalidInput(e.field(), e.getMessage());
        }
        byte[] logo = DataUrls.image(request.logo(), "logo");
        String accent = request.accentColor() == null ? DEFAULT_ACCENT : request.accentColor().toUpperCase();
        CertificateTemplate template = em.find(CertificateTemplate.class, new CertificateTemplate.Key(programId, kind.name()));
        if (template == null) {
            template = new CertificateTemplate(programId, kind);
            em.persist(template);
        }
        template.update(request.title().strip(), blankToNull(request.issuerName()), request.bodyLines().stream().map(String::strip).toList(),
                signatories, logo, accent, request.minAttendancePercent(), caller.personId(), clock.instant());
        try {
            render(layoutOf(template), program, "กรมตัวอย่าง");
        } catch (CertificatePdf.DoesNotFit e) {
            throw new InvalidInput("bodyLines", e.getMessage() + ": shorten the text or drop an image");
        }
        audit.record("CERTIFICATE_TEMPLATE_SAVED", "program", programId, kind.name());
        return template;
    }

    @Transactional
    public void delete(String programId, Certificate.Kind kind) {
        em.remove(get(programId, kind));
        audit.record("CERTIFICATE_TEMPLATE_DELETED", "program", programId, kind.name());
    }

    /** A sample certificate (unsigned, never stored) for the admin to look at before issuing. */
    public byte[] preview(String programId, Certificate.Kind kind) {
        Program program = programs.find(programId);
        Layout layout = layout(programId, kind).orElseThrow(() -> new NotFound("Certificate template", programId + "/" + kind));
        return render(layout, program, "หน่วยงานผู้จัดการอบรม");
    }

    private static byte[] render(Layout layout, Program program, String issuer) {
        String serial = Serials.next();
        return CertificatePdf.render(layout.content(issuer, "นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์ (ตัวอย่าง)", program.nameTh(),
                "รุ่นที่ 1", LocalDate.now(Bangkok.ZONE), serial, "https://example.invalid/verify/" + serial));
    }

    private static Layout layoutOf(CertificateTemplate t) {
        return new Layout(t.title(), t.issuerName(), t.bodyLines(),
                t.signatories().stream().map(s -> new CertificatePdf.Signatory(s.name(), s.position(), s.signatureImage())).toList(),
                Color.decode(t.accentColor()), t.logo(), t.minAttendancePercent());
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
