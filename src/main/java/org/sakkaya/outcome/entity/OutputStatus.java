package org.sakkaya.outcome.entity;

/** Where a work stands. Only PRESENTED and PUBLISHED works with confirmed evidence count for indicators. */
public enum OutputStatus {
    PLANNED, IN_PROGRESS, PRESENTED, PUBLISHED;

    public boolean done() {
        return this == PRESENTED || this == PUBLISHED;
    }
}
