package org.sakkaya.workshop.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.files.StoredFile;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.platform.Links;
import org.sakkaya.workshop.entity.FieldAssignment;
import org.sakkaya.workshop.entity.FieldFeedback;
import org.sakkaya.workshop.entity.FieldReport;

/**
 * Trainees' reports on field assignments and their mentors' feedback. A trainee submits as often as they like;
 * each submission is a new revision and the latest is the current report. Mentors (the cohort's trainers) comment
 * on any revision; comments are kept as a history. Trainees see their own reports with the feedback on them.
 */
@ApplicationScoped
public class FieldReports {
    public static final int MAX_TEXT = 20000;
    public static final int MAX_LINKS = 20;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Audit audit;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    People people;

    @Inject
    FileStore files;

    @Inject
    FieldAssignments assignments;

    @Inject
    CohortAccess access;

    /** A file as it arrives; its type is read from its content, never from the name. */
    public record Upload(String fileName, InputStream content) {
    }

    /** A report with what its views show: the trainee's name, the file's metadata, the feedback in order. */
    public record Report(FieldReport report, FieldAssignment assignment, PersonSummary person, StoredFile file,
                         List<Feedback> feedback) {
    }

    public record Feedback(FieldFeedback feedback, PersonSummary author) {
    }

    /** A seated trainee's report: text, http(s) links, a file, or any of them together, never nothing. */
    @Transactional
    public Report submit(String assignmentId, String text, List<String> links, Upload upload) {
        FieldAssignment assignment = assignments.find(assignmentId);
        String me = access.callerId();
        // a locking read: a withdrawal committing now is waited for, and no report is taken after it
        if (!enrollments.isSeatedLocking(assignment.cohortId(), me)) {
            throw new NotFound("Field assignment", assignmentId);
        }
        String body = Texts.blankToNull(text);
        if (body != null && body.length() > MAX_TEXT) {
            throw new InvalidInput("text", "at most " + MAX_TEXT + " characters");
        }
        // field_report.links is a TEXT column: 65,535 bytes
        List<String> checkedLinks = Links.http(links, "links", MAX_LINKS, 65_535);
        if (body == null && checkedLinks.isEmpty() && upload == null) {
            throw new InvalidInput("text", "a report needs text, a link or a file");
        }
        FieldReport previous = em.createQuery("SELECT r FROM FieldReport r WHERE r.assignmentId = :assignment "
                        + "AND r.personId = :person AND r.latest = TRUE", FieldReport.class)
                .setParameter("assignment", assignmentId).setParameter("person", me)
                .getResultStream().findFirst().orElse(null);
        StoredFile file = upload == null ? null : files.store("file", upload.content(), upload.fileName(), me);
        FieldReport report = new FieldReport(assignmentId, me, previous, body, checkedLinks,
                file == null ? null : file.id(), clock.instant());
        em.persist(report);
        audit.record("FIELD_REPORT_SUBMITTED", "field-report", report.id(),
                "assignment " + assignmentId + " revision " + report.revision());
        return new Report(report, assignment, people.summary(me), file, List.of());
    }

    /**
     * The assignment's reports, newest first: all of them for PROGRAM_ADMIN and the cohort's trainers, HR's own
     * staff's for HR, a trainee's own. {@code latestOnly} leaves out superseded revisions.
     */
    public Page<Report> list(String assignmentId, boolean latestOnly, PageRequest page) {
        FieldAssignment assignment = assignments.find(assignmentId);
        Cohort cohort = cohorts.find(assignment.cohortId());
        if (!access.readsSchedule(cohort)) {
            throw new NotFound("Field assignment", assignmentId);
        }
        boolean all = access.runs(cohort);
        Set<String> persons = all ? Set.of()
                : access.readableSeats(cohort).stream().map(Enrollment::personId).collect(Collectors.toSet());
        if (!all && persons.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        String where = " WHERE r.assignmentId = :assignment" + (all ? "" : " AND r.personId IN :people")
                + (latestOnly ? " AND r.latest = TRUE" : "");
        var query = em.createQuery("SELECT r FROM FieldReport r" + where + " ORDER BY r.submittedAt DESC, r.id", FieldReport.class)
                .setParameter("assignment", assignmentId);
        var count = em.createQuery("SELECT COUNT(r) FROM FieldReport r" + where, Long.class)
                .setParameter("assignment", assignmentId);
        if (!all) {
            query.setParameter("people", persons);
            count.setParameter("people", persons);
        }
        List<FieldReport> reports = page.apply(query).getResultList();
        return new Page<>(details(assignment, reports), page.page(), page.size(), count.getSingleResult());
    }

    public Report get(String reportId) {
        FieldReport report = find(reportId);
        FieldAssignment assignment = assignments.find(report.assignmentId());
        if (!access.readsRecordsOf(cohorts.find(assignment.cohortId()), report.personId())) {
            throw new NotFound("Field report", reportId);
        }
        return details(assignment, List.of(report)).get(0);
    }

    public StoredFile file(String reportId) {
        Report report = get(reportId);
        if (report.file() == null) {
            throw new NotFound("File of field report", reportId);
        }
        return report.file();
    }

    /**
     * A mentor's comment: only the cohort's own trainers give feedback. Not on a report whose author's personal data
     * was erased: erasure deleted the feedback on it, and new feedback would be about that person again. The report
     * stays readable (its submission is kept), so this is a rule refused (422), not a report unknown (404).
     */
    @Transactional
    public Feedback giveFeedback(String reportId, String text) {
        FieldReport report = find(reportId);
        FieldAssignment assignment = assignments.find(report.assignmentId());
        if (!access.trains(cohorts.find(assignment.cohortId()))) {
            throw new NotFound("Field report", reportId);
        }
        if (report.erasedAt() != null) {
            throw new RuleViolation("report-author-erased", "This report's author had their personal data erased; it takes no feedback");
        }
        FieldFeedback feedback = new FieldFeedback(reportId, access.callerId(), text.strip(), clock.instant());
        em.persist(feedback);
        audit.record("FIELD_FEEDBACK_GIVEN", "field-report", reportId, null);
        return new Feedback(feedback, people.summary(access.callerId()));
    }

    private FieldReport find(String id) {
        return Optional.ofNullable(em.find(FieldReport.class, id)).orElseThrow(() -> new NotFound("Field report", id));
    }

    /** Names, files and feedback for a page of reports: one query each, whatever the page size. */
    private List<Report> details(FieldAssignment assignment, List<FieldReport> reports) {
        if (reports.isEmpty()) {
            return List.of();
        }
        Set<String> reportIds = reports.stream().map(FieldReport::id).collect(Collectors.toSet());
        List<FieldFeedback> feedback = em.createQuery("SELECT f FROM FieldFeedback f WHERE f.reportId IN :reports "
                        + "ORDER BY f.createdAt, f.id", FieldFeedback.class)
                .setParameter("reports", reportIds)
                .getResultList();
        Set<String> personIds = new HashSet<>();
        reports.forEach(r -> personIds.add(r.personId()));
        feedback.forEach(f -> personIds.add(f.authorId()));
        Map<String, PersonSummary> names = people.summaries(personIds);
        Map<String, StoredFile> stored = storedFiles(reports.stream().map(FieldReport::fileId).filter(id -> id != null).toList());
        Map<String, List<Feedback>> feedbackByReport = feedback.stream()
                .collect(Collectors.groupingBy(FieldFeedback::reportId,
                        Collectors.mapping(f -> new Feedback(f, names.get(f.authorId())), Collectors.toList())));
        return reports.stream()
                .map(r -> new Report(r, assignment, names.get(r.personId()), r.fileId() == null ? null : stored.get(r.fileId()),
                        feedbackByReport.getOrDefault(r.id(), List.of())))
                .toList();
    }

    private Map<String, StoredFile> storedFiles(Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT f FROM StoredFile f WHERE f.id IN :ids", StoredFile.class)
                .setParameter("ids", Set.copyOf(ids))
                .getResultStream()
                .collect(Collectors.toMap(StoredFile::id, Function.identity()));
    }
}
