package org.sakkaya.outcome.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * An activity's figures as they stood when its indicator was closed. The records counted are rows of
 * {@code indicator_snapshot_record}, by id: names are looked up when read, so that PDPA erasure reaches them. Written
 * once, in the transaction that closes the indicator, and never changed after it.
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

    protected IndicatorSnapshot() {
    }

    /** A snapshot taken now, whose figures {@link #counted} gives once its records are written. */
    public IndicatorSnapshot(String activityId, String indicatorId, Instant asOf) {
        this.activityId = activityId;
        this.indicatorId = indicatorId;
        this.asOf = asOf;
    }

    /** The figures of the records written for it, in the transaction that wrote them. */
    public void counted(long numerator, Long denominator, BigDecimal actual, boolean achieved) {
        this.numerator = numerator;
        this.denominator = denominator;
        this.actual = actual;
        this.achieved = achieved;
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

    /** How many records it froze: a rate's evaluated, or the count itself. */
    public long recordCount() {
        return denominator != null ? denominator : numerator;
    }

    public Instant asOf() {
        return asOf;
    }
}
