package org.sakkaya.certificate.entity;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.io.Serializable;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.sakkaya.program.entity.StringListJson;

/**
 * What one kind of a programme's certificates says and looks like. Certificates already issued keep the bytes they
 * were issued with: a template change applies to the next ones only.
 */
@Entity
@Table(name = "certificate_template")
@IdClass(CertificateTemplate.Key.class)
public class CertificateTemplate {
    /** The template's identity: programme and kind. */
    public static class Key implements Serializable {
        private String programId;
        private String kind;

        public Key() {
        }

        public Key(String programId, String kind) {
            this.programId = programId;
            this.kind = kind;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && Objects.equals(programId, k.programId) && Objects.equals(kind, k.kind);
        }

        @Override
        public int hashCode() {
            return Objects.hash(programId, kind);
        }
    }

    @Id
    @Column(name = "program_id")
    private String programId;

    @Id
    private String kind;

    @Column(nullable = false)
    private String title;

    @Column(name = "issuer_name")
    private String issuerName;

    @Column(name = "body_lines", nullable = false)
    @Convert(converter = StringListJson.class)
    private List<String> bodyLines;

    @Column(nullable = false)
    @Convert(converter = SignatoriesJson.class)
    private List<TemplateSignatory> signatories;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    private byte[] logo;

    @Column(name = "accent_color", nullable = false)
    private String accentColor;

    @Column(name = "min_attendance_percent")
    private BigDecimal minAttendancePercent;

    @Version
    private int version;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "updated_by")
    private String updatedBy;

    protected CertificateTemplate() {
    }

    public CertificateTemplate(String programId, Certificate.Kind kind) {
        this.programId = programId;
        this.kind = kind.name();
    }

    public void update(String title, String issuerName, List<String> bodyLines, List<TemplateSignatory> signatories, byte[] logo,
                       String accentColor, BigDecimal minAttendancePercent, String by, Instant now) {
        this.title = title;
        this.issuerName = issuerName;
        this.bodyLines = List.copyOf(bodyLines);
        this.signatories = List.copyOf(signatories);
        this.logo = logo;
        this.accentColor = accentColor;
        this.minAttendancePercent = minAttendancePercent;
        this.updatedBy = by;
        this.updatedAt = now;
    }

    public String programId() {
        return programId;
    }

    public Certificate.Kind kind() {
        return Certificate.Kind.valueOf(kind);
    }

    public String title() {
        return title;
    }

    /** The issuing body as printed; null prints the organiser of the cohort. */
    public String issuerName() {
        return issuerName;
    }

    public List<String> bodyLines() {
        return bodyLines;
    }

    public List<TemplateSignatory> signatories() {
        return signatories;
    }

    public byte[] logo() {
        return logo;
    }

    public String accentColor() {
        return accentColor;
    }

    /** PARTICIPATION only: the attendance a trainee needs for one; null asks for none. */
    public BigDecimal minAttendancePercent() {
        return minAttendancePercent;
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
