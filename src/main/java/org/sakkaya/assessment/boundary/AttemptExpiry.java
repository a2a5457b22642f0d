package org.sakkaya.assessment.boundary;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.sakkaya.platform.persistence.RepeatedWork;

/** Every minute, attempts past their deadline are graded with the answers saved in time. Idempotent on every instance. */
@Singleton
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AttemptExpiry {
    @Inject
    Attempts attempts;

    private final RepeatedWork work = new RepeatedWork(AttemptExpiry.class, "grade the attempts past their deadline",
            "they are graded when their trainee or a trainer next opens them, and results wait for them", "every minute");

    @Schedule(hour = "*", minute = "*", persistent = false)
    void gradeOverdue() {
        work.run(() -> attempts.expireOverdue() + " overdue attempts graded");
    }
}
