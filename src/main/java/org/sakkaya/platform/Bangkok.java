package org.sakkaya.platform;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

/** Instants are answered in the users' time zone, with its offset (+07:00). */
public final class Bangkok {
    public static final ZoneId ZONE = ZoneId.of("Asia/Bangkok");

    private Bangkok() {
    }

    public static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atZone(ZONE).toOffsetDateTime();
    }

    /** The same as ISO-8601 text, for exports built as maps. */
    public static String text(Instant instant) {
        return instant == null ? null : time(instant).toString();
    }
}
