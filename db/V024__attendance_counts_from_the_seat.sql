-- ---------------------------------------------------------------------------------------------------------------
-- A trainee seated after sessions had ended (a waitlist place that moved up, a late enrolment) was counted absent
-- from them, and could fail the attendance minimum for sessions held before they had a seat. Sessions that ended
-- before a trainee's seat no longer count against them (workshop.boundary.Attendance). Every cohort is marked
-- changed, so its pass decisions are computed again, by the new rule, at its next report. Closed indicators keep
-- their snapshots.
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO pass_decision_change (cohort_id, changed_at)
    SELECT id, UTC_TIMESTAMP(6) FROM cohort;
