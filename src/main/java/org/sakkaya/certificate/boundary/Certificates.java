package org.sakkaya.certificate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.awt.Color;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.assessment.boundary.Gradebook;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.certificate.entity.Certificate;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Programs;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Program;

/**
 * Certificates of achievement (วุฒิบัตร) for trainees who passed. Issuing is idempotent: a trainee who has one
 * gets no second. The PDF is rendered once and kept with its SHA-256. Holders, their HR and PROGRAM_ADMIN read
 * them; every download is audited; anyone can verify a serial without signing in.
 */
@ApplicationScoped
public class Certificates {
    private static final Color ACCENT = new Color(0x1f, 0x4e, 0x79);

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    Gradebook gradebook;

    @Inject
    Cohorts cohorts;

    @Inject
    Programs programs;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    OrganizationScope scope;

    @Inject
    @ConfigProperty(name = "sakkaya.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    public record Issued(int issued, int alreadyHeld) {
    }

    /** Issues to every trainee who passed and holds none yet. Running it again issues nothing new. */
    @Transactional
    public Issued issueAll(String cohortId) {
        Issued issued = issue(cohortId, LocalDate.now(clock.withZone(Bangkok.ZONE)), caller.personId());
        audit.record("CERTIFICATES_ISSUED", "cohort", cohortId, issued.issued() + " issued");
        return issued;
    }

    /** The demo's seeding at start-up, when there is no caller: dated {@code issuedOn}, issued by nobody. */
    @Transactional
    public Issued issueForDemo(String cohortId, LocalDate issuedOn) {
        return issue(cohortId, issuedOn, null);
    }

    private Issued issue(String cohortId, LocalDate issuedOn, String issuedBy) {
        Cohort cohort = cohorts.find(cohortId);
        Program program = programs.find(cohort.programId());
        String issuer = organizations.find(cohort.organizerId()).nameTh();
        List<Gradebook.Row> passed = gradebook.decisions(cohortId).rows().stream().filter(Gradebook.Row::passed).toList();
        Set<String> held = new HashSet<>(em.createQuery("SELECT c.enrollmentId FROM Certificate c WHERE c.cohortId = :cohort", String.class)
                .setParameter("cohort", cohortId).getResultList());
        Map<String, PersonSummary> names = people.summaries(passed.stream().map(Gradebook.Row::personId).toList());
        int issued = 0;
        for (Gradebook.Row row : passed) {
            if (held.contains(row.enrollmentId())) {
                continue;
            }
            String serial = Serials.next();
            String holder = names.get(row.personId()).fullNameTh();
            byte[] pdf = CertificatePdf.render(new CertificatePdf.Content(issuer, "วุฒิบัตร", holder,
                    List.of("ได้ผ่านการอบรมและผ่านเกณฑ์การประเมินผล หลักสูตร"), program.nameTh(),
                    cohort.nameTh(), issuedOn, serial, verifyUrl(serial), List.of(), ACCENT));
            em.persist(new Certificate(serial, row.enrollmentId(), row.personId(), cohortId, row.organizationId(), holder,
                    program.nameTh(), cohort.number(), issuedOn, pdf, sha256(pdf), issuedBy, clock.instant()));
            issued++;
        }
        return new Issued(issued, held.size());
    }

    /** PROGRAM_ADMIN: all; HR: its own staff's; anyone else: their own. */
    public List<Certificate> list(String cohortId, String organizationId) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        if (cohortId != null) {
            where.append(" AND c.cohortId = :cohort");
        }
        if (organizationId != null) {
            where.append(" AND c.organizationId = :org");
        }
        boolean all = caller.is(Roles.PROGRAM_ADMIN);
        Set<String> orgs = all ? Set.of() : scope.hrOrganizationIds();
        if (!all) {
            where.append(orgs.isEmpty() ? " AND c.personId = :me" : " AND (c.organizationId IN :orgs OR c.personId = :me)");
        }
        var query = em.createQuery("SELECT c FROM Certificate c" + where + " ORDER BY c.issuedOn, c.holderName, c.serial", Certificate.class);
        if (cohortId != null) {
            query.setParameter("cohort", cohortId);
        }
        if (organizationId != null) {
            query.setParameter("org", organizationId);
        }
        if (!all) {
            query.setParameter("me", caller.personId());
            if (!orgs.isEmpty()) {
                query.setParameter("orgs", orgs);
            }
        }
        return query.getResultList();
    }

    /** The PDF as issued, for the holder, their HR and PROGRAM_ADMIN; the download is audited. */
    @Transactional
    public Certificate download(String serial) {
        Certificate certificate = readable(serial);
        audit.record("CERTIFICATE_DOWNLOADED", "certificate", certificate.serial(), null);
        return certificate;
    }

    @Transactional
    public Certificate revoke(String serial, String reason) {
        Certificate certificate = find(serial).orElseThrow(() -> new NotFound("Certificate", serial));
        certificate.revoke(reason, clock.instant());
        audit.record("CERTIFICATE_REVOKED", "certificate", serial, reason);
        return certificate;
    }

    /** For the public verification page: only what the certificate prints, its status and its hash. */
    public Optional<Certificate> verify(String typed) {
        return Serials.parse(typed).flatMap(this::find);
    }

    /** Serials of the cohort's certificates the caller may download in bulk (HR: own staff; PROGRAM_ADMIN: all). */
    public List<String> bulk(String cohortId, String organizationId) {
        cohorts.find(cohortId);
        boolean all = caller.is(Roles.PROGRAM_ADMIN);
        Set<String> orgs = scope.hrOrganizationIds();
        if (!all && orgs.isEmpty()) {
            throw new NotFound("Cohort", cohortId);
        }
        String where = " WHERE c.cohortId = :cohort" + (all ? "" : " AND c.organizationId IN :orgs")
                + (organizationId == null ? "" : " AND c.organizationId = :org");
        var query = em.createQuery("SELECT c.serial FROM Certificate c" + where + " ORDER BY c.holderName, c.serial", String.class)
                .setParameter("cohort", cohortId);
        if (!all) {
            query.setParameter("orgs", orgs);
        }
        if (organizationId != null) {
            query.setParameter("org", organizationId);
        }
        return query.getResultList();
    }

    /** One certificate, for a ZIP being streamed: they are read one at a time, so memory stays flat. */
    public Certificate load(String serial) {
        return find(serial).orElseThrow();
    }

    /** The bytes as issued, read on their own (a projection, so nothing depends on lazy loading). */
    public byte[] pdfOf(String serial) {
        byte[] pdf = em.createQuery("SELECT c.pdf FROM Certificate c WHERE c.serial = :serial", byte[].class)
                .setParameter("serial", serial).getSingleResult();
        if (pdf == null) {
            // erased at the holder's request; the serial still verifies
            throw new NotFound("PDF of certificate", serial);
        }
        return pdf;
    }

    @Transactional
    public void recordBulkDownload(String cohortId, List<String> serials) {
        audit.record("CERTIFICATES_DOWNLOADED", "cohort", cohortId, serials.size() + " certificates: " + String.join(",", serials));
    }

    public String verifyUrl(String serial) {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "verify/" + serial;
    }

    private Certificate readable(String serial) {
        Certificate certificate = find(serial).orElseThrow(() -> new NotFound("Certificate", serial));
        if (caller.is(Roles.PROGRAM_ADMIN) || caller.isPerson(certificate.personId()) || scope.hrCovers(certificate.organizationId())) {
            return certificate;
        }
        throw new NotFound("Certificate", serial);
    }

    private Optional<Certificate> find(String serial) {
        return Optional.ofNullable(em.find(Certificate.class, serial));
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
