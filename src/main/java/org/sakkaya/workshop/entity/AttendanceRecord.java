package org.sakkaya.workshop.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/**
 * How one trainee attended one session, and who said so. A check-in writes it first; the trainer is the authority
 * and may overwrite it at any time. The check-in time stays either way, as evidence.
 */
@Entity
@Table(name = "attendance_record")
public class AttendanceRecord {
    @Id
    private String id;

    @Column(name = "session_id", nullable = false)
    private String sessionId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AttendanceStatus status;

    @Column(name = "checked_in_at")
    private Instant checkedInAt;

    @Column(name = "recorded_by", nullable = false)
    private String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    @Version
    private int version;

    protected AttendanceRecord() {
    }

    private AttendanceRecord(String sessionId, String personId, AttendanceStatus status, String recordedBy, Instant now) {
        this.id = Ids.next();
        this.sessionId = Objects.requireNonNull(sessionId);
        this.personId = Objects.requireNonNull(personId);
        this.status = Objects.requireNonNull(status);
        this.recordedBy = Objects.requireNonNull(recordedBy);
        this.recordedAt = now;
    }

    /** The trainee checked in themself with the session's code. */
    public static AttendanceRecord checkIn(String sessionId, String personId, AttendanceStatus status, Instant now) {
        AttendanceRecord record = new AttendanceRecord(sessionId, personId, status, personId, now);
        record.checkedInAt = now;
        return record;
    }

    /** A trainer recorded the trainee. */
    public static AttendanceRecord recordedBy(String trainerId, String sessionId, String personId,
                                              AttendanceStatus status, Instant now) {
        return new AttendanceRecord(sessionId, personId, status, trainerId, now);
    }

    /**
     * A trainer's word. Answers whether anything changed: recording the same status again is no change, so a
     * repeated bulk request leaves the records (and who recorded them) as they were.
     */
    public boolean record(AttendanceStatus newStatus, String trainerId, Instant now) {
        if (status == Objects.requireNonNull(newStatus)) {
            return false;
        }
        status = newStatus;
        recordedBy = trainerId;
        recordedAt = now;
        return true;
    }

    public String id() {
        return id;
    }

    /** Raised by every change, whoever makes it: part of the sheet's version. */
    public int version() {
        return version;
    }

    public String sessionId() {
        return sessionId;
    }

    public String personId() {
        return personId;
    }

    public AttendanceStatus status() {
        return status;
    }

    public Instant checkedInAt() {
        return checkedInAt;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
