package org.sakkaya.workshop.control;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.workshop.entity.AttendanceStatus;

/**
 * When a trainee may check in, and what a check-in records. The window opens {@code opensBefore} the start (people
 * arrive early and register at the door) and closes when the session ends. A check-in later than {@code grace}
 * after the start is LATE, otherwise PRESENT. The server's clock decides, never the client's.
 *
 * @param codeLifetime how long a code shown by the trainer works
 */
public record CheckInPolicy(Duration opensBefore, Duration grace, Duration codeLifetime) {
    public CheckInPolicy {
        Objects.requireNonNull(opensBefore);
        Objects.requireNonNull(grace);
        Objects.requireNonNull(codeLifetime);
        if (opensBefore.isNegative() || grace.isNegative() || codeLifetime.isNegative() || codeLifetime.isZero()) {
            throw new IllegalArgumentException("check-in durations must be positive");
        }
    }

    public Instant opensAt(Instant startsAt) {
        return startsAt.minus(opensBefore);
    }

    /** From {@link #opensAt} (inclusive) until the session ends (exclusive). */
    public boolean isOpen(Instant startsAt, Instant endsAt, Instant now) {
        return !now.isBefore(opensAt(startsAt)) && now.isBefore(endsAt);
    }

    /** Checking in exactly at the end of the grace period is still on time. */
    public AttendanceStatus statusAt(Instant startsAt, Instant checkedInAt) {
        return checkedInAt.isAfter(startsAt.plus(grace)) ? AttendanceStatus.LATE : AttendanceStatus.PRESENT;
    }

    public Instant codeExpiry(Instant issuedAt) {
        return issuedAt.plus(codeLifetime);
    }
}
