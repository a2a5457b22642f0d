package org.sakkaya.outcome.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.persistence.PageRequest;

/**
 * One line of an indicator's plan: what it counts ({@link Measure}), where (a programme, named cohorts, an
 * organisation subtree), the target and unit, its period (a first day, a due day, or a note such as
 * "กองแผนงานกำหนด" when the planning division sets it later) and its PIRAB strategy. The period is the plan's
 * schedule; the figures count the indicator's whole fiscal year within the scope.
 */
@Entity
@Table(name = "indicator_activity")
public class IndicatorActivity {
    @Id
    private String id;

    @Column(name = "indicator_id", nullable = false)
    private String indicatorId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Measure measure;

    @Column(name = "program_id")
    private String programId;

    @Column(name = "organization_id")
    private String organizationId;

    // a page of indicators' activities reads their cohorts in one more statement (IN), not one per activity
    @ElementCollection(fetch = FetchType.EAGER)
    @BatchFetch(value = BatchFetchType.IN, size = PageRequest.MAX_SIZE)
    @CollectionTable(name = "indicator_activity_cohort", joinColumns = @JoinColumn(name = "activity_id"))
    @Column(name = "cohort_id")
    private Set<String> cohortIds = new HashSet<>();

    @Column(nullable = false)
    private BigDecimal target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Unit unit;

    @Column(name = "starts_on")
    private LocalDate startsOn;

    @Column(name = "due_on")
    private LocalDate dueOn;

    @Column(name = "period_note")
    private String periodNote;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Strategy strategy;

    protected IndicatorActivity() {
    }

    public IndicatorActivity(String indicatorId, int position, String title, Measure measure, Scope scope, BigDecimal target,
                             Unit unit, LocalDate startsOn, LocalDate dueOn, String periodNote, Strategy strategy) {
        this.id = Ids.next();
        this.indicatorId = Objects.requireNonNull(indicatorId);
        this.position = position;
        this.title = Objects.requireNonNull(title);
        this.measure = Objects.requireNonNull(measure);
        this.programId = scope.programId();
        this.organizationId = scope.organizationId();
        this.cohortIds = new HashSet<>(scope.cohortIds());
        this.target = Objects.requireNonNull(target);
        this.unit = Objects.requireNonNull(unit);
        this.startsOn = startsOn;
        this.dueOn = dueOn;
        this.periodNote = periodNote;
        this.strategy = Objects.requireNonNull(strategy);
    }

    /**
     * Whether a figure reaches the target. A rate is compared as the fraction itself, not as the percentage rounded to
     * two decimals for people: 3,203 passed of 4,004 is 79.995%, shown as 80.00, and short of an 80% target.
     */
    /** The plan of this line as {@code revised} says (a line made from the request and checked, never saved itself). */
    public void revise(IndicatorActivity revised, int position) {
        this.position = position;
        this.title = revised.title;
        this.measure = revised.measure;
        this.programId = revised.programId;
        this.organizationId = revised.organizationId;
        this.cohortIds.clear();
        this.cohortIds.addAll(revised.cohortIds);
        this.target = revised.target;
        this.unit = revised.unit;
        this.startsOn = revised.startsOn;
        this.dueOn = revised.dueOn;
        this.periodNote = revised.periodNote;
        this.strategy = revised.strategy;
    }

    /** Out of the way of the positions a revision gives (their pairs are unique): a place below 0 for a moment. */
    public void moveAside(int place) {
        this.position = -1 - place;
    }

    public boolean achievedBy(long numerator, Long denominator, BigDecimal actual) {
        if (actual == null) {
            return false;
        }
        if (denominator == null) {
            return actual.compareTo(target) >= 0;
        }
        return BigDecimal.valueOf(numerator).multiply(BigDecimal.valueOf(100))
                .compareTo(target.multiply(BigDecimal.valueOf(denominator))) >= 0;
    }

    public Scope scope() {
        return new Scope(programId, Set.copyOf(cohortIds), organizationId);
    }

    public String id() {
        return id;
    }

    public String indicatorId() {
        return indicatorId;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public Measure measure() {
        return measure;
    }

    public BigDecimal target() {
        return target;
    }

    public Unit unit() {
        return unit;
    }

    public LocalDate startsOn() {
        return startsOn;
    }

    public LocalDate dueOn() {
        return dueOn;
    }

    public String periodNote() {
        return periodNote;
    }

    public Strategy strategy() {
        return strategy;
    }
}
