package org.sakkaya.outcome.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.control.FiscalYear;

/**
 * An indicator (ตัวชี้วัด) of one fiscal year, such as 1.33, with its plan activities ({@link IndicatorActivity}).
 * Once its fiscal year is over it can be closed: its figures are frozen then, and it cannot be closed twice.
 */
@Entity
@Table(name = "indicator")
public class Indicator {
    @Id
    private String id;

    @Column(nullable = false)
    private String code;

    @Column(name = "name_th", nullable = false)
    private String nameTh;

    @Column(name = "fiscal_year", nullable = false)
    private int fiscalYear;

    @Column(name = "owner_organization_id", nullable = false)
    private String ownerOrganizationId;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Column(name = "closed_by")
    private String closedBy;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Indicator() {
    }

    public Indicator(String code, String nameTh, FiscalYear fiscalYear, String ownerOrganizationId, String createdBy, Instant now) {
        this.id = Ids.next();
        this.code = Objects.requireNonNull(code);
        this.nameTh = Objects.requireNonNull(nameTh);
        this.fiscalYear = fiscalYear.buddhistYear();
        this.ownerOrganizationId = Objects.requireNonNull(ownerOrganizationId);
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A correction of the plan's heading, while it is open ({@link #requireOpen}). */
    public void revise(String code, String nameTh, FiscalYear fiscalYear, String ownerOrganizationId) {
        requireOpen("changed");
        this.code = Objects.requireNonNull(code);
        this.nameTh = Objects.requireNonNull(nameTh);
        this.fiscalYear = fiscalYear.buddhistYear();
        this.ownerOrganizationId = Objects.requireNonNull(ownerOrganizationId);
    }

    /**
     * A closed indicator is the record of what was reported for its year: changed or deleted, its frozen figures
     * would no longer be what they were frozen against (409 {@code indicator-closed}).
     */
    public void requireOpen(String what) {
        if (closedAt != null) {
            throw new Conflict("indicator-closed", "Indicator " + code + " was closed at " + Bangkok.text(closedAt)
                    + " with its figures frozen; it cannot be " + what + " now");
        }
    }

    public int version() {
        return version;
    }

    /** Closing is for a fiscal year that is over (in Bangkok), and happens once. */
    public void close(LocalDate today, String by, Instant now) {
        requireClosable(today);
        closedAt = now;
        closedBy = by;
    }

    /** Closed already (409), or its fiscal year not over yet (422). */
    public void requireClosable(LocalDate today) {
        if (closedAt != null) {
            throw new Conflict("indicator-closed", "Indicator " + code + " was closed already, at " + Bangkok.text(closedAt));
        }
        if (!today.isAfter(fiscalYear().lastDay())) {
            throw new RuleViolation("fiscal-year-open", "Fiscal year " + fiscalYear + " runs until " + fiscalYear().lastDay()
                    + "; an indicator is closed after its year ends");
        }
    }

    public FiscalYear fiscalYear() {
        return new FiscalYear(fiscalYear);
    }

    public boolean closed() {
        return closedAt != null;
    }

    public String id() {
        return id;
    }

    public String code() {
        return code;
    }

    public String nameTh() {
        return nameTh;
    }

    public String ownerOrganizationId() {
        return ownerOrganizationId;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public String closedBy() {
        return closedBy;
    }

    public Instant createdAt() {
        return createdAt;
    }
}
