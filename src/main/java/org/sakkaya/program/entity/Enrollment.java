package org.sakkaya.program.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.Conflict;

/**
 * A person's place in a cohort. The seat rules live in {@link Cohort#admit}; this class keeps the lifecycle
 * honest: only a nomination is approved, only a waitlisted place is promoted, a withdrawal is final.
 */
@Entity
@Table(name = "enrollment")
public class Enrollment {
    @Id
    private String id;

    @Column(name = "cohort_id", nullable = false)
    private String cohortId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private EnrollmentStatus status;

    @Column(name = "nominated_by")
    private String nominatedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "enrolled_at")
    private Instant enrolledAt;

    @Column(name = "waitlisted_at")
    private Instant waitlistedAt;

    @Column(name = "withdrawn_at")
    private Instant withdrawnAt;

    /** When a withdrawal last gave up a seat; a rejoin keeps it, so a drop-out stays one (see {@link #evaluated}). */
    @Column(name = "seat_left_at")
    private Instant seatLeftAt;

    @Version
    private int version;

    protected Enrollment() {
    }

    private Enrollment(String cohortId, String personId, String organizationId, String nominatedBy, Instant now) {
        this.id = Ids.next();
        this.cohortId = Objects.requireNonNull(cohortId);
        this.personId = Objects.requireNonNull(personId);
        this.organizationId = Objects.requireNonNull(organizationId);
        this.nominatedBy = nominatedBy;
        this.createdAt = now;
    }

    /** HR proposes a member of staff; the organiser approves later. */
    public static Enrollment nominate(String cohortId, String personId, String organizationId, String nominatedBy, Instant now) {
        Enrollment enrollment = new Enrollment(cohortId, personId, organizationId, nominatedBy, now);
        enrollment.status = EnrollmentStatus.NOMINATED;
        return enrollment;
    }

    /** Straight to a seat or the waitlist, as the cohort decided. */
    public static Enrollment admit(String cohortId, String personId, String organizationId, String by,
                                   EnrollmentStatus admission, Instant now) {
        Enrollment enrollment = new Enrollment(cohortId, personId, organizationId, by, now);
        enrollment.place(admission, now);
        return enrollment;
    }

    public void approve(EnrollmentStatus admission, Instant now) {
        if (status != EnrollmentStatus.NOMINATED) {
            throw new Conflict("enrollment-state", "Only a nomination can be approved; this enrolment is " + status);
        }
        place(admission, now);
    }

    /** The first in the waitlist takes a freed seat. */
    public void promote(Instant now) {
        if (status != EnrollmentStatus.WAITLISTED) {
            throw new IllegalStateException("Only a waitlisted enrolment is promoted, not " + status);
        }
        place(EnrollmentStatus.ENROLLED, now);
    }

    /** Answers whether a seat was freed. */
    public boolean withdraw(Instant now) {
        if (status == EnrollmentStatus.WITHDRAWN || status == EnrollmentStatus.COMPLETED) {
            throw new Conflict("enrollment-state", "This enrolment is " + status + " already");
        }
        boolean freesSeat = status.takesSeat();
        status = EnrollmentStatus.WITHDRAWN;
        withdrawnAt = now;
        if (freesSeat) {
            seatLeftAt = now;
        }
        return freesSeat;
    }

    /**
     * Whether the cohort's pass rate counts this enrolment, for a cohort starting at {@code cohortStart}: holding a
     * seat, or having given one up on or after the first day, whatever the enrolment became since (withdrawn, or
     * nominated or waitlisted again: a drop-out does not leave the denominator by asking again). The same rule as the
     * query of {@code Enrollments.evaluated}, for one enrolment.
     */
    public boolean evaluated(Instant cohortStart) {
        return status.takesSeat() || droppedOut(cohortStart);
    }

    /** Gave up a seat on or after the cohort's first day and holds none now: counted, and not passed. */
    public boolean droppedOut(Instant cohortStart) {
        return !status.takesSeat() && seatLeftAt != null && !seatLeftAt.isBefore(cohortStart);
    }

    /**
     * The status as it is shown on {@code today} (a Bangkok date) for a cohort whose last day is {@code cohortEndsOn}: a
     * seat held past the cohort's last day reads COMPLETED. It is derived, never stored. The stored status stays ENROLLED,
     * so that every rule that checks seats (attendance, certificates, pass rates, the organiser recording a drop-out
     * after the fact) reads as before, and moving a cohort's dates moves this with them.
     */
    public EnrollmentStatus statusOn(LocalDate cohortEndsOn, LocalDate today) {
        return status == EnrollmentStatus.ENROLLED && today.isAfter(cohortEndsOn) ? EnrollmentStatus.COMPLETED : status;
    }

    /**
     * A withdrawn person who asks again gets the same record back, placed anew, as sent by the organisation they
     * belong to now: a person who moved since belongs to their new HR, in this cohort's lists and reports as elsewhere.
     */
    public void rejoin(EnrollmentStatus admission, String organizationId, String by, Instant now) {
        if (status != EnrollmentStatus.WITHDRAWN) {
            throw new Conflict("already-enrolled", "This person is " + status + " in the cohort already");
        }
        this.organizationId = Objects.requireNonNull(organizationId);
        withdrawnAt = null;
        // seatLeftAt stays: a seat given up during the cohort still counts in its pass rate (evaluated)
        waitlistedAt = null;
        nominatedBy = by;
        if (admission == EnrollmentStatus.NOMINATED) {
            status = EnrollmentStatus.NOMINATED;
        } else {
            place(admission, now);
        }
    }

    private void place(EnrollmentStatus admission, Instant now) {
        status = admission;
        if (admission == EnrollmentStatus.ENROLLED) {
            enrolledAt = now;
        } else if (admission == EnrollmentStatus.WAITLISTED) {
            waitlistedAt = now;
        } else {
            throw new IllegalArgumentException("A place is a seat or the waitlist, not " + admission);
        }
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public String personId() {
        return personId;
    }

    public String organizationId() {
        return organizationId;
    }

    public EnrollmentStatus status() {
        return status;
    }

    public String nominatedBy() {
        return nominatedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant enrolledAt() {
        return enrolledAt;
    }

    public Instant waitlistedAt() {
        return waitlistedAt;
    }

    public Instant withdrawnAt() {
        return withdrawnAt;
    }

    public Instant seatLeftAt() {
        return seatLeftAt;
    }

    public int version() {
        return version;
    }
}
