package org.sakkaya.workshop.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.platform.problem.RecordId;

/**
 * Either {@code dueOn}, a date (due by the end of that day, Bangkok time), or {@code dueAt}, an instant with offset.
 * {@code afterSessionId}, if given, is the session of the same cohort the field work follows.
 */
public record FieldAssignmentRequest(
        @NotBlank @Size(max = 255) String title,
        @Size(max = 20000) String brief,
        @CommonEra LocalDate dueOn,
        @CommonEra OffsetDateTime dueAt,
        @Size(max = 36) @RecordId String afterSessionId) {
}
