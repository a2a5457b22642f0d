package org.sakkaya.workshop.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.sakkaya.platform.CommonEra;

/** Fields left out (or null) stay as they are; an empty {@code venue}, {@code onlineUrl} or {@code speaker} clears it. */
public record SessionPatch(
        @Min(1) @Max(1000) Integer number,
        @Size(min = 1, max = 255) String title,
        @CommonEra OffsetDateTime startsAt,
        @CommonEra OffsetDateTime endsAt,
        @Size(max = 255) String venue,
        @Size(max = 2000) String onlineUrl,
        @Size(max = 255) String speaker) {
}
