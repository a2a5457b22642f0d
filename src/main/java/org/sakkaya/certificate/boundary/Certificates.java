package org.sakkaya.certificate.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.assessment.boundary.Assessments;
import org.sakkaya.assessment.boundary.Gradebook;
import org.sakkaya.assessment.control.PassDecision;
import org.sakkaya.certificate.control.RevokedStamp;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.certificate.entity.Certificate;
import org.sakkaya.certificate.entity.CertificateJob;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.audit.AuditEvent;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.EnrollmentStatus;

/**
 * Certificates of achievement (วุฒิบัตร) for trainees who passed, and of participation (เกียรติบัตร) where the
 * programme asks for them. Issuing is idempotent: nobody gets a second certificate of a kind. The PDF is rendered
 * once from the programme's template, signed (PAdES) and kept with its SHA-256. Holders, their HR and PROGRAM_ADMIN read
 * them; every download is audited; anyone can verify a serial without signing in.
 */
@ApplicationScoped
public class Certificates {
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
    Assessments assessments;

    @Inject
    Cohorts cohorts;

    @Inject
    OrganizationScope scope;

    @Inject
    @ConfigProperty(name = "sakkaya.certificates.sync-max", defaultValue = "50")
    int syncMax;

    @Inject
    CertificateTemplates templates;

    @Inject
    CertificateSigning signing;

    @Inject
    CertificateIssuer issuer;

    @Inject
    CertificateJobs jobs;

    @Inject
    People people;

    /** What one call issued: {@code issued} in all, of which {@code participation}; {@code alreadyHeld} were there. */
    public record Issued(int issued, int participation, int alreadyHeld) {
    }

    /** Issuing either finished at once ({@code issued}) or runs as a background {@code job} to poll. */
    public record Started(Issued issued, CertificateJob job) {
    }

    /** One certificate still to issue: whose, and which kind. */
    public record Pending(String enrollmentId, String personId, String organizationId, Certificate.Kind kind) {
    }

    /**
     * Issues to every trainee who passed (ACHIEVEMENT) and, where the programme has a PARTICIPATION template, to the
     * other evaluated trainees who meet its attendance; nobody gets a second certificate of a kind. Only once the
     * cohort's results are final: its last day is over and none of its counted assessments is still open or has
     * hand-ins of seated trainees waiting to be graded or released ({@link Assessments#stillOpen}). Up to {@code
     * sakkaya.certificates.sync-max} certificates are issued within the request; more start a background job.
     */
    public Started issueAll(String cohortId) {
        signing.require();
        Cohort cohort = cohorts.find(cohortId);
        LocalDate today = LocalDate.now(clock.withZone(Bangkok.ZONE));
        // a certificate says the training was completed: before the last day is over, attendance and scores are not
        // all in, and the pass decision would certify partial work
        if (!cohort.ended(today)) {
            throw new RuleViolation("cohort-not-ended", "The cohort runs until " + cohort.endsOn()
                    + "; its certificates are issued after its last day, when its results are final");
        }
        // nor while work is still due or waits to be graded: a project due after the last day, an extension, a hand-in
        // not graded yet would count 0, and its trainee be certified as not having passed
        List<Assessments.Open> open = assessments.stillOpen(List.of(cohortId));
        if (!open.isEmpty()) {
            String type = Assessments.Open.problemType(open);
            throw new RuleViolation(type, (type.equals("assessments-open") ? "Assessments of this cohort are still open ("
                    : "Hand-ins to assessments of this cohort are not graded yet (") + Assessments.Open.listed(open)
                    + "); its certificates are issued once they have closed and every hand-in is graded and released, "
                    + "when its results are final");
        }
        // while a job issues this cohort's certificates, asking again answers that job: issuing the last few here as
        // well would race it for the same enrolments
        Optional<CertificateJob> running = jobs.running(cohortId);
        if (running.isPresent()) {
            return new Started(null, running.get());
        }
        List<Pending> pending = pending(cohort);
        if (pending.size() <= syncMax) {
            return new Started(issuer.issue(cohortId, pending, today, caller.personId(), null, null), null);
        }
        return new Started(null, jobs.start(cohortId, pending.size(), today, caller.personId()));
    }

    /** The demo's seeding at start-up, when there is no caller: dated {@code issuedOn}, issued by nobody. */
    public Issued issueForDemo(String cohortId, LocalDate issuedOn) {
        return issuer.issue(cohortId, pending(cohorts.find(cohortId)), issuedOn, null, null, null);
    }

    /**
     * What a cohort owes and holds: valid certificates, those still owed and not issued, and the valid ones whose holder
     * no longer meets their conditions (a grade or attendance corrected after issuing), for PROGRAM_ADMIN to revoke or
     * leave. Nothing is changed here.
     */
    public Standing standing(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        Optional<CertificateTemplates.Layout> participation = templates.layout(cohort.programId(), Certificate.Kind.PARTICIPATION);
        Gradebook.Book book = gradebook.decisions(cohortId);
        Map<String, Gradebook.Row> rows = new HashMap<>();
        book.rows().forEach(row -> rows.put(row.enrollmentId(), row));
        List<Certificate> valid = em.createQuery("SELECT c FROM Certificate c WHERE c.cohortId = :cohort AND c.status = :valid "
                        + "ORDER BY c.serial", Certificate.class)
                .setParameter("cohort", cohortId).setParameter("valid", Certificate.Status.VALID).getResultList();
        List<Unowed> unowed = new ArrayList<>();
        for (Certificate certificate : valid) {
            Gradebook.Row row = rows.get(certificate.enrollmentId());
            // a holder outside the gradebook (no longer evaluated) is not judged here
            if (row != null && !stillOwed(certificate, row)) {
                unowed.add(new Unowed(CertificateView.of(certificate), row.passed(), row.reasons()));
            }
        }
        return new Standing(cohortId, cohort.ended(LocalDate.now(clock.withZone(Bangkok.ZONE))), valid.size(),
                pending(cohort, book, participation).size(), unowed);
    }

    /**
     * {@code GET /cohorts/{id}/certificates}: {@code valid} certificates held; {@code pending}, owed and never issued
     * (what issuing the cohort would issue now; a revoked certificate is not issued again by itself); and
     * {@code noLongerOwed}: valid achievement certificates whose holder no longer passes by the live results, and valid
     * participation certificates whose holder withdrew.
     */
    public record Standing(String cohortId, boolean ended, int valid, int pending, List<Unowed> noLongerOwed) {
    }

    /** A valid certificate not owed any more, with the holder's result now and the reasons it gives. */
    public record Unowed(CertificateView certificate, boolean passed, List<PassDecision.Reason> reasons) {
    }

    /** Who is owed a certificate of which kind and holds none of it yet, from the live pass decisions. */
    public List<Pending> pending(Cohort cohort) {
        return pending(cohort, gradebook.decisions(cohort.id()), templates.layout(cohort.programId(), Certificate.Kind.PARTICIPATION));
    }

    private List<Pending> pending(Cohort cohort, Gradebook.Book book, Optional<CertificateTemplates.Layout> participation) {
        Set<String> held = new HashSet<>();
        Set<Object> achieving = new HashSet<>();
        for (Object[] row : em.createQuery("SELECT c.enrollmentId, c.kind, c.status FROM Certificate c WHERE c.cohortId = :cohort",
                Object[].class).setParameter("cohort", cohort.id()).getResultList()) {
            held.add(row[0] + "/" + row[1]);
            if (row[1] == Certificate.Kind.ACHIEVEMENT && row[2] == Certificate.Status.VALID) {
                achieving.add(row[0]);
            }
        }
        List<Pending> pending = new ArrayList<>();
        for (Gradebook.Row row : book.rows()) {
            if (Person.ERASED_NAME.equals(row.personName())) {
                // erased under PDPA before a certificate was issued: there is no name to print, and none is owed to a
                // record that no longer says who it was (re-issuing refuses them for the same reason)
                continue;
            }
            // a valid achievement no longer owed (a regrade took the pass away) is the administrator's to revoke: until
            // then it stands, and a participation certificate beside it would say two things of one result
            Certificate.Kind kind = owes(Certificate.Kind.ACHIEVEMENT, row, participation) ? Certificate.Kind.ACHIEVEMENT
                    : achieving.contains(row.enrollmentId()) ? null
                    : owes(Certificate.Kind.PARTICIPATION, row, participation) ? Certificate.Kind.PARTICIPATION : null;
            if (kind != null && !held.contains(row.enrollmentId() + "/" + kind)) {
                pending.add(new Pending(row.enrollmentId(), row.personId(), row.organizationId(), kind));
            }
        }
        return pending;
    }

    /**
     * Whether the trainee of {@code row} is owed a certificate of {@code kind}: an achievement when they passed, a
     * participation certificate when the programme has its template and they took part.
     */
    private static boolean owes(Certificate.Kind kind, Gradebook.Row row, Optional<CertificateTemplates.Layout> participation) {
        return kind == Certificate.Kind.ACHIEVEMENT ? row.passed()
                : participation.filter(p -> tookPart(row, p.minAttendancePercent())).isPresent();
    }

    /**
     * Whether a certificate issued earlier is still owed, by its holder's result {@code row} now: an achievement while
     * they pass; a participation certificate by what cannot change with its template (templates apply to the next
     * certificates only), that they did not drop out.
     */
    private static boolean stillOwed(Certificate certificate, Gradebook.Row row) {
        return certificate.kind() == Certificate.Kind.ACHIEVEMENT ? row.passed() : !droppedOut(row);
    }

    /**
     * A gradebook row whose trainee holds no seat gave one up during the cohort (the gradebook has only those it
     * evaluates): withdrawn, or nominated or waitlisted again since.
     */
    private static boolean droppedOut(Gradebook.Row row) {
        return !EnrollmentStatus.valueOf(row.status()).takesSeat();
    }

    /** Took part: stayed to the end (did not drop out) and, when the template asks, attended enough. */
    private static boolean tookPart(Gradebook.Row row, BigDecimal minAttendancePercent) {
        if (droppedOut(row)) {
            return false;
        }
        return minAttendancePercent == null
                || (row.attendancePercent() != null && row.attendancePercent().compareTo(minAttendancePercent) >= 0);
    }

    /** PROGRAM_ADMIN: all; HR: its own staff's; anyone else: their own. A page at a time, counted in SQL. */
    public Page<Certificate> list(String cohortId, String organizationId, PageRequest page) {
        StringBuilder where = new StringBuilder(" WHERE 1 = 1");
        Map<String, Object> parameters = new HashMap<>();
        if (cohortId != null) {
            where.append(" AND c.cohortId = :cohort");
            parameters.put("cohort", cohortId);
        }
        if (organizationId != null) {
            // the organisation with the units below it: HR filtering on its department got its divisions' staff left out
            where.append(" AND c.organizationId IN :org");
            parameters.put("org", subtreeOrNone(organizationId));
        }
        if (!caller.is(Roles.PROGRAM_ADMIN)) {
            Set<String> orgs = scope.hrOrganizationIds();
            where.append(orgs.isEmpty() ? " AND c.personId = :me" : " AND (c.organizationId IN :orgs OR c.personId = :me)");
            parameters.put("me", caller.personId());
            if (!orgs.isEmpty()) {
                parameters.put("orgs", orgs);
            }
        }
        var query = em.createQuery("SELECT c FROM Certificate c" + where + " ORDER BY c.issuedOn, c.holderSortName, c.holderName, c.serial", Certificate.class);
        var count = em.createQuery("SELECT COUNT(c) FROM Certificate c" + where, Long.class);
        parameters.forEach(query::setParameter);
        parameters.forEach(count::setParameter);
        return new Page<>(page.apply(query).getResultList(), page.page(), page.size(), count.getSingleResult());
    }

    /**
     * The PDF of a certificate the caller may read (the holder, their HR and PROGRAM_ADMIN), audited in the same
     * transaction as the read that found it: a PDF erased at the holder's request is 404 and no download is recorded,
     * and the audit names the copy that went out (a revoked certificate is only served stamped). Until 2026-11-27 the
     * download was recorded first, in a transaction of its own.
     */
    @Transactional
    public Pdf download(String serial) {
        Pdf pdf = pdfOf(readable(serial));
        audit.record("CERTIFICATE_DOWNLOADED", "certificate", pdf.serial(), pdf.revoked() ? "stamped revoked copy" : null);
        return pdf;
    }

    @Transactional
    public Certificate revoke(String serial, String reason) {
        Certificate certificate = find(serial).orElseThrow(() -> new NotFound("Certificate", serial));
        certificate.revoke(reason, clock.instant());
        audit.record("CERTIFICATE_REVOKED", "certificate", certificate.serial(), reason);
        return certificate;
    }

    /**
     * Replaces a certificate, typically one printed with a misspelt name after the name was corrected: the old one is
     * revoked with {@code reason} and leads to a new one for the same enrolment and kind, dated as the old one was and
     * printed with the holder's name as it is now. Only while the certificate is still owed, as {@link #standing} judges
     * it: an achievement to a trainee who still passes, a participation certificate to one who did not withdraw (a
     * template changed since, or deleted, is not held against it; a deleted one only leaves nothing to print with).
     */
    @Transactional
    public Certificate reissue(String serial, String reason) {
        signing.require();
        // locked: two administrators replacing the same certificate at once get one replacement and a 409
        Certificate old = Serials.parse(serial).map(s -> em.find(Certificate.class, s, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Certificate", serial));
        if (old.replacedBy() != null) {
            throw new Conflict("already-replaced", "This certificate was replaced already, by " + old.replacedBy()
                    + "; re-issue that one instead");
        }
        Gradebook.Row row = gradebook.result(old.enrollmentId());
        if (!stillOwed(old, row)) {
            throw new RuleViolation("certificate-not-owed", (old.kind() == Certificate.Kind.ACHIEVEMENT
                    ? "The trainee no longer passes the cohort's evaluation" : "The trainee withdrew from the cohort")
                    + ", so there is nothing to re-issue; revoke the certificate instead");
        }
        // the replacement is printed from the programme's template as it is now, and participation has no built-in one
        if (templates.layout(cohorts.find(old.cohortId()).programId(), old.kind()).isEmpty()) {
            throw new RuleViolation("certificate-template-missing", "The programme has no " + old.kind()
                    + " template to print the replacement with; save one again, then re-issue");
        }
        PersonSummary holder = people.summaries(List.of(old.personId())).get(old.personId());
        if (holder == null || Person.ERASED_NAME.equals(holder.fullNameTh())) {
            throw new RuleViolation("holder-erased", "The holder's personal data was erased, so no name can be printed");
        }
        return issuer.replace(old, new Pending(old.enrollmentId(), old.personId(), row.organizationId(), old.kind()),
                holder, reason, caller.personId());
    }

    /** For the public verification page: only what the certificate prints, its status and its hash. */
    public Optional<Certificate> verify(String typed) {
        return find(typed);
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
                + (organizationId == null ? "" : " AND c.organizationId IN :org");
        var query = em.createQuery("SELECT c.serial FROM Certificate c" + where + " ORDER BY c.holderSortName, c.holderName, c.serial", String.class)
                .setParameter("cohort", cohortId);
        if (!all) {
            query.setParameter("orgs", orgs);
        }
        if (organizationId != null) {
            query.setParameter("org", subtreeOrNone(organizationId));
        }
        return query.getResultList();
    }

    /** An organisation and the units below it; an unknown one names nothing (an id no organisation has). */
    private Set<String> subtreeOrNone(String organizationId) {
        Set<String> subtree = scope.subtreeOf(organizationId);
        return subtree.isEmpty() ? Set.of(organizationId) : subtree;
    }

    /** One certificate, for a ZIP being streamed: they are read one at a time, so memory stays flat. */
    public Certificate load(String serial) {
        return find(serial).orElseThrow();
    }

    /** A certificate's PDF as handed out, and whether it is the revoked copy. */
    public record Pdf(String serial, byte[] bytes, boolean revoked) {
    }

    /**
     * The PDF of a certificate the caller may read: while it is valid, the bytes as issued; once it
     * is revoked, a copy stamped as revoked on every page, with the date and any replacement ({@link RevokedStamp}).
     * The stored PDF and its SHA-256 stay as issued. The bytes and the status come from one read of the row, so a
     * revocation that commits after the caller's access check still gets the stamp.
     */
    private Pdf pdfOf(Certificate certificate) {
        String serial = certificate.serial();
        Object[] row = em.createQuery("SELECT c.pdf, c.status, c.revokedAt, c.replacedBy FROM Certificate c WHERE c.serial = :serial",
                Object[].class).setParameter("serial", serial).getSingleResult();
        // erased at the holder's request; the serial still verifies
        if (row[0] == null) {
            throw new NotFound("PDF of certificate", serial);
        }
        byte[] issued = (byte[]) row[0];
        if (row[1] == Certificate.Status.VALID) {
            return new Pdf(serial, issued, false);
        }
        Instant revokedAt = (Instant) row[2];
        return new Pdf(serial, RevokedStamp.stamp(issued, revokedAt == null ? null : LocalDate.ofInstant(revokedAt, Bangkok.ZONE),
                (String) row[3]), true);
    }

    /** The bytes as issued, or nothing when a PDPA erasure removed the PDF: a cohort's ZIP goes on without it. */
    public Optional<byte[]> storedPdf(String serial) {
        return Optional.ofNullable(em.createQuery("SELECT c.pdf FROM Certificate c WHERE c.serial = :serial", byte[].class)
                .setParameter("serial", serial).getSingleResult());
    }

    /** Audits a ZIP with every serial it lists, over as many rows as they need. */
    @Transactional
    public void recordBulkDownload(String cohortId, List<String> serials) {
        for (String detail : bulkDetails(serials, AuditEvent.MAX_DETAIL)) {
            audit.record("CERTIFICATES_DOWNLOADED", "cohort", cohortId, detail);
        }
    }

    /**
     * The details of a ZIP's audit rows, each at most {@code max} characters, which together list every serial: one
     * row held about 70 of them, and the audit log cut the rest of a larger cohort's off.
     */
    static List<String> bulkDetails(List<String> serials, int max) {
        String widestHead = serials.size() + " certificates, part " + serials.size() + " of " + serials.size() + ": ";
        int perRow = Math.max(1, (max - widestHead.length() + 1) / (Serials.LENGTH + 1));
        int rows = Math.max(1, (serials.size() + perRow - 1) / perRow);
        List<String> details = new ArrayList<>();
        for (int row = 0; row < rows; row++) {
            details.add(serials.size() + " certificates" + (rows == 1 ? "" : ", part " + (row + 1) + " of " + rows) + ": "
                    + String.join(",", serials.subList(row * perRow, Math.min(serials.size(), (row + 1) * perRow))));
        }
        return details;
    }

    private Certificate readable(String serial) {
        Certificate certificate = find(serial).orElseThrow(() -> new NotFound("Certificate", serial));
        if (caller.is(Roles.PROGRAM_ADMIN) || caller.isPerson(certificate.personId()) || scope.hrCovers(certificate.organizationId())) {
            return certificate;
        }
        throw new NotFound("Certificate", serial);
    }

    /**
     * The certificate of a serial as a person may write it: the PDF and the verification page print it grouped
     * ({@code P7ED-3J5J-...}), and whatever is copied from there finds it, here as on the public page.
     */
    private Optional<Certificate> find(String serial) {
        return Serials.parse(serial).map(s -> em.find(Certificate.class, s));
    }
}
