package org.sakkaya.assessment.entity;

/** What happens to work handed in after its due time (the assessment's close, or the trainee's extension). */
public enum LatePolicy {
    /** Late work is not accepted. */
    REFUSE,
    /** Accepted, and shown as late to the grader. */
    ACCEPT_AND_FLAG,
    /** Accepted; the grade loses the assessment's percentage for each started day of lateness. */
    PENALTY_PER_DAY
}
