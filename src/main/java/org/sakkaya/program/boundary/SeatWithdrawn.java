package org.sakkaya.program.boundary;

/**
 * A trainee withdrew from a cohort (or was withdrawn). Fired synchronously inside the withdrawal's transaction, so
 * that other features close what the trainee still had open there: an attempt in progress takes no more answers.
 */
public record SeatWithdrawn(String cohortId, String personId) {
}
