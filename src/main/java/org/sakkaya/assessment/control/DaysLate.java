package org.sakkaya.assessment.control;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * How late a hand-in is, in whole days rounded up. Due times are kept to the second, as the user sets them and as field
 * reports count them ({@code FieldAssignment.isLate}): a hand-in within the due second (23:59:59.4 when due at
 * 23:59:59) is on time, not a day late.
 */
public final class DaysLate {
    private static final long DAY_MILLIS = Duration.ofDays(1).toMillis();

    private DaysLate() {
    }

    /** 0 when on time; else the days begun since the due time. */
    public static int of(Instant due, Instant at) {
        Instant second = at.truncatedTo(ChronoUnit.SECONDS);
        return second.isAfter(due) ? (int) ((Duration.between(due, second).toMillis() + DAY_MILLIS - 1) / DAY_MILLIS) : 0;
    }
}
