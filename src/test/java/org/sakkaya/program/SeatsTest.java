package org.sakkaya.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.program.entity.EnrollmentStatus;
import org.sakkaya.program.entity.PassPolicy;

/** Capacity, waitlist and the enrolment lifecycle. */
class SeatsTest {
    private static final Instant NOW = Instant.parse("2020-11-10T03:00:00Z");

    private static Cohort cohort(Integer capacity) {
        return new Cohort("program", 1, "นักวิทยาการข้อมูล รุ่นที่ 1", "organizer", LocalDate.of(2020, 11, 23),
                LocalDate.of(2020, 11, 26), capacity, true, PassPolicy.none(), NOW);
    }

    @Test
    void aFreeSeatIsTakenAndAFullCohortWaitlists() {
        Cohort cohort = cohort(40);
        assertThat(cohort.admit(0)).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(cohort.admit(39)).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(cohort.admit(40)).isEqualTo(EnrollmentStatus.WAITLISTED);
    }

    @Test
    void noCapacityMeansNoLimitAndZeroMeansWaitlistOnly() {
        assertThat(cohort(null).admit(100_000)).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(cohort(0).admit(0)).isEqualTo(EnrollmentStatus.WAITLISTED);
    }

    @Test
    void aCohortCannotEndBeforeItStartsNorHaveNegativeSeats() {
        assertThatThrownBy(() -> new Cohort("p", 1, "x", "o", LocalDate.of(2020, 11, 26), LocalDate.of(2020, 11, 23),
                10, true, PassPolicy.none(), NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> cohort(-1)).isInstanceOf(RuleViolation.class);
    }

    @Test
    void onlyANominationIsApproved() {
        Enrollment nominated = Enrollment.nominate("c", "p", "o", "hr", NOW);
        nominated.approve(EnrollmentStatus.ENROLLED, NOW);
        assertThat(nominated.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThatThrownBy(() -> nominated.approve(EnrollmentStatus.ENROLLED, NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void withdrawingASeatFreesItButWithdrawingFromTheWaitlistDoesNot() {
        Enrollment seated = Enrollment.admit("c", "p1", "o", "admin", EnrollmentStatus.ENROLLED, NOW);
        Enrollment waiting = Enrollment.admit("c", "p2", "o", "admin", EnrollmentStatus.WAITLISTED, NOW);
        assertThat(seated.withdraw(NOW)).isTrue();
        assertThat(waiting.withdraw(NOW)).isFalse();
        assertThat(seated.withdrawnAt()).isEqualTo(NOW);
        assertThatThrownBy(() -> seated.withdraw(NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void aWithdrawnPersonMayRejoinButAnEnrolledOneIsADuplicate() {
        Enrollment enrollment = Enrollment.admit("c", "p", "o", "admin", EnrollmentStatus.ENROLLED, NOW);
        assertThatThrownBy(() -> enrollment.rejoin(EnrollmentStatus.ENROLLED, "o", "admin", NOW)).isInstanceOf(Conflict.class);
        enrollment.withdraw(NOW);
        // moved to another organisation since: the new one sends them now
        enrollment.rejoin(EnrollmentStatus.WAITLISTED, "o2", "admin", NOW.plusSeconds(60));
        assertThat(enrollment.status()).isEqualTo(EnrollmentStatus.WAITLISTED);
        assertThat(enrollment.organizationId()).isEqualTo("o2");
        assertThat(enrollment.withdrawnAt()).isNull();
        assertThat(enrollment.waitlistedAt()).isEqualTo(NOW.plusSeconds(60));
    }

    @Test
    void onlyTheWaitlistIsPromoted() {
        Enrollment waiting = Enrollment.admit("c", "p", "o", "admin", EnrollmentStatus.WAITLISTED, NOW);
        waiting.promote(NOW.plusSeconds(5));
        assertThat(waiting.status()).isEqualTo(EnrollmentStatus.ENROLLED);
        assertThat(waiting.enrolledAt()).isEqualTo(NOW.plusSeconds(5));
        assertThatThrownBy(() -> waiting.promote(NOW)).isInstanceOf(IllegalStateException.class);
    }
}
