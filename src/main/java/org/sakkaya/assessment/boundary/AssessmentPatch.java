package org.sakkaya.assessment.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.sakkaya.platform.CommonEra;

/**
 * A correction of an assessment: what is given changes, what is left out stays. The questions, the rubric, the maximum
 * score and the rules of attempts are not here: grades and attempts already stand on them.
 */
public record AssessmentPatch(
        @Size(max = 255) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
        @DecimalMin("0") @DecimalMax("1000") @Digits(integer = 5, fraction = 2) BigDecimal weight,
        @CommonEra OffsetDateTime opensAt,
        @CommonEra OffsetDateTime closesAt) {
}
