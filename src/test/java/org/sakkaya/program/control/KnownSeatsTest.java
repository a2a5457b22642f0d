package org.sakkaya.program.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sakkaya.program.control.KnownSeats.Seat;

/** What a trainee's course page may take from memory instead of the database, and when it must ask again. */
class KnownSeatsTest {
    private static final Instant NOW = Instant.parse("2020-11-23T02:00:00Z");
    private static final Duration LIFETIME = Duration.ofMinutes(10);
    private static final String COHORT = "0b9f7c3e-8a51-4d2c-9e6f-1a2b3c4d5e6f";

    private final KnownSeats seats = new KnownSeats(LIFETIME);
    private final AtomicInteger reads = new AtomicInteger();

    /** The database holding the seat under these ids. */
    private Supplier<Optional<Seat>> seated(String cohortId, String personId) {
        return () -> {
            reads.incrementAndGet();
            return Optional.of(new Seat(cohortId, personId));
        };
    }

    /** The database holding no seat. */
    private Supplier<Optional<Seat>> none() {
        return () -> {
            reads.incrementAndGet();
            return Optional.empty();
        };
    }

    @Test
    void aSeatReadHeldIsAnsweredFromMemoryUntilItsLifetimeEnds() {
        assertThat(seats.isSeated(COHORT, "somchai", NOW, seated(COHORT, "somchai"))).isTrue();
        assertThat(seats.isSeated(COHORT, "somchai", NOW.plus(LIFETIME).minusMillis(1), none())).isTrue();
        assertThat(reads).hasValue(1);
        // a lifetime after it was read, the database is asked again, and its answer counts
        assertThat(seats.isSeated(COHORT, "somchai", NOW.plus(LIFETIME), none())).isFalse();
        assertThat(reads).hasValue(2);
        assertThat(seats.isSeated(COHORT, "somchai", NOW.plus(LIFETIME), none())).isFalse();
        assertThat(reads).hasValue(3);
    }

    @Test
    void noSeatIsNotRememberedSoAnEnrolmentCountsAtOnce() {
        assertThat(seats.isSeated(COHORT, "somying", NOW, none())).isFalse();
        assertThat(seats.isSeated(COHORT, "somying", NOW, seated(COHORT, "somying"))).isTrue();
        assertThat(reads).hasValue(2);
    }

    @Test
    void aSeatGivenUpIsAskedForAgainAndOthersStayRemembered() {
        seats.isSeated(COHORT, "somchai", NOW, seated(COHORT, "somchai"));
        seats.isSeated(COHORT, "somying", NOW, seated(COHORT, "somying"));
        seats.isSeated("other cohort", "somchai", NOW, seated("other cohort", "somchai"));
        seats.forget(COHORT, "somchai");
        assertThat(seats.isSeated(COHORT, "somchai", NOW, none())).isFalse();
        assertThat(reads).hasValue(4);
        assertThat(seats.isSeated(COHORT, "somying", NOW, none())).isTrue();
        assertThat(seats.isSeated("other cohort", "somchai", NOW, none())).isTrue();
        assertThat(reads).hasValue(4);
    }

    @Test
    void aSeatReadWhileAWithdrawalCommitsIsNotRemembered() {
        // the read saw the seat before the withdrawal committed; the withdrawal was forgotten before the read finished
        assertThat(seats.isSeated(COHORT, "somchai", NOW, () -> {
            seats.forget(COHORT, "somchai");
            return Optional.of(new Seat(COHORT, "somchai"));
        })).isTrue();
        assertThat(seats.isSeated(COHORT, "somchai", NOW, none())).isFalse();
        assertThat(reads).hasValue(1);
    }

    @Test
    void aSeatAskedForInAnotherSpellingThanStoredIsNotRememberedForTheWithdrawalCouldNotForgetIt() {
        // the database compares the ids without case, so the upper-case id finds the seat
        String upper = COHORT.toUpperCase(Locale.ROOT);
        assertThat(seats.isSeated(upper, "somchai", NOW, seated(COHORT, "somchai"))).isTrue();
        assertThat(seats.isSeated(upper, "somchai", NOW, seated(COHORT, "somchai"))).isTrue();
        assertThat(reads).hasValue(2);
        seats.forget(COHORT, "somchai");
        assertThat(seats.isSeated(upper, "somchai", NOW, none())).isFalse();
    }

    @Test
    void whatOutlivedItsLifetimeIsDropped() {
        seats.isSeated(COHORT, "somchai", NOW, seated(COHORT, "somchai"));
        seats.isSeated(COHORT, "somying", NOW.plus(Duration.ofMinutes(5)), seated(COHORT, "somying"));
        assertThat(seats.expire(NOW.plus(Duration.ofMinutes(9)))).isEqualTo(2);
        assertThat(seats.expire(NOW.plus(LIFETIME))).isEqualTo(1);
        assertThat(seats.expire(NOW.plus(Duration.ofMinutes(15)))).isZero();
    }
}
