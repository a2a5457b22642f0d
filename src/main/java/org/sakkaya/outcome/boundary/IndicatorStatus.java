package org.sakkaya.outcome.boundary;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.outcome.entity.Measure;
import org.sakkaya.outcome.entity.Strategy;
import org.sakkaya.outcome.entity.Unit;

/**
 * An indicator's figures. Each activity's top-level figures are live, computed from the data now ({@code asOf});
 * once the indicator is closed, {@code snapshot} holds them as they were frozen at closing, beside the live ones.
 * {@code records} is the start of the drill-down (who was counted, which works); the whole list is paged at
 * {@code /indicators/{id}/activities/{activityId}/records}.
 */
public record IndicatorStatus(String id, String code, String nameTh, int fiscalYear, LocalDate firstDay, LocalDate lastDay,
                              boolean closed, OffsetDateTime closedAt, OffsetDateTime asOf, int achieved, int activityCount,
                              List<Activity> activities) {

    public record Activity(String activityId, int position, String title, Measure measure, Strategy strategy,
                           BigDecimal target, Unit unit, String unitTh, LocalDate startsOn, LocalDate dueOn, String periodNote,
                           long numerator, Long denominator, BigDecimal actual, boolean achieved, OffsetDateTime asOf,
                           long recordsTotal, List<Record> records, Frozen snapshot) {
    }

    /** The figures frozen when the indicator was closed. */
    public record Frozen(long numerator, Long denominator, BigDecimal actual, boolean achieved, OffsetDateTime asOf,
                         long recordsTotal) {
    }

    /**
     * One record counted. ENROLLMENT: a trainee evaluated in a cohort ({@code passed} says whether they passed);
     * CERTIFICATE: a valid certificate ({@code id} is its serial); OUTPUT: a work ({@code title}, {@code authors}).
     * {@code on} is the cohort's first day, the day of issue, or the day the work was presented (published).
     */
    public record Record(String type, String id, String personId, String name, String organizationId, String cohortId,
                         Boolean passed, String title, LocalDate on, List<String> authors) {
    }
}
