package org.sakkaya.outcome.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.outcome.entity.Measure;
import org.sakkaya.outcome.entity.Strategy;
import org.sakkaya.outcome.entity.Unit;
import org.sakkaya.platform.problem.RecordId;

/**
 * An indicator with its plan. {@code fiscalYear} is Buddhist-era. An activity's period is {@code startsOn} to
 * {@code dueOn} (either may be absent) and/or a {@code periodNote} such as "กองแผนงานกำหนด". An activity's {@code id}
 * is for a correction of the plan ({@code PUT}): the line of that id is changed in place, keeping its id; on a create
 * there are no lines yet to name.
 */
public record IndicatorRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[0-9A-Za-z.\\-]+", message = "letters, digits, dots and dashes, such as 1.33") String code,
        @NotBlank @Size(max = 1000) String nameTh,
        @NotNull Integer fiscalYear,
        @NotBlank @Size(max = 36) @RecordId String ownerOrganizationId,
        @NotEmpty @Size(max = 50) List<@Valid @NotNull ActivityRequest> activities) {

    public record ActivityRequest(
            @NotBlank @Size(max = 500) String title,
            @NotNull Measure measure,
            @Valid ScopeRequest scope,
            @NotNull @DecimalMin("0") @Digits(integer = 10, fraction = 2) BigDecimal target,
            @NotNull Unit unit,
            @CommonEra LocalDate startsOn,
            @CommonEra LocalDate dueOn,
            @Size(max = 255) String periodNote,
            @NotNull Strategy strategy,
            @Size(max = 36) @RecordId String id) {
    }

    /** Named cohorts count as named; else the programme's cohorts (or all) of the fiscal year; an organisation narrows to its subtree. */
    public record ScopeRequest(
            @Size(max = 36) @RecordId String programId,
            @Size(max = 200) List<@NotBlank @Size(max = 36) @RecordId String> cohortIds,
            @Size(max = 36) @RecordId String organizationId) {
    }
}
