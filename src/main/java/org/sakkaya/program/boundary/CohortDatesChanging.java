package org.sakkaya.program.boundary;

import java.time.LocalDate;

/**
 * A cohort's first or last day is about to change (from {@code was...} to the new days). Fired synchronously before the change is stored: the workshop
 * feature refuses (an exception that reaches the caller as a 422 and rolls the change back) when a session would then
 * lie outside the cohort, as a session after the last day would take place after the cohort's certificates were
 * issued and change its results.
 */
public record CohortDatesChanging(String cohortId, LocalDate wasStartsOn, LocalDate wasEndsOn, LocalDate startsOn, LocalDate endsOn) {
}
