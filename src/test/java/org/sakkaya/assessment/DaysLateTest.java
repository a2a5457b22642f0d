package org.sakkaya.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sakkaya.assessment.control.DaysLate;

class DaysLateTest {
    // due on 20 Oct 2023, Bangkok: 23:59:59 +07:00
    private static final Instant DUE = Instant.parse("2023-10-20T16:59:59Z");

    @Test
    void workHandedInWithinTheDueSecondIsOnTimeAndTheNextSecondIsADayLate() {
        assertThat(DaysLate.of(DUE, Instant.parse("2023-10-20T16:59:58Z"))).isZero();
        assertThat(DaysLate.of(DUE, DUE)).isZero();
        assertThat(DaysLate.of(DUE, Instant.parse("2023-10-20T16:59:59.400Z"))).isZero();
        assertThat(DaysLate.of(DUE, Instant.parse("2023-10-20T16:59:59.999999Z"))).isZero();
        assertThat(DaysLate.of(DUE, Instant.parse("2023-10-20T17:00:00Z"))).isEqualTo(1);
    }

    @Test
    void eachDayBegunAfterTheDueTimeCountsWhole() {
        assertThat(DaysLate.of(DUE, Instant.parse("2023-10-21T16:59:59.700Z"))).isEqualTo(1);
        assertThat(DaysLate.of(DUE, Instant.parse("2023-10-21T17:00:00Z"))).isEqualTo(2);
        assertThat(DaysLate.of(DUE, Instant.parse("2023-10-27T16:59:59Z"))).isEqualTo(7);
    }
}
