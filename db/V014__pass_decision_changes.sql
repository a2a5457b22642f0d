-- ---------------------------------------------------------------------------------------------------------------
-- A change of something a pass decision reads no longer bumps a counter in its cohort's pass_decision_state row.
-- That row was one per cohort: when 500 trainees of a cohort submitted a quiz at its deadline, every submit waited
-- for the row's lock until the submit before it had committed (495 of 500 submits waited, 25-38 s of waiting in all,
-- docs/BENCHMARKS.md, issue 7 scenario 2).
-- A change now inserts a row of its own here, once per transaction and cohort: no two changes touch the same row.
-- A refresh (assessment.boundary.PassResultRefresh) reads the changes that its snapshot holds, computes the decisions
-- from that same snapshot, and deletes exactly those changes; a change it could not see stays, and the cohort stays
-- stale. A cohort is stale when it has a change here, has no state row (never computed), or is past valid_until.
-- No foreign key, as for the other derived rows of V011: a check would take shared locks on the cohort row.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE pass_decision_change (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    cohort_id   CHAR(36)    CHARACTER SET ascii NOT NULL,
    changed_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_pass_decision_change PRIMARY KEY (id),
    INDEX ix_pass_decision_change_cohort (cohort_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- what the counters said: a cohort computed before its last change is stale; one never computed has no state row
INSERT INTO pass_decision_change (cohort_id, changed_at)
    SELECT cohort_id, UTC_TIMESTAMP(6) FROM pass_decision_state
    WHERE computed_version IS NOT NULL AND computed_version < inputs_version;
DELETE FROM pass_decision_state WHERE computed_version IS NULL;

ALTER TABLE pass_decision_state
    DROP COLUMN inputs_version,
    DROP COLUMN computed_version;
