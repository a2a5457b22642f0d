package org.sakkaya.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Instants are answered in the users' time zone, with its offset (+07:00). */
public final class Bangkok {
    public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

    private Bangkok() {
    }

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    /**
     * The same as ISO-8601 text, written as the JSON answers write an instant ({@code 2021-10-01T03:00:00+07:00}, seconds
     * always, a fraction only when there is one), for exports built as maps and for problem details.
     */
    public static String text(Instant instant) {
        return instant == null ? null : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(time(instant));
    }
}
