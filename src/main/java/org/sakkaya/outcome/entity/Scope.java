package org.sakkaya.outcome.entity;

import java.util.Set;

/**
 * Where an activity counts. Named cohorts are counted as named; without them, the programme's cohorts (or every
 * cohort) that start in the indicator's fiscal year. An organisation narrows it to its subtree: the sending
 * organisation of an enrolment or certificate, the organisation of a work's authors.
 */
public record Scope(String programId, Set<String> cohortIds, String organizationId) {
    public Scope {
        cohortIds = cohortIds == null ? Set.of() : Set.copyOf(cohortIds);
    }
}
