package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.assessment.control.DaysLate;
import org.sakkaya.assessment.control.Rubric;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.assessment.entity.Attempt;
import org.sakkaya.assessment.entity.Grade;
import org.sakkaya.assessment.entity.LatePolicy;
import org.sakkaya.assessment.entity.Submission;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.Jsons;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.files.StoredFile;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.boundary.ResultInputsChanged;
import org.sakkaya.program.entity.Cohort;

/**
 * Assignment work and its grading. Trainees hand in revisions until the due time (the assessment's close, or their
 * extension); the late policy decides what happens after it. Trainers of the cohort grade the newest revision by
 * rubric or plain score; every grade is kept, a regrade says why, and trainees see released grades only. A grade is
 * idempotent: the current grade sent again by its grader is answered and not kept twice.
 */
@ApplicationScoped
public class Assignments {
    @PersistenceContext
    EntityManager em;

    /** The attempts' review rule: whether a trainee has been shown a finished attempt's keys. */
    @Inject
    Attempts reviews;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    Assessments assessments;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    FileStore files;

    /** Tells the persisted pass decisions that this cohort's inputs changed. */
    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    @Transactional
    public Submission submit(String assessmentId, String text, String url, InputStream file, String fileName) {
        Assessment assessment = assessments.find(assessmentId);
        String person = caller.personId();
        if (!enrollments.isSeated(assessment.cohortId(), person)) {
            throw new NotFound("Assessment", assessmentId);
        }
        takesWork(assessment, assessments.closesFor(assessment, person), clock.instant()); // before a file comes in for nothing
        boolean hasText = text != null && !text.isBlank();
        boolean hasUrl = url != null && !url.isBlank();
        if (!hasText && !hasUrl && file == null) {
            throw new InvalidInput("text", "send text, a url or a file");
        }
        if (hasUrl && !url.strip().matches("https?://\\S{1,1990}")) {
            throw new InvalidInput("url", "must be an http or https address");
        }
        // No locking read: locking the person's (possibly absent) rows takes gap locks that deadlock other trainees'
        // hand-ins. Two hand-ins of one person at the same moment collide on the unique revision and one gets 409.
        long previous = em.createQuery("SELECT COUNT(s) FROM Submission s WHERE s.assessmentId = :a AND s.personId = :p", Long.class)
                .setParameter("a", assessmentId).setParameter("p", person).getSingleResult();
        StoredFile stored = file == null ? null : files.store("file", file, fileName, person);
        // Once the file is in (locks are not held while a slow upload comes in), as they are now, by locking reads (the
        // transaction's snapshot was taken before the upload): the assessment, locked shared, so that one corrected
        // meanwhile (its window, its late rule, given again as a quiz) is judged as corrected and none is corrected
        // until this is in; then the seat, locked, so that a withdrawal committing meanwhile is waited for and its
        // trainee's work refused; then the trainee's extension. The stored file goes with a rollback. The order is a
        // start's: the assessment, then the seat.
        assessment = assessments.findLockedSharedAgain(assessmentId);
        if (!enrollments.isSeatedLocking(assessment.cohortId(), person)) {
            throw new NotFound("Assessment", assessmentId);
        }
        Instant now = clock.instant();
        // the due time as it is now too: the transaction's snapshot was taken before the upload
        int daysLate = takesWork(assessment, assessments.closesForNow(assessment, person), now);
        Submission submission = new Submission(assessmentId, person, (int) previous + 1, hasText ? text : null,
                hasUrl ? url.strip() : null, stored == null ? null : stored.id(), now, daysLate);
        em.persist(submission);
        em.flush(); // a duplicate revision shows here, inside the use case, as a 409
        audit.record("WORK_SUBMITTED", "submission", submission.id(), "revision " + submission.revision());
        return submission;
    }

    /** Whether the assignment takes work due at {@code due} now: the days it is late, or why not. */
    private static int takesWork(Assessment assessment, Instant due, Instant now) {
        if (assessment.kind() != AssessmentKind.ASSIGNMENT) {
            throw new RuleViolation("not-an-assignment", "This assessment is answered with attempts, not submissions");
        }
        if (now.isBefore(assessment.opensAt())) {
            throw new RuleViolation("assessment-closed", "This assignment does not take work yet");
        }
        int daysLate = DaysLate.of(due, now);
        if (daysLate > 0 && assessment.latePolicy() == LatePolicy.REFUSE) {
            throw new RuleViolation("past-due", "The due time has passed and this assignment takes no late work");
        }
        return daysLate;
    }

    /** A grade with what the answer to it shows: the submission graded and the trainee's grading history, this grade last. */
    public record Graded(Submission submission, Grade grade, List<Grade> history) {
    }

    @Transactional
    public Graded grade(String submissionId, GradeRequest request) {
        // locked, so that two graders' first grades take turns: the second is a regrade and needs its reason
        Submission submission = Optional.ofNullable(em.find(Submission.class, submissionId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Submission", submissionId));
        Assessment assessment = assessments.find(submission.assessmentId());
        Cohort cohort = cohorts.find(assessment.cohortId());
        if (!assessments.staffOf(cohort)) {
            throw new NotFound("Submission", submissionId);
        }
        Submission newest = newest(assessment.id(), submission.personId()).orElseThrow();
        if (!newest.id().equals(submissionId)) {
            throw new Conflict("not-newest-revision", "Grade the newest revision (" + newest.revision() + ")");
        }
        BigDecimal raw;
        String rubricScores = null;
        if (request.rubricScores() != null && !request.rubricScores().isEmpty()) {
            Rubric rubric = assessment.rubric().orElseThrow(() -> new InvalidInput("rubricScores", "this assignment has no rubric"));
            Set<Integer> seen = new HashSet<>();
            raw = BigDecimal.ZERO;
            for (int i = 0; i < request.rubricScores().size(); i++) {
                GradeRequest.RubricScore picked = request.rubricScores().get(i);
                String prefix = "rubricScores[" + i + "].";
                rubric.check(picked.criterionIndex(), picked.points()).ifPresent(problem -> {
                    String[] parts = problem.split(": ", 2);
                    throw new InvalidInput(prefix + parts[0], parts[1]);
                });
                if (!seen.add(picked.criterionIndex())) {
                    throw new InvalidInput(prefix + "criterionIndex", "is graded twice");
                }
                raw = raw.add(picked.points());
            }
            if (seen.size() != rubric.criteria().size()) {
                throw new InvalidInput("rubricScores", "grade every one of the " + rubric.criteria().size() + " criteria");
            }
            var json = Jsons.array();
            request.rubricScores().forEach(r -> json.add(Jsons.object().add("criterionIndex", r.criterionIndex()).add("points", r.points())));
            rubricScores = json.build().toString();
        } else if (request.score() != null) {
            raw = request.score();
            if (raw.compareTo(assessment.maxScore()) > 0) {
                throw new InvalidInput("score", "must be at most " + assessment.maxScore().stripTrailingZeros().toPlainString());
            }
        } else {
            throw new InvalidInput("score", "give a score or rubricScores");
        }
        raw = raw.setScale(4, RoundingMode.HALF_UP);
        BigDecimal score = raw;
        // days late by the trainee's due time now: an extension granted after a late hand-in excuses it (work on time
        // when handed in stays on time, as an extension only moves the due time later: no look-up then)
        int daysLate = assessment.latePolicy() == LatePolicy.PENALTY_PER_DAY && submission.daysLate() > 0
                ? DaysLate.of(dueFor(assessment, submission.personId()), submission.submittedAt()) : 0;
        if (daysLate > 0) {
            BigDecimal kept = BigDecimal.ONE.subtract(assessment.latePenaltyPercentPerDay()
                    .multiply(BigDecimal.valueOf(daysLate)).divide(BigDecimal.valueOf(100), 6, RoundingMode.HALF_UP));
            score = raw.multiply(kept.max(BigDecimal.ZERO)).setScale(4, RoundingMode.HALF_UP);
        }
        // a score sent with rubric scores that says otherwise was dropped without a word: the grader meant one of the
        // two. The sum, or the score after the late penalty (as a grade read back shows it), says the same.
        if (rubricScores != null && request.score() != null && request.score().compareTo(raw) != 0 && request.score().compareTo(score) != 0) {
            throw new InvalidInput("score", "is " + raw.stripTrailingZeros().toPlainString()
                    + " by the rubric scores sent with it; send the rubric scores alone, or a score alone");
        }
        boolean released = request.released() == null || request.released();
        List<Grade> history = new ArrayList<>(history(assessment.id(), submission.personId()));
        if (!history.isEmpty() && history.get(history.size() - 1).isSameGrade(submissionId, score, raw, rubricScores, request.feedback(),
                request.reason(), released, caller.personId())) {
            // the grade that counts already, sent again by its grader (its answer lost, say): PUT is idempotent, so it
            // is answered as it was, with no second history row, audit event or change of the pass decisions
            return new Graded(submission, history.get(history.size() - 1), List.copyOf(history));
        }
        // a regrade changes a grade the trainee was shown for this very revision: the first grade of a new revision
        // (handed in after the last was graded) and the release of a grade held back are not, and asked a grader for a
        // reason they did not have
        boolean regrade = history.stream().anyMatch(g -> g.submissionId().equals(submissionId) && g.released());
        if (regrade && (request.reason() == null || request.reason().isBlank())) {
            throw new InvalidInput("reason", "a regrade needs a reason");
        }
        Grade grade = new Grade(submission, score, raw, rubricScores, request.feedback(), request.reason(), released,
                caller.personId(), clock.instant());
        em.persist(grade);
        // audited as a regrade when this revision had a grade before, shown or held back; the first grade of a revision
        // handed in after the last was graded is a grade
        boolean revisionGraded = history.stream().anyMatch(g -> g.submissionId().equals(submissionId));
        audit.record(revisionGraded ? "WORK_REGRADED" : "WORK_GRADED", "submission", submissionId, "score " + score.toPlainString());
        resultInputsChanged.fire(new ResultInputsChanged(cohort.id()));
        history.add(grade); // the newest: history is in the order graded
        return new Graded(submission, grade, List.copyOf(history));
    }

    @Transactional
    public Instant extend(String assessmentId, String personId, Instant dueAt) {
        // locked shared first, as a start and a hand-in take it before the trainee's rows: taken after the attempts'
        // locks (by the extension's row), a start holding it and waiting for those, and a correction waiting for the
        // start, deadlocked (a probe of the fourteenth session: 1 in 10 corrections answered 503)
        Assessment assessment = assessments.findLockedShared(assessmentId);
        if (!assessments.staffOf(cohorts.find(assessment.cohortId()))) {
            throw new NotFound("Assessment", assessmentId);
        }
        if (!enrollments.isSeated(assessment.cohortId(), personId)) {
            throw new NotFound("Trainee", personId);
        }
        // on a quiz or test the trainee may start and finish attempts until dueAt (a trainee seated from the waitlist
        // after a required quiz closed could otherwise never pass); on an assignment it is their due time
        if (dueAt.isBefore(assessment.closesAt())) {
            throw new RuleViolation("extension-before-close", "An extension gives a later due time than the assessment's closesAt ("
                    + Bangkok.text(assessment.closesAt()) + ")", new FieldError("dueAt", "is before the assessment closes"));
        }
        if (assessment.kind().autoGraded()) {
            extendAttempts(assessment, personId, dueAt);
        }
        em.createNativeQuery("INSERT INTO assignment_extension (assessment_id, person_id, due_at, granted_by) VALUES (?1, ?2, ?3, ?4) "
                        + "ON DUPLICATE KEY UPDATE due_at = ?3, granted_by = ?4")
                .setParameter(1, assessmentId).setParameter(2, personId)
                .setParameter(3, LocalDateTime.ofInstant(dueAt, ZoneOffset.UTC)).setParameter(4, caller.personId())
                .executeUpdate();
        audit.record("EXTENSION_GRANTED", "assessment", assessmentId, "for " + personId);
        return dueAt;
    }

    /**
     * On a quiz: refused once the trainee may have been shown the keys of a finished attempt (the review rule allowed
     * it: after their last attempt, or after their close), as another attempt would be answered with them; their attempts
     * still running end at the new due time, or their time limit (one started ten minutes before the close, or under
     * an extension cut back, would have kept its old deadline).
     */
    private void extendAttempts(Assessment assessment, String personId, Instant dueAt) {
        Instant now = clock.instant();
        List<Attempt> attempts = em.createQuery("SELECT t FROM Attempt t WHERE t.assessmentId = :a AND t.personId = :p ORDER BY t.number",
                        Attempt.class)
                .setParameter("a", assessment.id()).setParameter("p", personId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList();
        // as the attempt itself shows them: after the last attempt, or the trainee's close
        if (attempts.stream().anyMatch(t -> t.status().finished() && reviews.keysShown(t))) {
            throw new RuleViolation("keys-shown", "This trainee may have read the keys of a finished attempt (review "
                    + assessment.review() + "): another attempt would be answered with them", new FieldError("personId",
                    "has been shown this quiz's keys"));
        }
        attempts.forEach(t -> t.moveDeadline(assessment.deadlineFor(t.startedAt(), dueAt), now));
    }

    /**
     * Staff: every trainee's newest revision, oldest hand-in first. A trainee: their own revisions, newest first. Paged,
     * with the count: a cohort of hundreds came back as one answer.
     */
    public Page<Submission> of(String assessmentId, PageRequest page) {
        Assessment assessment = assessments.find(assessmentId);
        Cohort cohort = cohorts.find(assessment.cohortId());
        if (assessments.staffOf(cohort)) {
            String where = " FROM Submission s WHERE s.assessmentId = :a AND s.revision = "
                    + "(SELECT MAX(t.revision) FROM Submission t WHERE t.assessmentId = s.assessmentId AND t.personId = s.personId)";
            return page.of(em.createQuery("SELECT s" + where + " ORDER BY s.submittedAt, s.id", Submission.class),
                    em.createQuery("SELECT COUNT(s)" + where, Long.class), Map.of("a", assessmentId));
        }
        if (!enrollments.isSeated(cohort.id(), caller.personId())) {
            throw new NotFound("Assessment", assessmentId);
        }
        String where = " FROM Submission s WHERE s.assessmentId = :a AND s.personId = :p";
        return page.of(em.createQuery("SELECT s" + where + " ORDER BY s.revision DESC", Submission.class),
                em.createQuery("SELECT COUNT(s)" + where, Long.class), Map.of("a", assessmentId, "p", caller.personId()));
    }

    /**
     * The grade shown with each person's work in a list, as {@link #current} gives it for one: the newest for the
     * staff reading others' work, the newest released one for anyone's own. One statement per kind of reader.
     */
    public Map<String, Grade> gradesShown(String assessmentId, List<Submission> work) {
        Set<String> own = new java.util.HashSet<>();
        Set<String> others = new java.util.HashSet<>();
        work.forEach(s -> (staffView(s) ? others : own).add(s.personId()));
        Map<String, Grade> shown = new java.util.HashMap<>(newestGrades(assessmentId, others, false));
        shown.putAll(newestGrades(assessmentId, own, true));
        return shown;
    }

    private Map<String, Grade> newestGrades(String assessmentId, Set<String> personIds, boolean releasedOnly) {
        if (personIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Grade> newest = new java.util.HashMap<>();
        em.createQuery("SELECT g FROM Grade g WHERE g.assessmentId = :a AND g.personId IN :p"
                        + (releasedOnly ? " AND g.released = TRUE" : "") + " ORDER BY g.gradedAt, g.id", Grade.class)
                .setParameter("a", assessmentId).setParameter("p", personIds)
                .getResultStream().forEach(g -> newest.put(g.personId(), g));
        return newest;
    }

    /** One submission: its trainee or the cohort's staff. */
    public Submission get(String submissionId) {
        Submission submission = em.find(Submission.class, submissionId);
        if (submission == null) {
            throw new NotFound("Submission", submissionId);
        }
        if (!caller.isPerson(submission.personId())
                && !assessments.staffOf(cohorts.find(assessments.find(submission.assessmentId()).cohortId()))) {
            throw new NotFound("Submission", submissionId);
        }
        return submission;
    }

    public boolean staffView(Submission submission) {
        return !caller.isPerson(submission.personId());
    }

    public StoredFile fileOf(String submissionId) {
        Submission submission = get(submissionId);
        if (submission.fileId() == null) {
            throw new NotFound("File of submission", submissionId);
        }
        return files.find(submission.fileId());
    }

    /**
     * A waiting hand-in with the assignment it answers and its cohort, so that a trainer of several knows which, and
     * the grade it was given and held back from the trainee, if it was.
     */
    public record Queued(Submission submission, String assessmentTitle, String cohortId, Grade held) {
    }

    /**
     * The caller's grading queue: the newest revision of each trainee's work on an assignment of a cohort they train,
     * without a grade or whose newest grade is held back ({@code released: false}, which counts for nobody and holds the
     * cohort's results up as ungraded work does), oldest hand-in first and by id among hand-ins of the same instant, so that consecutive pages
     * neither repeat nor skip work. Only the work of trainees who still hold a seat in that cohort: a trainee who
     * withdrew is not graded any more (their work stays, and is listed again if they take a seat again). With a cohort,
     * that cohort's work only; a cohort the caller does not train is not found, as everywhere else.
     * <p>
     * The same five statements whatever the page, and none of them reads or binds the seats of the trainer's past
     * cohorts: the cohorts trained; who has work waiting in which cohort, and how much (the count comes from it); which
     * of those trainees still hold their seat (one batched call to the programme feature, which owns seats, about those
     * trainees only); the page, leaving out the few whose work waits where they hold no seat; and the grades held back
     * on the page's work.
     */
    public Page<Queued> queue(String cohortId, PageRequest page) {
        List<String> trained = enrollments.cohortsTrainedBy(caller.personId());
        if (cohortId != null && !trained.contains(cohortId)) {
            throw new NotFound("Cohort", cohortId);
        }
        List<String> cohortIds = cohortId == null ? trained : List.of(cohortId);
        if (cohortIds.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        String waiting = " FROM Submission s, Assessment a WHERE s.assessmentId = a.id AND a.cohortId IN :cohorts "
                + "AND a.kind = :assignment AND s.revision = (SELECT MAX(t.revision) FROM Submission t "
                + "WHERE t.assessmentId = s.assessmentId AND t.personId = s.personId) "
                // no released grade that is the newest: none at all, or the newest held back
                + "AND NOT EXISTS (SELECT g FROM Grade g WHERE g.submissionId = s.id AND g.released = TRUE "
                + "AND NOT EXISTS (SELECT h FROM Grade h WHERE h.submissionId = s.id "
                + "AND (h.gradedAt > g.gradedAt OR (h.gradedAt = g.gradedAt AND h.id > g.id))))";
        // cohort -> trainee -> pieces of work waiting
        Map<String, Map<String, Long>> waitingBy = new HashMap<>();
        Set<String> people = new HashSet<>();
        em.createQuery("SELECT a.cohortId, s.personId, COUNT(s)" + waiting + " GROUP BY a.cohortId, s.personId", Object[].class)
                .setParameter("cohorts", cohortIds).setParameter("assignment", AssessmentKind.ASSIGNMENT)
                .getResultList()
                .forEach(row -> {
                    waitingBy.computeIfAbsent((String) row[0], k -> new HashMap<>()).put((String) row[1], ((Number) row[2]).longValue());
                    people.add((String) row[1]);
                });
        if (waitingBy.isEmpty()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        // per cohort, its own seat holders: a trainee who left one cohort may still hold a seat in another
        Map<String, Set<String>> seated = enrollments.seatHolders(waitingBy.keySet(), people);
        long total = 0;
        Map<String, Set<String>> unseated = new HashMap<>();
        for (Map.Entry<String, Map<String, Long>> cohort : waitingBy.entrySet()) {
            Set<String> holders = seated.getOrDefault(cohort.getKey(), Set.of());
            for (Map.Entry<String, Long> trainee : cohort.getValue().entrySet()) {
                if (holders.contains(trainee.getKey())) {
                    total += trainee.getValue();
                } else {
                    unseated.computeIfAbsent(cohort.getKey(), k -> new HashSet<>()).add(trainee.getKey());
                }
            }
        }
        if (total == 0) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        List<String> leftOut = List.copyOf(unseated.keySet());
        StringBuilder seatedOnly = new StringBuilder();
        for (int i = 0; i < leftOut.size(); i++) {
            seatedOnly.append(" AND NOT (a.cohortId = :c").append(i).append(" AND s.personId IN :p").append(i).append(')');
        }
        TypedQuery<Object[]> items = em.createQuery("SELECT s, a.title, a.cohortId" + waiting + seatedOnly + " ORDER BY s.submittedAt, s.id",
                        Object[].class)
                .setParameter("cohorts", cohortIds).setParameter("assignment", AssessmentKind.ASSIGNMENT);
        for (int i = 0; i < leftOut.size(); i++) {
            items.setParameter("c" + i, leftOut.get(i)).setParameter("p" + i, unseated.get(leftOut.get(i)));
        }
        List<Object[]> rows = page.apply(items).getResultList();
        // work listed with a grade has only grades held back since its newest released one, if any: the newest is shown
        Map<String, Grade> held = new HashMap<>();
        if (!rows.isEmpty()) {
            em.createQuery("SELECT g FROM Grade g WHERE g.submissionId IN :ids ORDER BY g.gradedAt, g.id", Grade.class)
                    .setParameter("ids", rows.stream().map(row -> ((Submission) row[0]).id()).toList())
                    .getResultList()
                    .forEach(g -> held.put(g.submissionId(), g));
        }
        List<Queued> queued = rows.stream().map(row -> {
            Submission work = (Submission) row[0];
            return new Queued(work, (String) row[1], (String) row[2], held.get(work.id()));
        }).toList();
        return new Page<>(queued, page.page(), page.size(), total);
    }

    /** Every grade of the person's work on the assessment, oldest first. */
    public List<Grade> history(String assessmentId, String personId) {
        return em.createQuery("SELECT g FROM Grade g WHERE g.assessmentId = :a AND g.personId = :p ORDER BY g.gradedAt, g.id", Grade.class)
                .setParameter("a", assessmentId).setParameter("p", personId).getResultList();
    }

    /** The grade that counts: the newest; for the trainee, the newest released one. */
    public Optional<Grade> current(String assessmentId, String personId, boolean releasedOnly) {
        List<Grade> grades = history(assessmentId, personId);
        for (int i = grades.size() - 1; i >= 0; i--) {
            if (!releasedOnly || grades.get(i).released()) {
                return Optional.of(grades.get(i));
            }
        }
        return Optional.empty();
    }

    private Optional<Submission> newest(String assessmentId, String personId) {
        return em.createQuery("SELECT s FROM Submission s WHERE s.assessmentId = :a AND s.personId = :p ORDER BY s.revision DESC", Submission.class)
                .setParameter("a", assessmentId).setParameter("p", personId).setMaxResults(1).getResultStream().findFirst();
    }

    private Instant dueFor(Assessment assessment, String personId) {
        return assessments.closesFor(assessment, personId);
    }
}
