package org.sakkaya.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.sakkaya.workshop.control.AttendanceRate;
import org.sakkaya.workshop.control.AttendanceRate.Tally;
import org.sakkaya.workshop.entity.AttendanceStatus;

class AttendanceRateTest {
    @Test
    void presentAndLateCountAsAttendedAndAbsentCountsAgainst() {
        AttendanceRate rate = AttendanceRate.of(3, List.of(
                new Tally(AttendanceStatus.PRESENT, true, 1),
                new Tally(AttendanceStatus.LATE, true, 1),
                new Tally(AttendanceStatus.ABSENT, true, 1)));
        assertThat(rate.attended()).isEqualTo(2);
        assertThat(rate.percent()).contains(new BigDecimal("66.67"));
    }

    @Test
    void excusedSessionsLeaveTheDenominator() {
        AttendanceRate rate = AttendanceRate.of(3, List.of(
                new Tally(AttendanceStatus.PRESENT, true, 2),
                new Tally(AttendanceStatus.EXCUSED, true, 1)));
        assertThat(rate.counted()).isEqualTo(2);
        assertThat(rate.percent()).contains(new BigDecimal("100.00"));
    }

    @Test
    void anEndedSessionWithoutARecordCountsAsAbsent() {
        AttendanceRate rate = AttendanceRate.of(4, List.of(new Tally(AttendanceStatus.PRESENT, true, 3)));
        assertThat(rate.percent()).contains(new BigDecimal("75.00"));
        assertThat(AttendanceRate.of(2, List.of()).percent()).contains(new BigDecimal("0.00"));
    }

    @Test
    void onlySessionsThatHaveEndedCount() {
        // a trainee who checked in to the session under way, and was excused from one still to come
        AttendanceRate rate = AttendanceRate.of(2, List.of(
                new Tally(AttendanceStatus.PRESENT, true, 1),
                new Tally(AttendanceStatus.ABSENT, true, 1),
                new Tally(AttendanceStatus.PRESENT, false, 1),
                new Tally(AttendanceStatus.EXCUSED, false, 1)));
        assertThat(rate.attended()).isEqualTo(1);
        assertThat(rate.excused()).isZero();
        assertThat(rate.percent()).contains(new BigDecimal("50.00"));
    }

    @Test
    void noFigureBeforeAnySessionHasEnded() {
        assertThat(AttendanceRate.of(0, List.of(new Tally(AttendanceStatus.PRESENT, false, 1))).percent()).isEmpty();
    }

    @Test
    void excusedFromEveryEndedSessionIsNothingAttendedNotNoFigure() {
        // no figure would read as "the attendance rule does not apply yet", and the trainee would pass on excuses alone
        assertThat(AttendanceRate.of(2, List.of(new Tally(AttendanceStatus.EXCUSED, true, 2))).percent()).contains(new BigDecimal("0.00"));
    }

    @Test
    void percentagesHaveTwoDecimalsRoundedHalfUp() {
        assertThat(new AttendanceRate(3, 1, 0).percent()).contains(new BigDecimal("33.33"));
        assertThat(new AttendanceRate(6, 5, 0).percent()).contains(new BigDecimal("83.33"));
        assertThat(new AttendanceRate(8, 7, 0).percent()).contains(new BigDecimal("87.50"));
        assertThat(new AttendanceRate(7, 6, 1).percent()).contains(new BigDecimal("100.00"));
    }

    @Test
    void moreRecordsThanEndedSessionsIsAFaultNotAFigure() {
        assertThatThrownBy(() -> new AttendanceRate(1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
