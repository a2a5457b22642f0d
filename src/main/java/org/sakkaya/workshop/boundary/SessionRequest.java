package org.sakkaya.workshop.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.OffsetDateTime;
import org.sakkaya.platform.CommonEra;

/** Times are ISO-8601 with an offset, e.g. {@code 2023-09-26T09:00:00+07:00}; {@code onlineUrl} is http(s). */
public record SessionRequest(
        @NotNull @Min(1) @Max(1000) Integer number,
        @NotBlank @Size(max = 255) String title,
        @NotNull @CommonEra OffsetDateTime startsAt,
        @NotNull @CommonEra OffsetDateTime endsAt,
        @Size(max = 255) String venue,
        @Size(max = 2000) String onlineUrl,
        @Size(max = 255) String speaker) {
}
