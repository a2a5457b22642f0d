package org.sakkaya.workshop.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Instants are answered in the users' time zone, with its offset (+07:00). */
final class Bangkok {
    static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

    private Bangkok() {
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    /** The same as ISO-8601 text, for exports built as maps. */
    static String text(Instant instant) {
        return instant == null ? null : time(instant).toString();
    }
}
