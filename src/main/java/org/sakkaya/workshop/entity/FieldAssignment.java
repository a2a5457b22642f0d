package org.sakkaya.workshop.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/** Field work (ฝึกปฏิบัติภาคสนาม) trainees do in their own agencies, usually between two sessions. */
@Entity
@Table(name = "field_assignment")
public class FieldAssignment {
    @Id
    private String id;

    @Column(name = "cohort_id", nullable = false)
    private String cohortId;

    @Column(nullable = false)
    private String title;

    private String brief;

    @Column(name = "due_at", nullable = false)
    private Instant dueAt;

    @Column(name = "after_session_id")
    private String afterSessionId;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected FieldAssignment() {
    }

    public FieldAssignment(String cohortId, String title, String brief, Instant dueAt, String afterSessionId, Instant now) {
        this.id = Ids.next();
        this.cohortId = Objects.requireNonNull(cohortId);
        this.title = Objects.requireNonNull(title);
        this.brief = brief;
        this.dueAt = Objects.requireNonNull(dueAt);
        this.afterSessionId = afterSessionId;
        this.createdAt = now;
    }

    /**
     * Reports after the due time are still taken (mentors decide what lateness means); they are marked late. Due
     * times are to the second, reports to the microsecond: one handed in during the due second is on time (a date
     * alone is due at 23:59:59, and 23:59:59.4 is still that day).
     */
    public boolean isLate(Instant submittedAt) {
        return submittedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).isAfter(dueAt);
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public String title() {
        return title;
    }

    public String brief() {
        return brief;
    }

    public Instant dueAt() {
        return dueAt;
    }

    public String afterSessionId() {
        return afterSessionId;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
