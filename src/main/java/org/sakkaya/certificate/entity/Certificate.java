package org.sakkaya.certificate.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import org.sakkaya.platform.problem.Conflict;

/** An issued certificate: what it prints, its PDF as issued with the hash, and whether it still stands. */
@Entity
@Table(name = "certificate")
public class Certificate {
    public enum Status { VALID, REVOKED }

    /** ACHIEVEMENT (วุฒิบัตร): passed the evaluation; PARTICIPATION (เกียรติบัตร): took part. */
    public enum Kind { ACHIEVEMENT, PARTICIPATION }

    @Id
    private String serial;

    @Column(name = "enrollment_id", nullable = false)
    private String enrollmentId;

    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "cohort_id", nullable = false)
    private String cohortId;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Kind kind;

    @Column(name = "holder_name", nullable = false)
    private String holderName;

    /** The holder's first and last name, without the title, as lists sort people. */
    @Column(name = "holder_sort_name", nullable = false)
    private String holderSortName;

    @Column(name = "program_name_th", nullable = false)
    private String programNameTh;

    @Column(name = "cohort_number", nullable = false)
    private int cohortNumber;

    @Column(name = "issued_on", nullable = false)
    private LocalDate issuedOn;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] pdf;

    @Column(nullable = false)
    private String sha256;

    @Column(name = "signed_by")
    private String signedBy;

    @Column(nullable = false)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Status status;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Column(name = "revoked_reason")
    private String revokedReason;

    /** The serial of the certificate that replaced this one, once it was re-issued. */
    @Column(name = "replaced_by")
    private String replacedBy;

    @Column(name = "issued_by")
    private String issuedBy;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Certificate() {
    }

    public Certificate(String serial, Kind kind, String enrollmentId, String personId, String cohortId, String organizationId,
                       String holderName, String holderSortName, String programNameTh, int cohortNumber, LocalDate issuedOn, byte[] pdf,
                       String sha256, String signedBy, String issuedBy, Instant now) {
        this.serial = serial;
        this.enrollmentId = enrollmentId;
        this.personId = personId;
        this.cohortId = cohortId;
        this.organizationId = organizationId;
        this.kind = kind;
        this.holderName = holderName;
        this.holderSortName = holderSortName;
        this.programNameTh = programNameTh;
        this.cohortNumber = cohortNumber;
        this.issuedOn = issuedOn;
        this.pdf = pdf;
        this.sha256 = sha256;
        this.signedBy = signedBy;
        this.status = Status.VALID;
        this.issuedBy = issuedBy;
        this.createdAt = now;
    }

    public void revoke(String reason, Instant now) {
        if (status == Status.REVOKED) {
            throw new Conflict("already-revoked", "This certificate is revoked already");
        }
        status = Status.REVOKED;
        revokedAt = now;
        revokedReason = reason;
    }

    /**
     * Marks this certificate as replaced by {@code serial}, revoking it first if it still stands: a certificate is
     * replaced once, and its verification page then leads to the replacement.
     */
    public void replaceBy(String serial, String reason, Instant now) {
        if (replacedBy != null) {
            throw new Conflict("already-replaced", "This certificate was replaced already, by " + replacedBy
                    + "; re-issue that one instead");
        }
        if (status == Status.VALID) {
            revoke(reason, now);
        }
        replacedBy = serial;
    }

    public String replacedBy() {
        return replacedBy;
    }

    public String serial() {
        return serial;
    }

    public String enrollmentId() {
        return enrollmentId;
    }

    public String personId() {
        return personId;
    }

    public String cohortId() {
        return cohortId;
    }

    public String organizationId() {
        return organizationId;
    }

    public String holderName() {
        return holderName;
    }

    public String programNameTh() {
        return programNameTh;
    }

    public int cohortNumber() {
        return cohortNumber;
    }

    public LocalDate issuedOn() {
        return issuedOn;
    }

    public String sha256() {
        return sha256;
    }

    public Kind kind() {
        return kind;
    }

    /** The signer certificate's subject, or null for a certificate issued unsigned. */
    public String signedBy() {
        return signedBy;
    }

    public Status status() {
        return status;
    }

    public Instant revokedAt() {
        return revokedAt;
    }

    public String revokedReason() {
        return revokedReason;
    }
}
