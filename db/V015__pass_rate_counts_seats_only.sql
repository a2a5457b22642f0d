-- ---------------------------------------------------------------------------------------------------------------
-- Who a pass rate counts changed: a withdrawn nomination or waitlist place (someone who never held a seat) no longer
-- counts as a trainee who dropped out (program.boundary.Enrollments.evaluated). Every cohort is marked changed, so
-- its pass decisions are computed again, by the new rule, at its next report. Closed indicators keep their snapshots.
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO pass_decision_change (cohort_id, changed_at)
    SELECT id, UTC_TIMESTAMP(6) FROM cohort;
