package org.sakkaya.program.boundary;

import java.time.OffsetDateTime;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.program.entity.EnrollmentStatus;

/**
 * {@code organizationId} is the organisation that sent the trainee. Times are in Bangkok time. {@code seatLeftAt} is
 * when a withdrawal last gave up a seat, kept when the person asks again: on or after the cohort's first day, the
 * pass rate counts the enrolment as a drop-out unless it holds a seat again. {@code status} is as shown today: a seat
 * held past the cohort's last day (Bangkok) is COMPLETED.
 */
public record EnrollmentView(String id, String cohortId, String personId, String personName, String organizationId,
                             EnrollmentStatus status, OffsetDateTime createdAt, OffsetDateTime enrolledAt,
                             OffsetDateTime waitlistedAt, OffsetDateTime withdrawnAt,
                             OffsetDateTime seatLeftAt) {

    static EnrollmentView of(Enrollments.Shown shown, PersonSummary person) {
        return of(shown.enrollment(), shown.status(), person);
    }

    static EnrollmentView of(Enrollment e, EnrollmentStatus status, PersonSummary person) {
        return new EnrollmentView(e.id(), e.cohortId(), e.personId(), person == null ? null : person.fullNameTh(),
                e.organizationId(), status, Bangkok.time(e.createdAt()), Bangkok.time(e.enrolledAt()), Bangkok.time(e.waitlistedAt()),
                Bangkok.time(e.withdrawnAt()), Bangkok.time(e.seatLeftAt()));
    }

}
