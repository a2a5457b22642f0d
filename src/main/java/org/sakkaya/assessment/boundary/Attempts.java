package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.Attempt;
import org.sakkaya.assessment.entity.AttemptAnswer;
import org.sakkaya.assessment.entity.AttemptStatus;
import org.sakkaya.assessment.control.Scoring;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.assessment.entity.Question;
import org.sakkaya.assessment.entity.QuestionKind;
import org.sakkaya.assessment.entity.ReviewRule;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.boundary.SeatWithdrawn;
import org.sakkaya.program.boundary.ResultInputsChanged;

/**
 * Attempts at auto-graded assessments. The attempt row is locked for every change, so answers, submission and
 * expiry never interleave: however many submits of one attempt arrive together, it is graded exactly once and
 * every one of them gets that same result. The time a request arrives decides whether it is in time.
 */
@ApplicationScoped
public class Attempts {
    private static final Random RANDOM = new SecureRandom();
    /** The longest answer an autosave takes, as JSON: 10,000 Thai characters are 30,000 bytes, within the column. */
    static final int MAX_ANSWER_CHARS = 10_000;

    @PersistenceContext
    EntityManager em;

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

    /** Tells the persisted pass decisions that this cohort's inputs changed. */
    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    /** An attempt started now, or the one in progress that a start answered instead. */
    public record Started(Loaded loaded, boolean resumed) {
    }

    /** Starts an attempt, or answers the one in progress (starting twice does not use up an attempt). */
    @Transactional
    public Started start(String assessmentId) {
        // locked shared: an attempt is never started on questions, rules or a window being corrected in the same moment
        Assessment assessment = assessments.findLockedShared(assessmentId);
        String person = caller.personId();
        // a locking read: a withdrawal committing now is waited for, and no attempt is opened after it; a second start
        // of the trainee sent at the same moment waits here too (EclipseLink writes the lock FOR UPDATE on MariaDB)
        if (!enrollments.isSeatedLocking(assessment.cohortId(), person)) {
            throw new NotFound("Assessment", assessmentId);
        }
        if (!assessment.kind().autoGraded()) {
            // an empty attempt at an assignment scored 0 and counted as the required assignment handed in
            throw new RuleViolation("not-auto-graded", "This assessment is handed in as a submission, not answered with attempts");
        }
        if (assessment.kind() == AssessmentKind.POST_TEST) {
            finishPreTests(assessment.cohortId(), person, clock.instant());
        }
        if (assessment.kind() == AssessmentKind.PRE_TEST && tookPostTest(assessment.cohortId(), person)) {
            // the pre-test measures where a trainee starts: taken after the post-test (its questions seen), it made the
            // learning gain of the cohort's report what the trainee chose
            throw new RuleViolation("post-test-taken", "The pre-test measures where you started; you have taken the "
                    + "post-test of this cohort already");
        }
        Instant now = clock.instant();
        // No locking read of the person's attempts: locking rows that may not exist takes gap locks, and a cohort
        // starting a quiz together would deadlock. Existing rows are locked one by one; two starts of one person take
        // turns on the enrolment's lock above, and this plain read sees the attempt the other started: the transaction's
        // snapshot is taken by its first plain read, after that lock. Until 2026-11-27 the assessment was read plainly first,
        // the snapshot taken before the lock, and the second start was answered 409 on the attempt's unique number.
        List<Attempt> previous = em.createQuery("SELECT t FROM Attempt t WHERE t.assessmentId = :a AND t.personId = :p ORDER BY t.number",
                        Attempt.class)
                .setParameter("a", assessmentId).setParameter("p", person)
                .getResultList();
        for (Attempt attempt : previous) {
            if (attempt.status() == AttemptStatus.IN_PROGRESS) {
                // read again with the lock, as it is now: a plain refresh answers from the transaction's snapshot
                // (taken by the first read, before this waited), and a submit committed meanwhile was not seen, so the
                // start answered the submitted attempt as still in progress instead of starting the next one
                em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
                if (attempt.status() == AttemptStatus.IN_PROGRESS && !attempt.pastDeadline(now)) {
                    // with the answers an autosave committed while this waited
                    return new Started(new Loaded(attempt, assessment, questions(attempt.layout().keySet()), answersNow(attempt.id())), true);
                }
                if (attempt.status() == AttemptStatus.IN_PROGRESS) {
                    grade(attempt, assessment, now);
                }
            }
        }
        // the trainee's own close (an extension), looked up only where it can matter: past the assessment's close, or
        // where the close would cut the attempt short
        Instant closes = assessment.closesAt();
        if (!now.isBefore(assessment.opensAt()) && !assessment.deadlineFor(now, closes).isBefore(closes)) {
            closes = assessments.closesFor(assessment, person);
        }
        if (!assessment.openAt(now, closes)) {
            throw new RuleViolation("assessment-closed", "This assessment is not open now");
        }
        if (previous.size() >= assessment.maxAttempts()) {
            throw new RuleViolation("no-attempts-left", "All " + assessment.maxAttempts() + " attempts are used");
        }
        List<String> drawn = draw(assessment);
        Map<String, Question> questions = questions(drawn);
        Attempt attempt = new Attempt(assessmentId, person, previous.size() + 1, layout(drawn, questions), now, assessment.deadlineFor(now, closes));
        em.persist(attempt);
        em.flush(); // a second start at the same moment shows here as a 409
        return new Started(new Loaded(attempt, assessment, questions, Map.of()), false);
    }

    /**
     * An attempt with what its view shows, as the use case that changed it read them, so that answering does not read
     * them again. A null assessment is read if the view needs it.
     */
    public record Loaded(Attempt attempt, Assessment assessment, Map<String, Question> questions, Map<String, AttemptAnswer> answers) {
    }

    /**
     * Autosave: the answers replace earlier ones; questions not in this attempt are refused, and nothing is saved. An
     * autosave that arrives after the deadline is refused (409), but the grading it did of the answers saved in time
     * is kept: at a deadline many late autosaves arrive, and each would otherwise grade under the lock and roll it back.
     */
    @Transactional(dontRollbackOn = Conflict.class)
    public Loaded save(String attemptId, List<AnswerRequest> answers) {
        Attempt attempt = lockOwn(attemptId);
        Instant now = clock.instant();
        if (attempt.status() == AttemptStatus.IN_PROGRESS && attempt.pastDeadline(now)) {
            grade(attempt, assessments.find(attempt.assessmentId()), now);
        }
        attempt.requireOpen(now);
        Set<String> shown = attempt.layout().keySet();
        // read before the answers are written (the answer read after them needs them anyway): each answer's shape is
        // checked against its question's kind
        Map<String, Question> questions = questions(shown);
        List<AnswerRequest> checked = new ArrayList<>(answers.size());
        for (int i = 0; i < answers.size(); i++) {
            if (!shown.contains(answers.get(i).questionId())) {
                throw new InvalidInput("[" + i + "].questionId", "is not a question of this attempt");
            }
            // an empty box of a form that autosaves the whole page is no answer, whatever the question's kind: refused,
            // it would have thrown the rest of the page away at every autosave
            JsonValue answer = Scoring.blank(answers.get(i).answer()) ? JsonValue.NULL : answers.get(i).answer();
            QuestionKind kind = questions.get(answers.get(i).questionId()).kind();
            String shape = Scoring.shapeProblem(kind, answer);
            if (shape != null) {
                throw new InvalidInput("[" + i + "].answer", shape);
            }
            if (kind == QuestionKind.TRUE_FALSE && answer.getValueType() != JsonValue.ValueType.NULL) {
                answer = Scoring.trueOrFalse(answer); // kept as the value it means, as the key is
            }
            checked.add(new AnswerRequest(answers.get(i).questionId(), answer));
            // the column holds 65,535 bytes of UTF-8: a long paste answered 500 and lost the whole autosave
            if (answer.toString().length() > MAX_ANSWER_CHARS) {
                throw new InvalidInput("[" + i + "].answer", "is too long: at most " + MAX_ANSWER_CHARS + " characters");
            }
            if (answer instanceof JsonNumber number && !Scoring.takes(number.bigDecimalValue())) {
                throw new InvalidInput("[" + i + "].answer", "has more than " + Scoring.MAX_DIGITS + " digits or decimal places");
            }
        }
        writeAnswers(attemptId, checked, now);
        return new Loaded(attempt, null, questions, answers(attempt.id()));
    }

    /**
     * The answers in one statement, not one find and one write per answer: new ones inserted, earlier ones replaced.
     * A question answered twice in one request keeps the later answer, as the rows are applied in order. The attempt
     * is locked, so no other request writes its answers meanwhile.
     */
    private void writeAnswers(String attemptId, List<AnswerRequest> answers, Instant now) {
        if (answers.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("INSERT INTO attempt_answer (attempt_id, question_id, answer, saved_at) VALUES ");
        for (int i = 0; i < answers.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?1, ?").append(2 * i + 3).append(", ?").append(2 * i + 4).append(", ?2)");
        }
        sql.append(" ON DUPLICATE KEY UPDATE answer = VALUES(answer), saved_at = VALUES(saved_at)");
        Query insert = em.createNativeQuery(sql.toString())
                .setParameter(1, attemptId).setParameter(2, LocalDateTime.ofInstant(now, ZoneOffset.UTC));
        for (int i = 0; i < answers.size(); i++) {
            insert.setParameter(2 * i + 3, answers.get(i).questionId()).setParameter(2 * i + 4, answers.get(i).answer().toString());
        }
        insert.executeUpdate();
    }

    /** Submits and grades; submitting again answers the same result. After the deadline, saved answers count. */
    @Transactional
    public Loaded submit(String attemptId) {
        Attempt attempt = lockOwn(attemptId);
        Assessment assessment = assessments.find(attempt.assessmentId());
        Map<String, Question> questions = questions(attempt.layout().keySet());
        Map<String, AttemptAnswer> answers = answers(attemptId);
        if (!attempt.status().finished()) {
            grade(attempt, assessment, questions, answers, clock.instant());
        }
        return new Loaded(attempt, assessment, questions, answers);
    }

    /**
     * The attempts at a quiz: the cohort's trainers and PROGRAM_ADMIN see every trainee's, by start; a trainee who holds
     * a seat their own, by number (how many they have used, their scores, the one in progress to resume). Others are
     * told the assessment is not found. The list and its count are two statements.
     */
    public Page<Attempt> of(String assessmentId, PageRequest page) {
        Assessment assessment = assessments.find(assessmentId);
        if (assessments.staffOf(cohorts.find(assessment.cohortId()))) {
            String where = " FROM Attempt t WHERE t.assessmentId = :a";
            return page.of(em.createQuery("SELECT t" + where + " ORDER BY t.startedAt, t.id", Attempt.class),
                    em.createQuery("SELECT COUNT(t)" + where, Long.class), Map.of("a", assessmentId));
        }
        String person = caller.personId();
        if (!enrollments.isSeated(assessment.cohortId(), person)) {
            throw new NotFound("Assessment", assessmentId);
        }
        String where = " FROM Attempt t WHERE t.assessmentId = :a AND t.personId = :p";
        return page.of(em.createQuery("SELECT t" + where + " ORDER BY t.number", Attempt.class),
                em.createQuery("SELECT COUNT(t)" + where, Long.class), Map.of("a", assessmentId, "p", person));
    }

    /** The attempt for its trainee, or for the cohort's staff. An attempt past its deadline is graded first. */
    @Transactional
    public Attempt get(String attemptId) {
        Attempt attempt = Optional.ofNullable(em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Attempt", attemptId));
        Assessment assessment = assessments.find(attempt.assessmentId());
        if (!caller.isPerson(attempt.personId()) && !assessments.staffOf(cohorts.find(assessment.cohortId()))) {
            throw new NotFound("Attempt", attemptId);
        }
        Instant now = clock.instant();
        if (attempt.status() == AttemptStatus.IN_PROGRESS && attempt.pastDeadline(now)) {
            grade(attempt, assessment, now);
        }
        return attempt;
    }

    /** Grades every attempt whose deadline has passed; run on a schedule, so figures never wait for a trainee. */
    @Transactional
    public int expireOverdue() {
        Instant now = clock.instant();
        List<Attempt> overdue = em.createQuery("SELECT t FROM Attempt t WHERE t.status = :open AND t.deadlineAt <= :now", Attempt.class)
                .setParameter("open", AttemptStatus.IN_PROGRESS).setParameter("now", now)
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).setMaxResults(500).getResultList();
        overdue.forEach(attempt -> grade(attempt, assessments.find(attempt.assessmentId()), now));
        return overdue.size();
    }

    /**
     * A trainee who withdrew takes no more answers: their attempts in progress in that cohort are graded now, on the
     * answers saved so far, as the deadline would have graded them. Their result does not count as passed anyway.
     */
    void seatWithdrawn(@Observes SeatWithdrawn withdrawn) {
        Instant now = clock.instant();
        // A locking read, though it takes gap locks: a plain one would read this transaction's snapshot, taken before
        // it waited for a start that had passed its seat check, and miss the attempt that start committed. No deadlock
        // with start(): a start takes the assessment's shared lock, then the enrolment's; this transaction holds the
        // enrolment's since the withdrawal's flush and takes no lock on the assessments of its subquery (MariaDB locks
        // the rows of the attempt table only).
        em.createQuery("SELECT t FROM Attempt t WHERE t.personId = :person AND t.status = :open AND t.assessmentId IN "
                        + "(SELECT a.id FROM Assessment a WHERE a.cohortId = :cohort)", Attempt.class)
                .setParameter("person", withdrawn.personId()).setParameter("open", AttemptStatus.IN_PROGRESS)
                .setParameter("cohort", withdrawn.cohortId())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList()
                .forEach(attempt -> grade(attempt, assessments.find(attempt.assessmentId()), now));
    }

    /** How the attempt looks to the caller: keys only when the review rule allows, or to staff. */
    public AttemptView view(Attempt attempt) {
        return view(read(attempt, null));
    }

    /** The same, from what a use case has read already. */
    public AttemptView view(Loaded loaded) {
        Attempt attempt = loaded.attempt();
        Instant now = clock.instant();
        boolean staff = !caller.isPerson(attempt.personId());
        // the review rule matters only to a trainee whose attempt is finished
        boolean keys = attempt.status().finished() && (staff || reviewAllowed(Optional.ofNullable(loaded.assessment())
                .orElseGet(() -> assessments.find(attempt.assessmentId())), attempt, now));
        Map<String, List<String>> layout = attempt.layout();
        Map<String, Question> questions = loaded.questions();
        Map<String, AttemptAnswer> answers = loaded.answers();
        List<AttemptView.QuestionView> views = new ArrayList<>();
        layout.forEach((questionId, optionOrder) -> {
            Question q = questions.get(questionId);
            Map<String, String> texts = new LinkedHashMap<>();
            if (q.optionsJson() != null) {
                q.optionsJson().asJsonArray().getValuesAs(JsonObject.class)
                        .forEach(o -> texts.put(o.getString("key"), o.getString("text")));
            }
            AttemptAnswer a = answers.get(questionId);
            views.add(new AttemptView.QuestionView(q.id(), q.kind(), q.prompt(), q.points(),
                    optionOrder.stream().map(k -> new AttemptView.OptionView(k, texts.get(k))).toList(),
                    a == null ? null : a.answer(),
                    // a question's points tell its key (0 on true/false names the other answer): shown as the keys are
                    keys ? (a == null || a.points() == null ? BigDecimal.ZERO : a.points()) : null,
                    keys ? q.answerKey() : null));
        });
        return new AttemptView(attempt.id(), attempt.assessmentId(), attempt.number(), attempt.status(),
                Bangkok.time(attempt.startedAt()), Bangkok.time(attempt.deadlineAt()), Bangkok.time(attempt.finishedAt()),
                attempt.score(), attempt.maxScore(), views);
    }

    /**
     * Whether the trainee may see the keys now. After the close, not while their extension runs: they would read the
     * keys of one attempt and start the next (the extension is looked up only then, not at every submit). After a
     * submit, only once the trainee has no attempt left (or the quiz has closed for them, an extension counted): with
     * the keys of the first of two attempts shown, the second was answered from them and counted under HIGHEST.
     */
    private boolean reviewAllowed(Assessment assessment, Attempt attempt, Instant now) {
        String personId = attempt.personId();
        if (assessment.review() == ReviewRule.AFTER_SUBMIT && assessment.maxAttempts() > attempt.number()
                && (now.isBefore(assessment.closesAt()) || now.isBefore(assessments.closesFor(assessment, personId)))) {
            // every attempt used and none still running (a next one started as this one was submitted)
            List<AttemptStatus> attempts = em.createQuery("SELECT t.status FROM Attempt t WHERE t.assessmentId = :a AND t.personId = :p",
                            AttemptStatus.class)
                    .setParameter("a", assessment.id()).setParameter("p", personId).getResultList();
            if (attempts.size() < assessment.maxAttempts() || attempts.contains(AttemptStatus.IN_PROGRESS)) {
                return false;
            }
        }
        return assessment.reviewAllowed(now) && (assessment.review() != ReviewRule.AFTER_CLOSE
                || assessment.reviewAllowed(now, assessments.closesFor(assessment, personId)));
    }

    /**
     * Grades a locked attempt on its answers as they are now: read with a lock, not from the transaction's snapshot,
     * which a start or a withdrawal took before it waited for the attempt, and which misses an autosave committed
     * meanwhile (in time, so its answers count). Every writer of answers holds the attempt first, so this waits for
     * nothing more.
     */
    private void grade(Attempt attempt, Assessment assessment, Instant now) {
        grade(attempt, assessment, questions(attempt.layout().keySet()), answersNow(attempt.id()), now);
    }

    /** The answers of an attempt this transaction has locked, read with a lock: as they are now (see above). */
    private Map<String, AttemptAnswer> answersNow(String attemptId) {
        return em.createQuery("SELECT a FROM AttemptAnswer a WHERE a.attemptId = :attempt", AttemptAnswer.class)
                .setParameter("attempt", attemptId).setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultList().stream()
                .collect(Collectors.toMap(AttemptAnswer::questionId, Function.identity()));
    }

    private void grade(Attempt attempt, Assessment assessment, Map<String, Question> questions, Map<String, AttemptAnswer> answers,
                       Instant now) {
        Map<String, List<String>> layout = attempt.layout();
        BigDecimal earned = BigDecimal.ZERO;
        BigDecimal possible = BigDecimal.ZERO;
        List<AttemptAnswer> graded = new ArrayList<>();
        for (String questionId : layout.keySet()) {
            Question question = questions.get(questionId);
            AttemptAnswer answer = answers.get(questionId);
            BigDecimal points = question.score(answer == null ? null : answer.answer());
            if (answer != null) {
                answer.grade(points);
                graded.add(answer);
            }
            earned = earned.add(points);
            possible = possible.add(question.points());
        }
        writePoints(attempt.id(), graded);
        // on the assessment's scale: a quiz of 12 points out of 20 possible, marked out of 100, scores 60
        BigDecimal score = possible.signum() == 0 ? BigDecimal.ZERO
                : earned.multiply(assessment.maxScore()).divide(possible, 4, RoundingMode.HALF_UP);
        if (attempt.finish(score, assessment.maxScore(), now)) {
            audit.recordAs(attempt.personId(), "ATTEMPT_GRADED", "attempt", attempt.id(), attempt.status() + " " + score);
            resultInputsChanged.fire(new ResultInputsChanged(assessment.cohortId()));
        }
    }

    /**
     * Every answer's points in one statement: a quiz of 15 questions would otherwise send 15 updates, each with its
     * own change set, inside the attempt's lock while a whole cohort submits at once.
     */
    private void writePoints(String attemptId, List<AttemptAnswer> graded) {
        if (graded.isEmpty()) {
            return;
        }
        StringBuilder sql = new StringBuilder("UPDATE attempt_answer SET points = CASE question_id");
        for (int i = 0; i < graded.size(); i++) {
            sql.append(" WHEN ?").append(2 * i + 1).append(" THEN ?").append(2 * i + 2);
        }
        int attemptParameter = 2 * graded.size() + 1;
        sql.append(" ELSE points END WHERE attempt_id = ?").append(attemptParameter);
        Query update = em.createNativeQuery(sql.toString());
        for (int i = 0; i < graded.size(); i++) {
            update.setParameter(2 * i + 1, graded.get(i).questionId()).setParameter(2 * i + 2, graded.get(i).points());
        }
        update.setParameter(attemptParameter, attemptId).executeUpdate();
    }

    /** The attempt with its questions and the answers saved so far, read now. */
    private Loaded read(Attempt attempt, Assessment assessment) {
        return new Loaded(attempt, assessment, questions(attempt.layout().keySet()), answers(attempt.id()));
    }

    private Attempt lockOwn(String attemptId) {
        Attempt attempt = em.find(Attempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || !caller.isPerson(attempt.personId())) {
            throw new NotFound("Attempt", attemptId);
        }
        return attempt;
    }

    /**
     * A pre-test attempt still running when its taker starts the post-test is graded now, on the answers saved so far:
     * left open, it was finished after the post-test, from its questions.
     */
    private void finishPreTests(String cohortId, String personId, Instant now) {
        List<Object[]> running = em.createQuery("SELECT t, s FROM Attempt t, Assessment s WHERE t.assessmentId = s.id "
                        + "AND s.cohortId = :c AND s.kind = :kind AND t.personId = :p AND t.status = :running", Object[].class)
                .setParameter("c", cohortId).setParameter("kind", AssessmentKind.PRE_TEST).setParameter("p", personId)
                .setParameter("running", AttemptStatus.IN_PROGRESS).getResultList();
        for (Object[] row : running) {
            Attempt attempt = (Attempt) row[0];
            em.refresh(attempt, LockModeType.PESSIMISTIC_WRITE);
            if (attempt.status() == AttemptStatus.IN_PROGRESS) {
                grade(attempt, (Assessment) row[1], now);
            }
        }
    }

    /** Whether the attempt's taker may see what each of its answers earned now (its review rule). */
    boolean keysShown(Attempt attempt) {
        return attempt.status().finished() && reviewAllowed(assessments.find(attempt.assessmentId()), attempt, clock.instant());
    }

    /** Whether the person has started a post-test of the cohort. */
    private boolean tookPostTest(String cohortId, String personId) {
        return !em.createQuery("SELECT t.id FROM Attempt t, Assessment s WHERE t.assessmentId = s.id AND s.cohortId = :c "
                        + "AND s.kind = :kind AND t.personId = :p", String.class)
                .setParameter("c", cohortId).setParameter("kind", AssessmentKind.POST_TEST).setParameter("p", personId)
                .setMaxResults(1).getResultList().isEmpty();
    }

    /** The questions of a new attempt: all in order, or a random draw. */
    private static List<String> draw(Assessment assessment) {
        List<String> ids = new ArrayList<>(assessment.questionIds());
        if (assessment.drawCount() != null) {
            Collections.shuffle(ids, RANDOM);
            ids = ids.subList(0, assessment.drawCount());
        }
        return ids;
    }

    /** The drawn questions with their choice options shuffled for this attempt. */
    private static Map<String, List<String>> layout(List<String> drawn, Map<String, Question> questions) {
        Map<String, List<String>> layout = new LinkedHashMap<>();
        for (String id : drawn) {
            JsonValue options = questions.get(id).optionsJson();
            List<String> keys = new ArrayList<>();
            if (options != null) {
                options.asJsonArray().getValuesAs(JsonObject.class).forEach(o -> keys.add(((JsonString) o.get("key")).getString()));
                Collections.shuffle(keys, RANDOM);
            }
            layout.put(id, keys);
        }
        return layout;
    }

    private Map<String, Question> questions(java.util.Collection<String> ids) {
        return assessments.questions(ids);
    }

    private Map<String, AttemptAnswer> answers(String attemptId) {
        return em.createQuery("SELECT a FROM AttemptAnswer a WHERE a.attemptId = :attempt", AttemptAnswer.class)
                .setParameter("attempt", attemptId).getResultList().stream()
                .collect(Collectors.toMap(AttemptAnswer::questionId, Function.identity()));
    }

}
