package org.sakkaya.certificate.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/** Issuing a large cohort's certificates in the background, with progress a caller can poll. */
@Entity
@Table(name = "certificate_job")
public class CertificateJob {
    public enum Status { RUNNING, DONE, FAILED }

    @Id
    private String id;

    @Column(name = "cohort_id", nullable = false)
    private String cohortId;

    /** The cohort while running, null after: a unique key, so one job runs per cohort. */
    @Column(name = "active_cohort_id")
    private String activeCohortId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Status status;

    @Column(nullable = false)
    private int total;

    @Column(nullable = false)
    private int done;

    @Column(nullable = false)
    private int issued;

    private String error;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Column(name = "requested_by")
    private String requestedBy;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected CertificateJob() {
    }

    public CertificateJob(String id, String cohortId, int total, LocalDate issuedOn, String requestedBy, Instant now) {
        this.id = id;
        this.cohortId = cohortId;
        this.activeCohortId = cohortId;
        this.status = Status.RUNNING;
        this.total = total;
        this.issuedOn = issuedOn;
        this.requestedBy = requestedBy;
        this.createdAt = now;
    }

    /** On (re)starting: what is done stays counted, what is still pending is the rest. */
    public void remaining(int pending) {
        total = done + pending;
    }

    public void progress(int handled, int newlyIssued) {
        done += handled;
        issued += newlyIssued;
    }

    public void finish(Status outcome, String error, Instant now) {
        status = outcome;
        this.error = error == null ? null : error.substring(0, Math.min(error.length(), 1000));
        activeCohortId = null;
        finishedAt = now;
    }

    public String id() {
        return id;
    }

    public String cohortId() {
        return cohortId;
    }

    public Status status() {
        return status;
    }

    public int total() {
        return total;
    }

    public int done() {
        return done;
    }

    public int issued() {
        return issued;
    }

    public String error() {
        return error;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public String requestedBy() {
        return requestedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant finishedAt() {
        return finishedAt;
    }
}
