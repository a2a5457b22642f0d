package org.sakkaya.program.boundary;

import java.util.List;

/**
 * A cohort's pass policy names assessments that every trainee must finish. The assessment feature owns assessments,
 * so it checks them: fired synchronously before the policy is stored, and an observer's exception (an id that is not
 * one of this cohort's assessments) reaches the caller as a 400 and rolls the change back. Without the check such an
 * id was kept and silently ignored, and trainees passed without the work it named.
 */
public record RequiredAssessmentsNamed(String cohortId, List<String> assessmentIds) {
}
