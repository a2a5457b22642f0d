package org.sakkaya.program.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.platform.problem.RecordId;

/**
 * Fields left out (or null) stay as they are. A larger capacity promotes waitlisted trainees in order; a new
 * {@code passPolicy} replaces the old one whole.
 */
public record CohortPatch(
        @Min(1) @Max(10000) Integer number,
        @Size(min = 1, max = 255) String nameTh,
        @Size(min = 1, max = 36) @RecordId String organizerId,
        @CommonEra LocalDate startsOn,
        @CommonEra LocalDate endsOn,
        @Min(0) @Max(100000) Integer capacity,
        Boolean enrollmentOpen,
        @Valid PassPolicyRequest passPolicy) {
}
