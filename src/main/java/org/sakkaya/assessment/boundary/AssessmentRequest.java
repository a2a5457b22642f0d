package org.sakkaya.assessment.boundary;

import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.assessment.control.Rubric;
import org.sakkaya.assessment.entity.GradingRule;
import org.sakkaya.assessment.entity.LatePolicy;
import org.sakkaya.assessment.entity.QuestionKind;
import org.sakkaya.assessment.entity.ReviewRule;
import org.sakkaya.platform.problem.RecordId;

/**
 * An assessment of a cohort. Auto-graded kinds take {@code questions} written here (they join the programme's
 * bank) and/or {@code questionIds} from the bank; with {@code drawCount} each attempt draws that many at random.
 */
public record AssessmentRequest(
        @NotNull AssessmentKind kind,
        @NotBlank @Size(max = 255) String title,
        @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 5, fraction = 2) BigDecimal weight,
        @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("10000") @Digits(integer = 5, fraction = 2) BigDecimal maxScore,
        @NotNull @CommonEra OffsetDateTime opensAt,
        @NotNull @CommonEra OffsetDateTime closesAt,
        @Min(1) @Max(1440) Integer timeLimitMinutes,
        @Min(1) @Max(100) Integer maxAttempts,
        GradingRule gradingRule,
        ReviewRule review,
        @Min(1) Integer drawCount,
        @Size(max = 50) List<@NotBlank @Size(max = 32) String> competencyCodes,
        @Size(max = 500) List<@Valid @NotNull QuestionRequest> questions,
        @Size(max = 500) List<@NotBlank @Size(max = 36) @RecordId String> questionIds,
        @Valid RubricRequest rubric,
        LatePolicy latePolicy,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal latePenaltyPercentPerDay) {

    /** Assignments: criteria with levels; the best levels must add up to {@code maxScore}. */
    public record RubricRequest(@NotNull @Size(min = 1, max = 30) List<@Valid @NotNull Criterion> criteria) {
        Rubric toRubric() {
            return new Rubric(criteria.stream().map(c -> new Rubric.Criterion(c.title(),
                    c.levels().stream().map(l -> new Rubric.Level(l.label(), l.points())).toList())).toList());
        }
    }

    public record Criterion(@NotBlank @Size(max = 255) String title, @NotNull @Size(min = 1, max = 10) List<@Valid @NotNull Level> levels) {
    }

    public record Level(@NotBlank @Size(max = 255) String label, @NotNull @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 5, fraction = 2) BigDecimal points) {
    }

    /**
     * A question for the bank. {@code answer} is the key: {@code "b"} (single choice), {@code ["a","c"]} (multiple),
     * {@code true} (true/false), {@code {"value":12.5,"tolerance":0.1}} (numeric), {@code ["กรุงเทพ","Bangkok"]}
     * (accepted short answers).
     */
    public record QuestionRequest(
            @NotNull QuestionKind kind,
            @NotBlank @Size(max = 10000) String prompt,
            @Size(max = 32) String competencyCode,
            @NotNull @DecimalMin(value = "0", inclusive = false) @DecimalMax("1000") @Digits(integer = 5, fraction = 2) BigDecimal points,
            @Size(max = 20) List<@Valid @NotNull Option> options,
            @NotNull JsonValue answer) {
    }

    public record Option(@NotBlank @Size(max = 8) String key, @NotBlank @Size(max = 2000) String text) {
    }
}
