package org.sakkaya.program.boundary;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.program.entity.EnrollmentStatus;

/** {@code organizationId} is the organisation that sent the trainee. Times are in Bangkok time. */
public record EnrollmentView(String id, String cohortId, String personId, String personName, String organizationId,
                             EnrollmentStatus status, OffsetDateTime createdAt, OffsetDateTime enrolledAt,
                             OffsetDateTime waitlistedAt, OffsetDateTime withdrawnAt) {
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");

    static EnrollmentView of(Enrollment e, PersonSummary person) {
        return new EnrollmentView(e.id(), e.cohortId(), e.personId(), person == null ? null : person.fullNameTh(),
                e.organizationId(), e.status(), local(e.createdAt()), local(e.enrolledAt()), local(e.waitlistedAt()),
                local(e.withdrawnAt()));
    }

    private static OffsetDateTime local(Instant instant) {
        return instant == null ? null : instant.atZone(BANGKOK).toOffsetDateTime();
    }
}
