package org.sakkaya.certificate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.certificate.entity.Certificate;
import org.sakkaya.certificate.entity.CertificateJob;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.Sha256;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Programs;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Program;

/**
 * Renders, signs and stores certificates, one transaction per call: a request's whole (small) cohort, or one batch
 * of a background job together with the job's progress, so that progress never counts what did not commit.
 */
@ApplicationScoped
public class CertificateIssuer {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Cohorts cohorts;

    @Inject
    Programs programs;

    @Inject
    Organizations organizations;

    @Inject
    People people;

    @Inject
    CertificateTemplates templates;

    @Inject
    CertificateSigning signing;

    @Inject
    Audit audit;

    @Inject
    CertificateJobStore jobs;

    @Inject
    @ConfigProperty(name = "sakkaya.public-url", defaultValue = "http://localhost:8080")
    String publicUrl;

    /**
     * Issues what is {@code pending} and not held by the time this transaction looks (a parallel call may have been
     * first), dated {@code issuedOn}; when {@code jobId} is given, adds this batch to that job's progress, provided the
     * job is still {@code runner}'s (else {@link LeaseLost}, and nothing is issued).
     */
    @Transactional
    public Certificates.Issued issue(String cohortId, List<Certificates.Pending> pending, LocalDate issuedOn, String issuedBy, String jobId,
                                     String runner) {
        if (jobId != null && !jobs.hold(jobId, runner)) {
            throw new LeaseLost(jobId);
        }
        Cohort cohort = cohorts.find(cohortId);
        Program program = programs.find(cohort.programId());
        String issuer = organizations.find(cohort.organizerId()).nameTh();
        Set<String> held = new HashSet<>();
        long alreadyHeld = em.createQuery("SELECT COUNT(c) FROM Certificate c WHERE c.cohortId = :cohort AND c.status = :valid", Long.class)
                .setParameter("cohort", cohortId).setParameter("valid", Certificate.Status.VALID).getSingleResult();
        if (!pending.isEmpty()) {
            for (Object[] row : em.createQuery("SELECT c.enrollmentId, c.kind FROM Certificate c WHERE c.enrollmentId IN :ids", Object[].class)
                    .setParameter("ids", pending.stream().map(Certificates.Pending::enrollmentId).toList()).getResultList()) {
                held.add(row[0] + "/" + row[1]);
            }
        }
        Map<String, PersonSummary> names = people.summaries(pending.stream().map(Certificates.Pending::personId).toList());
        Map<Certificate.Kind, CertificateTemplates.Layout> layouts = new java.util.EnumMap<>(Certificate.Kind.class);
        int issued = 0;
        int participation = 0;
        for (Certificates.Pending p : pending) {
            if (held.contains(p.enrollmentId() + "/" + p.kind())) {
                continue;
            }
            PersonSummary holder = names.get(p.personId());
            if (holder == null || Person.ERASED_NAME.equals(holder.fullNameTh())) {
                // erased under PDPA after the job planned this batch: no name to print, none owed (Certificates.pending)
                continue;
            }
            CertificateTemplates.Layout layout = layouts.computeIfAbsent(p.kind(), k -> layout(program, k));
            em.persist(render(Serials.next(), p, holder, cohort, program, issuer, layout, issuedOn, issuedBy));
            issued++;
            if (p.kind() == Certificate.Kind.PARTICIPATION) {
                participation++;
            }
        }
        if (jobId != null) {
            em.find(CertificateJob.class, jobId).progress(pending.size(), issued);
        } else if (issuedBy != null) {
            audit.recordAs(issuedBy, "CERTIFICATES_ISSUED", "cohort", cohortId, issued + " issued");
        }
        return new Certificates.Issued(issued, participation, (int) alreadyHeld);
    }

    /**
     * Replaces {@code old} (locked by the caller) with a new certificate for the same enrolment and kind, printed with
     * the holder's name as it is now and dated as the old one was: the old one is revoked with {@code reason} and
     * points to the new one. The caller has checked that the certificate is still owed.
     */
    @Transactional
    public Certificate replace(Certificate old, Certificates.Pending owed, PersonSummary holder, String reason, String issuedBy) {
        Cohort cohort = cohorts.find(old.cohortId());
        Program program = programs.find(cohort.programId());
        String issuer = organizations.find(cohort.organizerId()).nameTh();
        Certificate replacement = render(Serials.next(), owed, holder, cohort, program, issuer, layout(program, old.kind()),
                old.issuedOn(), issuedBy);
        boolean revokedNow = old.status() == Certificate.Status.VALID;
        old.replaceBy(replacement.serial(), reason, clock.instant());
        // the old one stops being VALID before the new one is written: one VALID certificate of a kind per enrolment
        em.flush();
        em.persist(replacement);
        if (revokedNow) {
            audit.recordAs(issuedBy, "CERTIFICATE_REVOKED", "certificate", old.serial(), reason);
        }
        audit.recordAs(issuedBy, "CERTIFICATE_REISSUED", "certificate", replacement.serial(), "replaces " + old.serial());
        return replacement;
    }

    private CertificateTemplates.Layout layout(Program program, Certificate.Kind kind) {
        return templates.layout(program.id(), kind).orElseThrow(() -> new IllegalStateException("No template for " + kind));
    }

    /** Renders and signs one certificate; not yet persisted. */
    private Certificate render(String serial, Certificates.Pending p, PersonSummary person, Cohort cohort, Program program, String issuer,
                               CertificateTemplates.Layout layout, LocalDate issuedOn, String issuedBy) {
        String holder = person.fullNameTh();
        byte[] rendered;
        try {
            rendered = CertificatePdf.render(layout.content(issuer, holder, program.nameTh(), cohort.nameTh(), issuedOn, serial,
                    verifyUrl(serial)));
        } catch (CertificatePdf.DoesNotFit e) {
            // the template fitted its sample names when saved; a longer real name or cohort name can still wrap
            throw new RuleViolation("certificate-does-not-fit", e.getMessage() + " for " + holder + " in " + cohort.nameTh()
                    + ": shorten the template's " + p.kind() + " text or drop an image, then issue again");
        }
        byte[] pdf = signing.sign(rendered, clock.instant(), layout.title() + " " + program.nameTh() + " " + cohort.nameTh());
        return new Certificate(serial, p.kind(), p.enrollmentId(), p.personId(), cohort.id(), p.organizationId(), holder,
                person.sortNameTh(), program.nameTh(), cohort.number(), issuedOn, pdf, Sha256.hex(pdf), signing.signerName(), issuedBy, clock.instant());
    }

    public String verifyUrl(String serial) {
        return (publicUrl.endsWith("/") ? publicUrl : publicUrl + "/") + "verify/" + serial;
    }

    /** A batch of a job that another instance has taken over: this instance stops, the other issues the rest. */
    static final class LeaseLost extends RuntimeException {
        private static final long serialVersionUID = 1L;

        LeaseLost(String jobId) {
            super("Certificate job " + jobId + " was taken over by another instance");
        }
    }
}
