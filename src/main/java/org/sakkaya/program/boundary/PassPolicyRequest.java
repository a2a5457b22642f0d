package org.sakkaya.program.boundary;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import org.sakkaya.platform.problem.RecordId;
import org.sakkaya.program.entity.PassPolicy;

/** Thresholds in percent (0-100, two decimals); a missing threshold does not apply. */
public record PassPolicyRequest(
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal minScorePercent,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal minAttendancePercent,
        @Size(max = 50) List<@NotBlank @Size(max = 36) @RecordId String> requiredAssessmentIds) {

    PassPolicy toPolicy() {
        return new PassPolicy(minScorePercent, minAttendancePercent, requiredAssessmentIds);
    }

    static PassPolicyRequest of(PassPolicy policy) {
        return new PassPolicyRequest(policy.minScorePercent(), policy.minAttendancePercent(), policy.requiredAssessmentIds());
    }
}
