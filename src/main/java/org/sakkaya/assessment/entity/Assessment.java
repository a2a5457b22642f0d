package org.sakkaya.assessment.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.entity.StringListJson;

/** Something a cohort's trainees are assessed by, with its window, time limit, attempts and grading rule. */
@Entity
@Table(name = "assessment")
public class Assessment {
    @Id
    private String id;

    @Column(name = "cohort_id", nullable = false)
    private String cohortId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AssessmentKind kind;

    @Column(nullable = false)
    private String title;

    @Column(nullable = false)
    private BigDecimal weight;

    @Column(name = "max_score", nullable = false)
    private BigDecimal maxScore;

    @Column(name = "opens_at", nullable = false)
    private Instant opensAt;

    @Column(name = "closes_at", nullable = false)
    private Instant closesAt;

    @Column(name = "time_limit_minutes")
    private Integer timeLimitMinutes;

    @Column(name = "max_attempts", nullable = false)
    private int maxAttempts;

    @Enumerated(EnumType.STRING)
    @Column(name = "grading_rule", nullable = false)
    private GradingRule gradingRule;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ReviewRule review;

    @Column(name = "draw_count")
    private Integer drawCount;

    @Convert(converter = StringListJson.class)
    @Column(name = "competency_codes", nullable = false)
    private List<String> competencyCodes = new ArrayList<>();

    // read when used (a submit grades from its attempt's layout and never needs it), and for a list of assessments
    // in one statement for all of them
    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "assessment_question", joinColumns = @JoinColumn(name = "assessment_id"))
    @OrderColumn(name = "position")
    @Column(name = "question_id")
    private List<String> questionIds = new ArrayList<>();

    /** JSON of a {@link org.sakkaya.assessment.control.Rubric}; assignments only. */
    private String rubric;

    @Enumerated(EnumType.STRING)
    @Column(name = "late_policy", nullable = false)
    private LatePolicy latePolicy = LatePolicy.REFUSE;

    @Column(name = "late_penalty_percent_per_day")
    private BigDecimal latePenaltyPercentPerDay;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Assessment() {
    }

    /** A new assessment of the cohort, to be given everything else by {@link #redefine} and {@link #markWith}. */
    public Assessment(String cohortId, Instant now) {
        this.id = Ids.next();
        this.cohortId = Objects.requireNonNull(cohortId);
        this.createdAt = now;
    }

    /**
     * Everything but its cohort, as if created anew: the caller makes sure nobody has started an attempt or handed in
     * (grades and attempts stand on the questions, the scale and the rules). The marking scheme follows with
     * {@link #markWith}.
     */
    public void redefine(AssessmentKind kind, String title, BigDecimal weight, BigDecimal maxScore,
                         Instant opensAt, Instant closesAt, Integer timeLimitMinutes, int maxAttempts,
                         GradingRule gradingRule, ReviewRule review, Integer drawCount, List<String> competencyCodes,
                         List<String> questionIds) {
        requireWindow(opensAt, closesAt, "closesAt");
        if (kind.autoGraded() && drawCount != null && drawCount > questionIds.size()) {
            throw new RuleViolation("draw-count", "Cannot draw " + drawCount + " of " + questionIds.size() + " questions",
                    new FieldError("drawCount", "is more than the questions given"));
        }
        this.kind = Objects.requireNonNull(kind);
        this.title = Objects.requireNonNull(title);
        this.weight = weight;
        this.maxScore = maxScore;
        this.opensAt = opensAt;
        this.closesAt = closesAt;
        this.timeLimitMinutes = timeLimitMinutes;
        this.maxAttempts = maxAttempts;
        this.gradingRule = gradingRule;
        this.review = review;
        this.drawCount = drawCount;
        this.competencyCodes = new ArrayList<>(competencyCodes);
        if (!questionIds.equals(this.questionIds)) { // an unchanged list is not rewritten
            this.questionIds = new ArrayList<>(questionIds);
        }
    }

    /**
     * Lets go of every question, before {@link #redefine} names them again: written as one change, a question kept at
     * another position would be moved onto a row of the unique (assessment, question) pair not yet freed.
     */
    public void dropQuestions() {
        questionIds.clear();
    }

    /** A corrected title or weight (what counts in the final score), at any time. */
    public void retitle(String title, BigDecimal weight) {
        if (title != null) {
            this.title = title;
        }
        if (weight != null) {
            requireWeight(kind, weight);
            this.weight = weight;
        }
    }

    /**
     * A pre-test measures what trainees knew before the course, against the post-test: scored into the final result, a
     * trainee would be marked down for what they came to learn. Its weight is 0.
     */
    public static void requireWeight(AssessmentKind kind, BigDecimal weight) {
        if (kind == AssessmentKind.PRE_TEST && weight.signum() > 0) {
            throw new InvalidInput("weight", "a PRE_TEST measures where trainees start and counts nothing: its weight is 0");
        }
    }

    private static void requireWindow(Instant opensAt, Instant closesAt, String field) {
        if (!closesAt.isAfter(opensAt)) {
            throw new RuleViolation("assessment-window", "An assessment closes after it opens",
                    new FieldError(field, "must be after opensAt"));
        }
    }

    /** A corrected window; the caller makes sure nobody has started an attempt in the old one. */
    public void reschedule(Instant opensAt, Instant closesAt) {
        Instant opens = opensAt == null ? this.opensAt : opensAt;
        Instant closes = closesAt == null ? this.closesAt : closesAt;
        requireWindow(opens, closes, closesAt != null ? "closesAt" : "opensAt");
        this.opensAt = opens;
        this.closesAt = closes;
    }

    /** An assignment's marking scheme and late rule. */
    public void markWith(org.sakkaya.assessment.control.Rubric rubric, LatePolicy latePolicy, BigDecimal penaltyPercentPerDay) {
        if (rubric != null && rubric.maxPoints().compareTo(maxScore) != 0) {
            throw new RuleViolation("rubric-total", "The rubric's best levels add up to " + rubric.maxPoints().stripTrailingZeros().toPlainString()
                    + " but the assessment is marked out of " + maxScore.stripTrailingZeros().toPlainString(),
                    new FieldError("rubric", "must add up to maxScore"));
        }
        if (latePolicy == LatePolicy.PENALTY_PER_DAY && penaltyPercentPerDay == null) {
            throw new RuleViolation("late-penalty", "A penalty per day needs its percentage",
                    new FieldError("latePenaltyPercentPerDay", "is required for PENALTY_PER_DAY"));
        }
        this.rubric = rubric == null ? null : rubric.toJson();
        this.latePolicy = latePolicy == null ? LatePolicy.REFUSE : latePolicy;
        this.latePenaltyPercentPerDay = penaltyPercentPerDay;
    }

    public java.util.Optional<org.sakkaya.assessment.control.Rubric> rubric() {
        return rubric == null ? java.util.Optional.empty() : java.util.Optional.of(org.sakkaya.assessment.control.Rubric.fromJson(rubric));
    }

    public LatePolicy latePolicy() {
        return latePolicy;
    }

    public BigDecimal latePenaltyPercentPerDay() {
        return latePenaltyPercentPerDay;
    }

    /** Open for a trainee whose own close is {@code closes} (their extension, or {@code closesAt}). */
    public boolean openAt(Instant now, Instant closes) {
        return !now.isBefore(opensAt) && now.isBefore(closes);
    }

    /**
     * The deadline of an attempt started now by a trainee whose own close is {@code closes}: the time limit, but never
     * past that close.
     */
    public Instant deadlineFor(Instant start, Instant closes) {
        Instant limit = timeLimitMinutes == null ? closes : start.plus(Duration.ofMinutes(timeLimitMinutes));
        return limit.isBefore(closes) ? limit : closes;
    }

    /** Whether a trainee may see the keys of a finished attempt now. */
    public boolean reviewAllowed(Instant now) {
        return reviewAllowed(now, closesAt);
    }

    /** The same for a trainee whose own close is {@code closes}. */
    public boolean reviewAllowed(Instant now, Instant closes) {
        return switch (review) {
            case NEVER -> false;
            case AFTER_SUBMIT -> true;
            case AFTER_CLOSE -> !now.isBefore(closes);
        };
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public AssessmentKind kind() {
        return kind;
    }

    public String title() {
        return title;
    }

    public BigDecimal weight() {
        return weight;
    }

    public BigDecimal maxScore() {
        return maxScore;
    }

    public Instant opensAt() {
        return opensAt;
    }

    public Instant closesAt() {
        return closesAt;
    }

    public Integer timeLimitMinutes() {
        return timeLimitMinutes;
    }

    public int maxAttempts() {
        return maxAttempts;
    }

    public GradingRule gradingRule() {
        return gradingRule;
    }

    public ReviewRule review() {
        return review;
    }

    public Integer drawCount() {
        return drawCount;
    }

    public List<String> competencyCodes() {
        return List.copyOf(competencyCodes);
    }

    public List<String> questionIds() {
        return List.copyOf(questionIds);
    }

    /** Moves on with every change; its {@code ETag}. */
    public int version() {
        return version;
    }
}
