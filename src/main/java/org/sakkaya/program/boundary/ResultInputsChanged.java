package org.sakkaya.program.boundary;

/**
 * Something a cohort's pass decisions read has changed: an enrolment, the pass policy or dates, an assessment, a
 * score, a grade, a session or an attendance record. Fired synchronously inside the transaction of the change, so
 * that an observer's write commits or rolls back with it; the assessment feature uses it to know which persisted
 * decisions are out of date (see {@code assessment.boundary.PassResults}).
 */
public record ResultInputsChanged(String cohortId) {
}
