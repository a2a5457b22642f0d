package org.sakkaya.program.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.platform.problem.RecordId;

public record CohortRequest(
        @NotBlank @Size(max = 36) @RecordId String programId,
        @NotNull @Min(1) @Max(10000) Integer number,
        @NotBlank @Size(max = 255) String nameTh,
        @NotBlank @Size(max = 36) @RecordId String organizerId,
        @NotNull @CommonEra LocalDate startsOn,
        @NotNull @CommonEra LocalDate endsOn,
        @Min(0) @Max(100000) Integer capacity,
        Boolean enrollmentOpen,
        @Valid PassPolicyRequest passPolicy) {
}
