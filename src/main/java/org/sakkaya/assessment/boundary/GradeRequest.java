package org.sakkaya.assessment.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * Grade by rubric ({@code rubricScores}, one level's points per criterion) or by plain {@code score}. A regrade
 * needs a {@code reason}; the current grade sent again by its grader changes nothing. {@code released} (default true)
 * decides whether the trainee sees it.
 */
public record GradeRequest(
        @Size(max = 30) List<@Valid @NotNull RubricScore> rubricScores,
        @DecimalMin("0") @Digits(integer = 5, fraction = 4) BigDecimal score,
        @Size(max = 10000) String feedback,
        @Size(max = 1000) String reason,
        Boolean released) {

    public record RubricScore(@NotNull @Min(0) @Max(29) Integer criterionIndex, @NotNull @DecimalMin("0") @Digits(integer = 5, fraction = 4) BigDecimal points) {
    }
}
