package org.sakkaya.outcome.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.outcome.entity.OutputKind;
import org.sakkaya.outcome.entity.OutputStatus;
import org.sakkaya.platform.problem.RecordId;

/** A new academic output. {@code authorIds} are trainees of {@code cohortId}; the programme is the cohort's. */
public record OutputRequest(
        @NotBlank @Size(max = 500) String title,
        @NotNull OutputKind kind,
        @NotEmpty @Size(max = 50) List<@NotBlank @Size(max = 36) @RecordId String> authorIds,
        @NotBlank @Size(max = 36) @RecordId String cohortId,
        OutputStatus status,
        @CommonEra LocalDate startedOn,
        @CommonEra LocalDate presentedOn,
        @CommonEra LocalDate publishedOn,
        @Size(max = 500) String venue,
        @Size(max = 2000) String evidenceUrl) {
}
