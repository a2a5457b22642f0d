-- ---------------------------------------------------------------------------------------------------------------
-- A trainee excused from every ended session had no attendance figure, which a pass policy read as "the attendance
-- rule does not apply yet", so they passed on excuses alone (workshop.control.AttendanceRate). They now have 0.00.
-- Every cohort is marked changed, so its pass decisions are computed again, by the new rule, at its next report.
-- Closed indicators keep their snapshots.
-- ---------------------------------------------------------------------------------------------------------------
INSERT INTO pass_decision_change (cohort_id, changed_at)
    SELECT id, UTC_TIMESTAMP(6) FROM cohort;
