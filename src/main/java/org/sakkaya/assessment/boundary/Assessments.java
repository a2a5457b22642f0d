package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.assessment.control.QuestionRules;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.assessment.entity.GradingRule;
import org.sakkaya.assessment.entity.Question;
import org.sakkaya.assessment.entity.ReviewRule;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.Jsons;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.persistence.ColumnSizes;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.boundary.Programs;
import org.sakkaya.program.boundary.RequiredAssessmentsNamed;
import org.sakkaya.program.boundary.ResultInputsChanged;
import org.sakkaya.program.entity.Cohort;

/**
 * Assessments of cohorts and the programme's question bank. PROGRAM_ADMIN and the cohort's trainers set them;
 * the cohort's seated trainees see them (never the keys); others are told the cohort is not found.
 */
@ApplicationScoped
public class Assessments {
    /**
     * The most questions an assessment has, written and from the bank together: far beyond any exam, and within what
     * an attempt's layout holds (each question's id and up to 20 option keys, in a MEDIUMTEXT column).
     */
    static final int MAX_QUESTIONS = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    Programs programs;

    /** Tells the persisted pass decisions that this cohort's inputs changed. */
    @Inject
    Event<ResultInputsChanged> resultInputsChanged;

    /** A new assessment, shown to its author with its questions and their keys. */
    @Transactional
    public Shown create(String cohortId, AssessmentRequest request) {
        Cohort cohort = cohorts.find(cohortId);
        if (!cohorts.runByCaller(cohort)) {
            throw new NotFound("Cohort", cohortId);
        }
        Definition definition = define(cohort, request, List.of());
        Assessment assessment = new Assessment(cohortId, clock.instant());
        apply(assessment, request, definition);
        em.persist(assessment);
        audit.record("ASSESSMENT_CREATED", "assessment", assessment.id(), "cohort " + cohortId);
        resultInputsChanged.fire(new ResultInputsChanged(cohortId));
        return authored(cohort, assessment, definition.questions());
    }

    /**
     * The whole assessment given again, as for the create, while nobody has started an attempt or handed in (409
     * {@code assessment-in-use} after: grades and attempts stand on its questions, scale and rules); with {@code
     * ifMatch}, only the version that was read (412 after another change). Its id stays, and with it the pass policy
     * that requires it and the extensions given. A question written in {@code questions} exactly as one the assessment
     * has keeps that one (a form sending everything back adds nothing to the bank); others join the bank as new ones.
     * Questions it no longer names stay in the bank, as a deleted assessment's do.
     */
    @Transactional
    public Shown replace(String id, AssessmentRequest request, String ifMatch) {
        Assessment assessment = lockedRunByCaller(id);
        RecordVersions.requireMatch(ifMatch, assessment.version(), "assessment");
        requireUnused(id, "Trainees have answered or handed in to it, and their results stand on its questions and "
                + "rules: correct the title, weight or window with PATCH, or create another");
        Cohort cohort = cohorts.find(assessment.cohortId());
        Definition definition = define(cohort, request, questionsOf(assessment));
        if (!definition.questionIds().equals(assessment.questionIds())) {
            assessment.dropQuestions();
            em.flush(); // the old rows gone before the new ones are written (see dropQuestions)
        }
        apply(assessment, request, definition);
        RecordVersions.saved(em, assessment); // a new version, though only its list of questions changed
        audit.record("ASSESSMENT_REPLACED", "assessment", id, "cohort " + assessment.cohortId());
        resultInputsChanged.fire(new ResultInputsChanged(assessment.cohortId()));
        return authored(cohort, assessment, definition.questions());
    }

    /** What the request says of the assessment, its defaults filled in, on the questions defined for it. */
    private static void apply(Assessment assessment, AssessmentRequest request, Definition definition) {
        assessment.redefine(request.kind(), request.title(), request.weight(), request.maxScore(),
                request.opensAt().toInstant(), request.closesAt().toInstant(), request.timeLimitMinutes(),
                request.maxAttempts() == null ? 1 : request.maxAttempts(),
                request.gradingRule() == null ? GradingRule.HIGHEST : request.gradingRule(),
                request.review() == null ? ReviewRule.AFTER_CLOSE : request.review(),
                request.drawCount(), request.competencyCodes() == null ? List.of() : request.competencyCodes(),
                definition.questionIds());
        assessment.markWith(request.rubric() == null ? null : request.rubric().toRubric(), request.latePolicy(),
                request.latePenaltyPercentPerDay());
    }

    /**
     * The answer to its author: with the questions and their keys, unless the author also holds a seat in the cohort
     * and takes its quizzes (as {@link #show}): one who named a live quiz's questions from the bank would read its keys.
     */
    private Shown authored(Cohort cohort, Assessment assessment, List<Question> questions) {
        return new Shown(assessment, enrollments.isSeated(cohort.id(), caller.personId()) ? null : questions);
    }

    /** 409 {@code assessment-in-use} once a trainee has started an attempt or handed in (as committed now). */
    private void requireUnused(String id, String detail) {
        if (used(id, "attempt") > 0 || used(id, "submission") > 0) {
            throw new Conflict("assessment-in-use", detail);
        }
    }

    /** A question of the bank written exactly as this one: kind, prompt, competency, points, options and key. */
    private static boolean same(Question stored, AssessmentRequest.QuestionRequest written, jakarta.json.JsonArray options) {
        String code = written.competencyCode() == null || written.competencyCode().isBlank() ? null : written.competencyCode();
        String storedCode = stored.competencyCode() == null || stored.competencyCode().isBlank() ? null : stored.competencyCode();
        return stored.kind() == written.kind() && stored.prompt().equals(written.prompt()) && java.util.Objects.equals(storedCode, code)
                && stored.points().compareTo(written.points()) == 0
                && java.util.Objects.equals(stored.optionsJson(), options) && stored.answerKey().equals(written.answer());
    }

    /** The questions an assessment is to have, in order, the written ones persisted. */
    private record Definition(List<String> questionIds, List<Question> questions) {
    }

    /**
     * Checks a request against the cohort's programme and writes its new questions to the bank: everything of a create
     * or a replacement but the assessment's own row.
     */
    private Definition define(Cohort cohort, AssessmentRequest request, List<Question> current) {
        boolean assignment = !request.kind().autoGraded();
        if (assignment && (request.questions() != null && !request.questions().isEmpty()
                || request.questionIds() != null && !request.questionIds().isEmpty())) {
            throw new InvalidInput("questions", "an assignment has no questions; it is graded by trainers");
        }
        if (!assignment && request.rubric() != null) {
            throw new InvalidInput("rubric", "only assignments are graded by rubric");
        }
        requireCompetencies(cohort.programId(), request);
        Assessment.requireWeight(request.kind(), request.weight()); // before anything of it is written
        int count = (request.questions() == null ? 0 : request.questions().size())
                + (request.questionIds() == null ? 0 : request.questionIds().size());
        if (count > MAX_QUESTIONS) {
            throw new InvalidInput(request.questionIds() == null || request.questionIds().isEmpty() ? "questions" : "questionIds",
                    "makes " + count + " questions with the others; an assessment has at most " + MAX_QUESTIONS
                            + ", written and from the bank together");
        }
        // a rubric's titles and labels, each within its limit, can together be more than the column holds
        String rubric = request.rubric() == null ? null : request.rubric().toRubric().toJson();
        if (rubric != null) {
            ColumnSizes.overText(rubric).ifPresent(problem -> {
                throw new InvalidInput("rubric", problem);
            });
        }
        Instant now = clock.instant();
        List<String> questionIds = new ArrayList<>();
        List<Question> questions = new ArrayList<>();
        List<AssessmentRequest.QuestionRequest> written = request.questions() == null ? List.of() : request.questions();
        for (int i = 0; i < written.size(); i++) {
            AssessmentRequest.QuestionRequest q = written.get(i);
            List<String> optionKeys = q.options() == null ? null : q.options().stream().map(AssessmentRequest.Option::key).toList();
            String prefix = "questions[" + i + "].";
            QuestionRules.check(q.kind(), optionKeys, q.answer()).ifPresent(problem -> {
                String[] parts = problem.split(": ", 2);
                throw new InvalidInput(prefix + parts[0], parts[1]);
            });
            var options = q.options() == null ? null : Jsons.array(q.options().stream()
                    .map(o -> Jsons.object().add("key", o.key()).add("text", o.text()).build()).toList()).build();
            // 20 options of 2,000 Thai characters are 120 KB, and a list of accepted answers has no other limit
            if (options != null) {
                ColumnSizes.overText(options.toString()).ifPresent(problem -> {
                    throw new InvalidInput(prefix + "options", problem);
                });
            }
            ColumnSizes.overText(q.answer().toString()).ifPresent(problem -> {
                throw new InvalidInput(prefix + "answer", problem);
            });
            Optional<Question> same = current.stream().filter(c -> !questionIds.contains(c.id()) && same(c, q, options)).findFirst();
            Question question = same.orElseGet(() -> new Question(cohort.programId(), q.competencyCode(), q.kind(), q.prompt(),
                    options, q.answer(), q.points(), caller.personId(), now));
            if (same.isEmpty()) {
                em.persist(question);
            }
            questionIds.add(question.id());
            questions.add(question);
        }
        List<String> fromBank = request.questionIds() == null ? List.of() : request.questionIds();
        Set<String> reusable = fromBank.isEmpty() || caller.is(Roles.PROGRAM_ADMIN) ? null : reusableByTrainer(fromBank);
        for (int i = 0; i < fromBank.size(); i++) {
            Question question = em.find(Question.class, fromBank.get(i));
            if (question == null || !question.programId().equals(cohort.programId())) {
                throw new InvalidInput("questionIds[" + i + "]", "is not a question of this programme's bank");
            }
            // the answer shows the keys: a trainer reuses only questions already theirs to read, or another cohort's
            // live quiz would be answered for any trainee who passed its question ids on
            if (reusable != null && !reusable.contains(question.id()) && !caller.isPerson(question.createdBy())) {
                throw new InvalidInput("questionIds[" + i + "]", "is not a question of your cohorts' assessments or one you wrote");
            }
            if (questionIds.contains(question.id())) {
                throw new InvalidInput("questionIds[" + i + "]", "appears twice");
            }
            questionIds.add(question.id());
            questions.add(question);
        }
        if (questionIds.isEmpty() && !assignment) {
            throw new InvalidInput("questions", "an auto-graded assessment needs at least one question");
        }
        em.flush(); // question rows first: assessment_question refers to them
        return new Definition(questionIds, questions);
    }

    /**
     * A correction by whoever may create one in the cohort: the title and the weight at any time (the pass decisions
     * follow), the window only while nobody has started an attempt (a quiz's running attempts keep the deadline they
     * started with; give a trainee an extension instead). An assignment's window may move with hand-ins: lateness is
     * judged against the due time when the work is graded. A wrong year in {@code closesAt} held the cohort's
     * certificates and indicators until then, with no way to correct it.
     */
    @Transactional
    public Assessment update(String id, AssessmentPatch patch, String ifMatch) {
        if (patch.title() == null && patch.weight() == null && patch.opensAt() == null && patch.closesAt() == null) {
            throw new InvalidInput("body", "give at least one of title, weight, opensAt and closesAt");
        }
        Assessment assessment = lockedRunByCaller(id);
        RecordVersions.requireMatch(ifMatch, assessment.version(), "assessment");
        // a form that sends the whole assessment back sends the window unchanged: no move, whoever has started
        boolean moves = patch.opensAt() != null && !patch.opensAt().toInstant().equals(assessment.opensAt())
                || patch.closesAt() != null && !patch.closesAt().toInstant().equals(assessment.closesAt());
        if (moves && assessment.kind().autoGraded() && used(id, "attempt") > 0) {
            throw new Conflict("assessment-in-use", "Trainees have started attempts in its window: give those who need "
                    + "more time an extension instead", new FieldError(patch.closesAt() != null ? "closesAt" : "opensAt",
                    "cannot move once attempts have started"));
        }
        assessment.retitle(patch.title() == null ? null : patch.title().strip(), patch.weight());
        assessment.reschedule(patch.opensAt() == null ? null : patch.opensAt().toInstant(),
                patch.closesAt() == null ? null : patch.closesAt().toInstant());
        em.flush();
        audit.record("ASSESSMENT_CHANGED", "assessment", id, null);
        resultInputsChanged.fire(new ResultInputsChanged(assessment.cohortId()));
        return assessment;
    }

    /**
     * An assessment made by mistake, before anyone has answered or handed in to it (409 {@code assessment-in-use}
     * after; 409 {@code assessment-required} while the cohort's pass policy requires it). Its questions stay in the
     * programme's bank.
     */
    @Transactional
    public void delete(String id, String ifMatch) {
        // the cohort first, locked as a change of its pass policy locks it, then the assessment (the policy's order):
        // read without the lock, a policy made to require this assessment at the same moment was not seen, and the
        // cohort was left requiring an assessment that no longer existed, which nobody could then pass
        cohorts.lockForChange(find(id).cohortId());
        Assessment assessment = lockedRunByCaller(id);
        RecordVersions.requireMatch(ifMatch, assessment.version(), "assessment");
        requireUnused(id, "Trainees have answered or handed in to it; its results stay. Set its weight to 0 if it should "
                + "no longer count");
        if (cohorts.find(assessment.cohortId()).passPolicy().requiredAssessmentIds().contains(id)) {
            throw new Conflict("assessment-required", "The cohort's pass policy requires it: take it out of the policy first");
        }
        em.createNativeQuery("DELETE FROM assignment_extension WHERE assessment_id = ?").setParameter(1, id).executeUpdate();
        em.remove(assessment);
        em.flush();
        audit.record("ASSESSMENT_DELETED", "assessment", id, "cohort " + assessment.cohortId());
        resultInputsChanged.fire(new ResultInputsChanged(assessment.cohortId()));
    }

    /**
     * The assessment, locked, when the caller runs its cohort; else 404. A start holding it shared ({@link
     * #findLockedShared}) is waited for, and its attempt then counted; a start behind this lock reads the assessment as
     * this transaction leaves it, or finds it gone (404).
     */
    private Assessment lockedRunByCaller(String id) {
        Assessment assessment = Optional.ofNullable(em.find(Assessment.class, id, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Assessment", id));
        if (!cohorts.runByCaller(cohorts.find(assessment.cohortId()))) {
            throw new NotFound("Assessment", id);
        }
        return assessment;
    }

    /** Attempts or hand-ins of the assessment, as committed now (a shared lock: not this transaction's snapshot). */
    private long used(String assessmentId, String table) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM " + table + " WHERE assessment_id = ? LOCK IN SHARE MODE")
                .setParameter(1, assessmentId).getSingleResult()).longValue();
    }

    /**
     * An assessment and the questions written with it name competencies of their programme, by code: a code the
     * programme does not define (a typo, another programme's) would map the assessment to nothing, in every report
     * that groups by competency. Codes are compared exactly, as they are stored.
     */
    private void requireCompetencies(String programId, AssessmentRequest request) {
        List<String> codes = request.competencyCodes() == null ? List.of() : request.competencyCodes();
        List<AssessmentRequest.QuestionRequest> written = request.questions() == null ? List.of() : request.questions();
        if (codes.isEmpty() && written.stream().allMatch(q -> q.competencyCode() == null || q.competencyCode().isBlank())) {
            return;
        }
        List<String> defined = programs.competencyCodes(programId);
        String known = defined.isEmpty() ? "the programme defines none" : "the programme's are " + String.join(", ", defined);
        for (int i = 0; i < codes.size(); i++) {
            if (!defined.contains(codes.get(i))) {
                throw new InvalidInput("competencyCodes[" + i + "]", "is not a competency of this programme (" + known + ")");
            }
        }
        for (int i = 0; i < written.size(); i++) {
            String code = written.get(i).competencyCode();
            if (code != null && !code.isBlank() && !defined.contains(code)) {
                throw new InvalidInput("questions[" + i + "].competencyCode", "is not a competency of this programme (" + known + ")");
            }
        }
    }

    /** The cohort's assessments, for those who may see the cohort's work. */
    public List<Assessment> ofCohort(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        requireVisible(cohort);
        return all(cohortId);
    }

    /** A page of the cohort's assessments, soonest open first, for those who may see the cohort's work. */
    public Page<Assessment> ofCohort(String cohortId, PageRequest page) {
        Cohort cohort = cohorts.find(cohortId);
        requireVisible(cohort);
        TypedQuery<Assessment> items = em.createQuery("SELECT a FROM Assessment a WHERE a.cohortId = :cohort ORDER BY a.opensAt, a.id",
                Assessment.class).setParameter("cohort", cohortId);
        long total = em.createQuery("SELECT COUNT(a) FROM Assessment a WHERE a.cohortId = :cohort", Long.class)
                .setParameter("cohort", cohortId).getSingleResult();
        return new Page<>(page.apply(items).getResultList(), page.page(), page.size(), total);
    }

    /** The cohort's assessments, without an access check: for figures computed by callers that checked it. */
    /** A pass policy may require only assessments of its own cohort. */
    void requiredNamed(@Observes RequiredAssessmentsNamed named) {
        // read as committed, with a shared lock: an assessment being deleted now is waited for and then not found, where a
        // plain read would let the policy require one that no longer exists (every trainee would then fail)
        List<?> rows = em.createNativeQuery("SELECT id FROM assessment WHERE cohort_id = ? LOCK IN SHARE MODE")
                .setParameter(1, named.cohortId()).getResultList();
        Set<String> own = rows.stream().map(String::valueOf).collect(java.util.stream.Collectors.toSet());
        List<String> foreign = named.assessmentIds().stream().filter(id -> !own.contains(id)).toList();
        if (!foreign.isEmpty()) {
            throw new InvalidInput("passPolicy.requiredAssessmentIds",
                    "names assessments that are not this cohort's: " + String.join(", ", foreign));
        }
    }

    /**
     * A counted assessment that keeps its cohort's results from being final. It takes work until {@code closesAt}, the
     * latest of its own close and the extensions of trainees who hold a seat ({@code takesWork}); or its window is over
     * but attempts at it are still being graded (an attempt never runs past its trainee's close, the assessment's or
     * their extension's: these are attempts past their deadline that the expiry, every minute, has not graded yet); or
     * {@code handInsUngraded} seated trainees' newest revisions have no grade yet or a grade not released, which counts
     * for nobody: their work would count 0.
     */
    public record Open(String cohortId, String assessmentId, String title, Instant closesAt, boolean takesWork,
                       boolean attemptsBeingGraded, int handInsUngraded) {
        private static final int NAMED = 10;

        /**
         * The problem type for these: {@code assessments-open} while one of them takes work or has attempts being
         * graded (waiting is all there is to do), {@code assessments-ungraded} when all that is left is hand-ins to
         * grade and release (the cohort's trainers have work to do).
         */
        public static String problemType(List<Open> open) {
            return open.stream().anyMatch(o -> o.takesWork() || o.attemptsBeingGraded()) ? "assessments-open" : "assessments-ungraded";
        }

        /** As a problem's detail names them: the first ten, soonest to close first, and how many more. */
        public static String listed(List<Open> open) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < Math.min(NAMED, open.size()); i++) {
                Open o = open.get(i);
                text.append(i == 0 ? "" : "; ").append("cohort ").append(o.cohortId()).append(": \"").append(o.title())
                        .append("\" (").append(o.assessmentId()).append(o.takesWork()
                                ? ") takes work until " + Bangkok.text(o.closesAt())
                                : ") closed at " + Bangkok.text(o.closesAt()));
                if (o.attemptsBeingGraded()) {
                    text.append(", its last attempts are being graded");
                }
                if (o.handInsUngraded() > 0) {
                    text.append(", ").append(o.handInsUngraded()).append(o.handInsUngraded() == 1 ? " hand-in" : " hand-ins")
                            .append(" not graded yet (or the grade not released)");
                }
            }
            if (open.size() > NAMED) {
                text.append("; and ").append(open.size() - NAMED).append(" more");
            }
            return text.toString();
        }
    }

    private static final int COHORTS_PER_QUERY = 1_000;
    private static final int PEOPLE_PER_CALL = 1_000;

    /** An assessment as read for {@link #stillOpen}, with what was found to hold it open so far. */
    private static final class Holding {
        final String id;
        final String cohortId;
        final String title;
        final boolean weighed;
        LocalDateTime closesAt;
        boolean takesWork;
        boolean attemptsBeingGraded;
        int ungraded;

        Holding(Object[] row) {
            id = (String) row[0];
            cohortId = (String) row[1];
            title = (String) row[2];
            weighed = ((java.math.BigDecimal) row[3]).signum() > 0;
            closesAt = dateTime(row[4]);
        }

        Open open() {
            return new Open(cohortId, id, title, closesAt.toInstant(ZoneOffset.UTC), takesWork, attemptsBeingGraded, ungraded);
        }
    }

    /** A trainee's row that holds an assessment open if the trainee holds a seat: an extension, or a hand-in to grade. */
    private record ByTrainee(Holding assessment, String personId, LocalDateTime dueAt) {
    }

    /**
     * The counted assessments of these cohorts that are still {@link Open}, soonest to close first: a cohort's results
     * are final only once none is. Counted: an assessment with a weight (it makes the final score, missing work counting
     * 0) or one the cohort's pass policy requires; a practice quiz of weight 0 that nothing requires holds nothing up.
     * Due times count to the second, as a hand-in's days late do ({@code DaysLate}): work due at 23:59:59 is taken on
     * time until 23:59:59.999, and the assessment is open until then.
     * <p>
     * Late work that an assignment's late policy accepts after its due time does not keep it open: the due time is the
     * one the trainees were given. Once handed in, though, it holds the results until it is graded and the grade
     * released, as every hand-in does. Only trainees who hold a seat (asked of the programme feature, about the
     * trainees with an extension or work waiting only) hold anything: the extension or waiting work of one who withdrew
     * stays stored, and holds nothing unless they take a seat again. No access check: for callers that decided access
     * themselves.
     */
    public List<Open> stillOpen(Collection<String> cohortIds) {
        List<String> ids = List.copyOf(new LinkedHashSet<>(cohortIds));
        // to the second: open while a hand-in now would be on time
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant().truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        Map<String, Holding> holding = new LinkedHashMap<>();
        List<ByTrainee> byTrainee = new ArrayList<>();
        String columns = "SELECT a.id, a.cohort_id, a.title, a.weight, a.closes_at";
        for (int from = 0; from < ids.size(); from += COHORTS_PER_QUERY) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + COHORTS_PER_QUERY));
            // windows still open, and attempts in progress (few at any time, found by their status's index)
            for (Object[] row : rows(columns + " FROM assessment a WHERE a.cohort_id IN (#) AND (a.closes_at >= ?1 "
                    + "OR a.id IN (SELECT t.assessment_id FROM attempt t WHERE t.status = 'IN_PROGRESS'))", now, chunk)) {
                Holding h = new Holding(row);
                h.takesWork = !h.closesAt.isBefore(now);
                h.attemptsBeingGraded = !h.takesWork;
                holding.put(h.id, h);
            }
            // extensions still running, whoever they were given to
            for (Object[] row : rows(columns + ", e.person_id, e.due_at FROM assignment_extension e "
                    + "JOIN assessment a ON a.id = e.assessment_id WHERE a.cohort_id IN (#) AND e.due_at >= ?1", now, chunk)) {
                byTrainee.add(new ByTrainee(holding.getOrDefault((String) row[0], new Holding(row)), (String) row[5], dateTime(row[6])));
            }
            // newest revisions whose newest grade is missing or held back: the same work as the grading queue's, and the
            // grades held back that count for nobody yet (Scores)
            for (Object[] row : rows(columns + ", s.person_id FROM submission s JOIN assessment a ON a.id = s.assessment_id "
                    + "WHERE a.cohort_id IN (#) AND a.kind = 'ASSIGNMENT' "
                    + "AND s.revision = (SELECT MAX(r.revision) FROM submission r WHERE r.assessment_id = s.assessment_id "
                    + "AND r.person_id = s.person_id) "
                    + "AND COALESCE((SELECT g.released FROM grade g WHERE g.submission_id = s.id "
                    + "ORDER BY g.graded_at DESC, g.id DESC LIMIT 1), FALSE) = FALSE", null, chunk)) {
                byTrainee.add(new ByTrainee(holding.getOrDefault((String) row[0], new Holding(row)), (String) row[5], null));
            }
        }
        // a trainee's extension or waiting work counts while they hold their seat in its cohort
        Map<String, Set<String>> seated = seatHolders(byTrainee);
        for (ByTrainee t : byTrainee) {
            if (!seated.getOrDefault(t.assessment().cohortId, Set.of()).contains(t.personId())) {
                continue;
            }
            Holding h = holding.computeIfAbsent(t.assessment().id, k -> t.assessment());
            if (t.dueAt() == null) {
                h.ungraded++;
            } else {
                h.takesWork = true;
                h.attemptsBeingGraded = false;
                if (t.dueAt().isAfter(h.closesAt)) {
                    h.closesAt = t.dueAt();
                }
            }
        }
        // a weight of 0 counts when the pass policy requires it: the policies of those cohorts read at once
        Set<String> unweighed = new HashSet<>();
        holding.values().stream().filter(h -> !h.weighed).forEach(h -> unweighed.add(h.cohortId));
        Map<String, Set<String>> required = unweighed.isEmpty() ? Map.of() : cohorts.requiredAssessments(unweighed);
        List<Open> open = new ArrayList<>();
        holding.values().stream()
                .filter(h -> h.weighed || required.getOrDefault(h.cohortId, Set.of()).contains(h.id))
                .filter(h -> h.takesWork || h.attemptsBeingGraded || h.ungraded > 0)
                .forEach(h -> open.add(h.open()));
        open.sort(java.util.Comparator.comparing(Open::closesAt).thenComparing(Open::assessmentId));
        return open;
    }

    /**
     * The rows of a statement whose {@code #} stands for the cohort ids, and {@code ?1} for the time if it is given
     * (the ids are bound after it).
     */
    private List<Object[]> rows(String sql, LocalDateTime now, List<String> cohortIds) {
        int first = now == null ? 1 : 2;
        var query = em.createNativeQuery(sql.replace("#", PassResults.marks(first, cohortIds.size())));
        if (now != null) {
            query.setParameter(1, now);
        }
        for (int i = 0; i < cohortIds.size(); i++) {
            query.setParameter(i + first, cohortIds.get(i));
        }
        List<Object[]> rows = new ArrayList<>();
        for (Object row : query.getResultList()) {
            rows.add((Object[]) row);
        }
        return rows;
    }

    /** Of the trainees named, who holds a seat in which cohort: one call per thousand trainees, about them only. */
    private Map<String, Set<String>> seatHolders(List<ByTrainee> rows) {
        Set<String> cohortIds = new HashSet<>();
        Set<String> people = new LinkedHashSet<>();
        rows.forEach(r -> {
            cohortIds.add(r.assessment().cohortId);
            people.add(r.personId());
        });
        List<String> all = List.copyOf(people);
        Map<String, Set<String>> seated = new HashMap<>();
        for (int from = 0; from < all.size(); from += PEOPLE_PER_CALL) {
            enrollments.seatHolders(cohortIds, all.subList(from, Math.min(all.size(), from + PEOPLE_PER_CALL)))
                    .forEach((cohort, holders) -> seated.computeIfAbsent(cohort, k -> new HashSet<>()).addAll(holders));
        }
        return seated;
    }

    private static LocalDateTime dateTime(Object value) {
        return value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
    }

    List<Assessment> all(String cohortId) {
        return em.createQuery("SELECT a FROM Assessment a WHERE a.cohortId = :cohort ORDER BY a.opensAt, a.id", Assessment.class)
                .setParameter("cohort", cohortId).getResultList();
    }

    public Assessment get(String id) {
        Assessment assessment = find(id);
        requireVisible(cohorts.find(assessment.cohortId()));
        return assessment;
    }

    /**
     * An assessment as its reader may see it: its questions with their keys only for the cohort's staff, and for a
     * trainee given an extension, when it closes for them.
     */
    public record Shown(Assessment assessment, List<Question> questions, Instant extensionDueAt) {
        Shown(Assessment assessment, List<Question> questions) {
            this(assessment, questions, null);
        }
    }

    public Shown show(String id) {
        Assessment assessment = find(id);
        Cohort cohort = cohorts.find(assessment.cohortId());
        requireVisible(cohort);
        // a member of staff who also holds a seat in the cohort takes its quizzes: no keys for them
        boolean staff = staffOf(cohort);
        // requireVisible found a trainee seated; staff are asked (one who holds a seat takes the quizzes)
        boolean seated = !staff || enrollments.isSeated(cohort.id(), caller.personId());
        return new Shown(assessment, staff && !seated ? questionsOf(assessment) : null,
                seated ? extensionsOf(caller.personId(), List.of(assessment)).get(assessment.id()) : null);
    }

    /** The caller's own extensions on these assessments (a trainee's list shows them; staff have none to look up). */
    public Map<String, Instant> callersExtensions(List<Assessment> of) {
        return caller.is(Roles.TRAINEE) ? extensionsOf(caller.personId(), of) : Map.of();
    }

    /**
     * The due times of this person's extensions on these assessments that run past their close, by assessment (one
     * query): what their own list and page of the assessment show them.
     */
    public Map<String, Instant> extensionsOf(String personId, List<Assessment> of) {
        return extensionsOf(personId, of, false);
    }

    /**
     * The same; {@code now}, as committed now with a shared lock (a grant or change committing meanwhile is waited for,
     * and none is made until this transaction ends), for a transaction whose snapshot may be older than the moment.
     */
    private Map<String, Instant> extensionsOf(String personId, List<Assessment> of, boolean now) {
        if (of.isEmpty()) {
            return Map.of();
        }
        List<String> ids = of.stream().map(Assessment::id).distinct().toList();
        Map<String, Instant> closes = new HashMap<>();
        of.forEach(a -> closes.put(a.id(), a.closesAt()));
        var query = em.createNativeQuery("SELECT assessment_id, due_at FROM assignment_extension WHERE person_id = ?1 "
                + "AND assessment_id IN (" + PassResults.marks(2, ids.size()) + ")" + (now ? " LOCK IN SHARE MODE" : ""))
                .setParameter(1, personId);
        for (int i = 0; i < ids.size(); i++) {
            query.setParameter(i + 2, ids.get(i));
        }
        Map<String, Instant> due = new HashMap<>();
        for (Object row : query.getResultList()) {
            Object[] r = (Object[]) row;
            Instant at = dateTime(r[1]).toInstant(ZoneOffset.UTC);
            // an extension that a later closesAt overtook is no extension (closesFor)
            if (at.isAfter(closes.get((String) r[0]))) {
                due.put((String) r[0], at);
            }
        }
        return due;
    }

    /** Of the given bank questions, those in an assessment of a cohort the caller trains. */
    private Set<String> reusableByTrainer(List<String> questionIds) {
        List<String> trained = enrollments.cohortsTrainedBy(caller.personId());
        if (trained.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(em.createQuery("SELECT q FROM Assessment a JOIN a.questionIds q WHERE a.cohortId IN :cohorts AND q IN :ids",
                        String.class)
                .setParameter("cohorts", trained).setParameter("ids", questionIds).getResultList());
    }

    /** The assessment's questions in its order (for a drawn quiz, the pool it draws from). */
    List<Question> questionsOf(Assessment assessment) {
        Map<String, Question> byId = questions(assessment.questionIds());
        return assessment.questionIds().stream().map(byId::get).filter(java.util.Objects::nonNull).toList();
    }

    /** Questions of the bank by id, in one statement. */
    Map<String, Question> questions(java.util.Collection<String> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return em.createQuery("SELECT q FROM Question q WHERE q.id IN :ids", Question.class)
                .setParameter("ids", List.copyOf(ids)).getResultStream()
                .collect(java.util.stream.Collectors.toMap(Question::id, q -> q));
    }

    Assessment find(String id) {
        return Optional.ofNullable(em.find(Assessment.class, id)).orElseThrow(() -> new NotFound("Assessment", id));
    }

    /**
     * The assessment as committed now, with a shared lock held to the end of the transaction: a correction or a
     * deletion committing now is waited for and then read, and none starts until this transaction ends, when it finds
     * what this one wrote (an attempt started on the assessment it read). Trainees starting together share it. One
     * statement, as the plain read; a locking read, so the transaction's snapshot is not taken by it (nor by its
     * questions, read when first used): rows locked after it are read as they are then. For a transaction that has not
     * read the assessment yet; one that has takes {@link #findLockedSharedAgain}.
     */
    Assessment findLockedShared(String id) {
        return lockedShared(id, false);
    }

    /** The same in a transaction that read the assessment before: its instance is updated with the row as it is now. */
    Assessment findLockedSharedAgain(String id) {
        return lockedShared(id, true);
    }

    private Assessment lockedShared(String id, boolean again) {
        var query = em.createNativeQuery("SELECT * FROM assessment WHERE id = ? LOCK IN SHARE MODE", Assessment.class)
                .setParameter(1, id);
        if (again) {
            // refreshed, EclipseLink reads its questions at once too, in a plain read that takes the snapshot: only
            // where the transaction has read before anyway
            query.setHint(org.eclipse.persistence.config.QueryHints.REFRESH, org.eclipse.persistence.config.HintValues.TRUE);
        }
        List<?> rows = query.getResultList();
        if (rows.isEmpty()) {
            throw new NotFound("Assessment", id);
        }
        return (Assessment) rows.get(0);
    }

    /**
     * When the assessment closes for this trainee: the later of its {@code closesAt} and the extension they were given
     * (an assignment's due time; a quiz's last moment to start or finish an attempt). One look-up, by primary key.
     */
    Instant closesFor(Assessment assessment, String personId) {
        return extensionsOf(personId, List.of(assessment)).getOrDefault(assessment.id(), assessment.closesAt());
    }

    /**
     * The same as committed now, the extension's row (or its absence) locked shared until the transaction ends: for a
     * hand-in whose snapshot was taken before its upload came in (an extension granted meanwhile was not seen).
     */
    Instant closesForNow(Assessment assessment, String personId) {
        return extensionsOf(personId, List.of(assessment), true).getOrDefault(assessment.id(), assessment.closesAt());
    }

    /** PROGRAM_ADMIN, the cohort's trainers, and its seated trainees. */
    void requireVisible(Cohort cohort) {
        if (cohorts.runByCaller(cohort) || enrollments.isSeated(cohort.id(), caller.personId())) {
            return;
        }
        throw new NotFound("Cohort", cohort.id());
    }

    boolean staffOf(Cohort cohort) {
        return cohorts.runByCaller(cohort);
    }
}
