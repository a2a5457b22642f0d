package org.sakkaya.assessment.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;

/** Every minute, attempts past their deadline are graded with the answers saved in time. Idempotent on every instance. */
@Singleton
public class AttemptExpiry {
    @Inject
    Attempts attempts;

    @Schedule(hour = "*", minute = "*", persistent = false)
    void gradeOverdue() {
        attempts.expireOverdue();
    }
}
