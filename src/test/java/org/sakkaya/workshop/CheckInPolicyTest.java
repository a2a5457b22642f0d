package org.sakkaya.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.sakkaya.workshop.control.CheckInPolicy;
import org.sakkaya.workshop.entity.AttendanceStatus;

class CheckInPolicyTest {
    // PR MIND session 1: 26 Sep 2023, 09:00-16:00 Bangkok time
    static final Instant STARTS = Instant.parse("2023-09-26T02:00:00Z");
    static final Instant ENDS = Instant.parse("2023-09-26T09:00:00Z");

    final CheckInPolicy policy = new CheckInPolicy(Duration.ofMinutes(30), Duration.ofMinutes(15), Duration.ofMinutes(5));

    @Test
    void theWindowOpensHalfAnHourBeforeTheStartAndClosesAtTheEnd() {
        assertThat(policy.opensAt(STARTS)).isEqualTo(Instant.parse("2023-09-26T01:30:00Z"));
        assertThat(policy.isOpen(STARTS, ENDS, Instant.parse("2023-09-26T01:29:59.999999Z"))).isFalse();
        assertThat(policy.isOpen(STARTS, ENDS, Instant.parse("2023-09-26T01:30:00Z"))).isTrue();
        assertThat(policy.isOpen(STARTS, ENDS, Instant.parse("2023-09-26T08:59:59.999999Z"))).isTrue();
        assertThat(policy.isOpen(STARTS, ENDS, ENDS)).isFalse();
        assertThat(policy.isOpen(STARTS, ENDS, Instant.parse("2023-10-26T02:00:00Z"))).isFalse();
    }

    @Test
    void aCheckInAfterTheGracePeriodIsLate() {
        assertThat(policy.statusAt(STARTS, Instant.parse("2023-09-26T01:45:00Z"))).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(policy.statusAt(STARTS, STARTS)).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(policy.statusAt(STARTS, Instant.parse("2023-09-26T02:15:00Z"))).isEqualTo(AttendanceStatus.PRESENT);
        assertThat(policy.statusAt(STARTS, Instant.parse("2023-09-26T02:15:00.000001Z"))).isEqualTo(AttendanceStatus.LATE);
        assertThat(policy.statusAt(STARTS, Instant.parse("2023-09-26T08:30:00Z"))).isEqualTo(AttendanceStatus.LATE);
    }

    @Test
    void aCodeLivesForItsLifetime() {
        assertThat(policy.codeExpiry(STARTS)).isEqualTo(Instant.parse("2023-09-26T02:05:00Z"));
    }

    @Test
    void durationsMustMakeSense() {
        assertThatThrownBy(() -> new CheckInPolicy(Duration.ofMinutes(-1), Duration.ZERO, Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CheckInPolicy(Duration.ZERO, Duration.ZERO, Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
