package org.sakkaya.program.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/** What a trainee's course page may take from memory instead of the database, and when it must ask again. */
class KnownSeatsTest {
    private static final Instant NOW = Instant.parse("2020-11-23T02:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);

    private final KnownSeats seats = new KnownSeats(LIFETIME);
    private final AtomicInteger reads = new AtomicInteger();

    private BooleanSupplier database(boolean seated) {
        return () -> {
            reads.incrementAndGet();
            return seated;
        };
    }

    @Test
    void aSeatReadHeldIsAnsweredFromMemoryUntilItsLifetimeEnds() {
        assertThat(seats.isSeated("cohort", "somchai", NOW, database(true))).isTrue();
        assertThat(seats.isSeated("cohort", "somchai", NOW.plus(LIFETIME).minusMillis(1), database(false))).isTrue();
        assertThat(reads).hasValue(1);
        // a lifetime after it was read, the database is asked again, and its answer counts
        assertThat(seats.isSeated("cohort", "somchai", NOW.plus(LIFETIME), database(false))).isFalse();
        assertThat(reads).hasValue(2);
        assertThat(seats.isSeated("cohort", "somchai", NOW.plus(LIFETIME), database(false))).isFalse();
        assertThat(reads).hasValue(3);
    }

    @Test
    void noSeatIsNeverRememberedSoAnEnrolmentCountsAtOnce() {
        assertThat(seats.isSeated("cohort", "somying", NOW, database(false))).isFalse();
        assertThat(seats.isSeated("cohort", "somying", NOW, database(true))).isTrue();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aSeatGivenUpIsAskedForAgainAndOthersStayRemembered() {
        seats.isSeated("cohort", "somchai", NOW, database(true));
        seats.isSeated("cohort", "somying", NOW, database(true));
        seats.isSeated("other cohort", "somchai", NOW, database(true));
        seats.forget("cohort", "somchai");
        assertThat(seats.isSeated("cohort", "somchai", NOW, database(false))).isFalse();
        assertThat(reads).hasValue(4);
        assertThat(seats.isSeated("cohort", "somying", NOW, database(false))).isTrue();
        assertThat(seats.isSeated("other cohort", "somchai", NOW, database(false))).isTrue();
        assertThat(reads).hasValue(4);
    }

    @Test
    void aSeatReadWhileAWithdrawalCommitsIsNotRemembered() {
        // the read saw the seat before the withdrawal committed; the withdrawal was forgotten before the read finished
        assertThat(seats.isSeated("cohort", "somchai", NOW, () -> {
            seats.forget("cohort", "somchai");
            return true;
        })).isTrue();
        assertThat(seats.isSeated("cohort", "somchai", NOW, database(false))).isFalse();
        assertThat(reads).hasValue(1);
    }

    @Test
    void whatOutlivedItsLifetimeIsDropped() {
        seats.isSeated("cohort", "somchai", NOW, database(true));
        seats.isSeated("cohort", "somying", NOW.plus(Duration.ofMinutes(5)), database(true));
        assertThat(seats.expire(NOW.plus(Duration.ofMinutes(9)))).isEqualTo(2);
        assertThat(seats.expire(NOW.plus(LIFETIME))).isEqualTo(1);
        assertThat(seats.expire(NOW.plus(Duration.ofMinutes(15)))).isZero();
    }
}
