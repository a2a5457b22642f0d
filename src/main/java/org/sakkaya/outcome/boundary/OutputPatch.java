package org.sakkaya.outcome.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.sakkaya.platform.CommonEra;
import org.sakkaya.outcome.entity.OutputKind;
import org.sakkaya.outcome.entity.OutputStatus;
import org.sakkaya.platform.problem.RecordId;

/** Changes to a work: absent fields stay. A new date or new evidence needs a new confirmation. */
public record OutputPatch(
        @Size(min = 1, max = 500) String title,
        OutputKind kind,
        @Size(min = 1, max = 50) List<@NotBlank @Size(max = 36) @RecordId String> authorIds,
        OutputStatus status,
        @CommonEra LocalDate startedOn,
        @CommonEra LocalDate presentedOn,
        @CommonEra LocalDate publishedOn,
        @Size(max = 500) String venue,
        @Size(max = 2000) String evidenceUrl) {
}
