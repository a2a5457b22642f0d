package org.sakkaya.outcome.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An activity's figures as they stood when its indicator was closed, with the records counted (as JSON, by id:
 * names are looked up when read, so that PDPA erasure reaches them). Written once, never changed.
 */
@Entity
@Table(name = "indicator_snapshot")
public class IndicatorSnapshot {
    @Id
    @Column(name = "activity_id")
    private String activityId;

    @Column(name = "indicator_id", nullable = false)
    private String indicatorId;

    @Column(nullable = false)
    private long numerator;

    private Long denominator;

    /** Null when there was nothing to count (a rate of no one). */
    private BigDecimal actual;

    @Column(nullable = false)
    private boolean achieved;

    @Column(name = "as_of", nullable = false)
    private Instant asOf;

    @Column(nullable = false)
    private String records;

    protected IndicatorSnapshot() {
    }

    public IndicatorSnapshot(String activityId, String indicatorId, long numerator, Long denominator, BigDecimal actual,
                             boolean achieved, Instant asOf, String recordsJson) {
        this.activityId = activityId;
        this.indicatorId = indicatorId;
        this.numerator = numerator;
        this.denominator = denominator;
        this.actual = actual;
        this.achieved = achieved;
        this.asOf = asOf;
        this.records = recordsJson;
    }

    public String activityId() {
        return activityId;
    }

    public long numerator() {
        return numerator;
    }

    public Long denominator() {
        return denominator;
    }

    public BigDecimal actual() {
        return actual;
    }

    public boolean achieved() {
        return achieved;
    }

    public Instant asOf() {
        return asOf;
    }

    public String recordsJson() {
        return records;
    }
}
