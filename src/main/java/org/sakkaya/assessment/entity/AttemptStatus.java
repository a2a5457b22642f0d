package org.sakkaya.assessment.entity;

/** IN_PROGRESS until submitted, or until the deadline passes (EXPIRED: graded with what was saved). */
public enum AttemptStatus {
    IN_PROGRESS, SUBMITTED, EXPIRED;

    public boolean finished() {
        return this != IN_PROGRESS;
    }
}
