package org.sakkaya.workshop.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Collection;
import java.util.Optional;
import org.sakkaya.workshop.entity.AttendanceStatus;

/**
 * The attendance of one trainee in one cohort, as pass policies use it.
 * <ul>
 *   <li>Only sessions that have ended count; a session still to come or under way is not in the figure. Nor is one
 *       that ended before the trainee took their seat (promoted from the waitlist, enrolled late), unless they hold
 *       a record of it.</li>
 *   <li>PRESENT and LATE count as attended.</li>
 *   <li>EXCUSED (ลา) is left out of the denominator: an approved absence neither helps nor hurts.</li>
 *   <li>ABSENT counts against, and so does an ended session with no record for the trainee: attendance that nobody
 *       recorded is not attendance.</li>
 * </ul>
 * So percent = attended / (ended sessions - excused) × 100, rounded half-up to two decimals. When no session has
 * ended there is no figure (a pass policy's attendance rule does not apply yet). When every ended session was
 * excused the figure is 0.00: nothing was attended, and excuses alone do not meet an attendance requirement (until
 * 2026-11-26 there was no figure, which a pass policy read as "does not apply", and the trainee passed).
 *
 * @param ended the cohort's sessions that have ended and count for the trainee
 * @param attended of those, the ones the trainee attended (PRESENT or LATE)
 * @param excused of those, the ones the trainee was excused from
 */
public record AttendanceRate(long ended, long attended, long excused) {
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** How many of a trainee's records have a status, in sessions that have or have not ended (a GROUP BY row). */
    public record Tally(AttendanceStatus status, boolean sessionEnded, long records) {
    }

    public AttendanceRate {
        if (attended < 0 || excused < 0 || attended + excused > ended) {
            throw new IllegalArgumentException("attended " + attended + " and excused " + excused
                    + " cannot exceed the " + ended + " ended sessions");
        }
    }

    /** A trainee's rate from their tallies; tallies of sessions that have not ended are left out. */
    public static AttendanceRate of(long endedSessions, Collection<Tally> tallies) {
        long attended = 0;
        long excused = 0;
        for (Tally tally : tallies) {
            if (!tally.sessionEnded()) {
                continue;
            }
            if (tally.status().attended()) {
                attended += tally.records();
            } else if (tally.status() == AttendanceStatus.EXCUSED) {
                excused += tally.records();
            }
        }
        return new AttendanceRate(endedSessions, attended, excused);
    }

    /** The sessions the percentage is taken over: ended ones the trainee was not excused from. */
    public long counted() {
        return ended - excused;
    }

    public Optional<BigDecimal> percent() {
        if (ended == 0) {
            return Optional.empty();
        }
        if (counted() == 0) {
            return Optional.of(BigDecimal.ZERO.setScale(2));
        }
        return Optional.of(BigDecimal.valueOf(attended).multiply(HUNDRED)
                .divide(BigDecimal.valueOf(counted()), 2, RoundingMode.HALF_UP));
    }
}
