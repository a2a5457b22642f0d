package org.sakkaya.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.sakkaya.platform.persistence.Ids;

/** One security-relevant event. Written once, never changed. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {
    /** The most a detail holds (its column's width); a longer one is cut. */
    public static final int MAX_DETAIL = 2000;

    @Id
    private String id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "actor_id")
    private String actorId;

    @Column(nullable = false)
    private String action;

    @Column(name = "subject_type")
    private String subjectType;

    @Column(name = "subject_id")
    private String subjectId;

    @Column(name = "client_address")
    private String clientAddress;

    private String detail;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actorId, String action, String subjectType, String subjectId,
               String clientAddress, String detail) {
        this.id = Ids.next();
        this.occurredAt = occurredAt;
        this.actorId = actorId;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.clientAddress = clientAddress;
        this.detail = detail == null || detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL);
    }

    public String id() {
        return id;
    }

    public Instant occurredAt() {
        return occurredAt;
    }

    public String actorId() {
        return actorId;
    }

    public String action() {
        return action;
    }

    public String subjectType() {
        return subjectType;
    }

    public String subjectId() {
        return subjectId;
    }

    public String clientAddress() {
        return clientAddress;
    }

    public String detail() {
        return detail;
    }
}
