-- ---------------------------------------------------------------------------------------------------------------
-- Whether a withdrawn or re-nominated trainee counts in the pass rate was read from enrolled_at, which a rejoin keeps
-- from an earlier stay. So a trainee who withdrew before the start, asked again and left the waitlist after it counted
-- as a drop-out without ever holding a seat in the cohort; and a drop-out whom HR nominated again left the denominator.
-- seat_left_at is when a withdrawal last gave up a seat; a rejoin keeps it. A pass rate counts those who hold a seat,
-- and those who gave one up on or after the cohort's first day, whatever they are now (Enrollments.evaluated).
--
-- Known from the rows: a withdrawal that gave up a seat it took in its last stay (enrolled after any waitlisting).
-- Two cases before this migration cannot be told apart from the rows and keep the old rule's answer: a drop-out who
-- was nominated again stays uncounted, and someone who gave up a seat before the start, was nominated again and
-- declined after it stays counted as a drop-out.
-- Every cohort is marked changed, so its pass decisions are computed again; closed indicators keep their snapshots.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE enrollment ADD COLUMN seat_left_at DATETIME(6) AFTER withdrawn_at;

UPDATE enrollment SET seat_left_at = withdrawn_at
    WHERE status = 'WITHDRAWN' AND enrolled_at IS NOT NULL AND (waitlisted_at IS NULL OR enrolled_at >= waitlisted_at);

INSERT INTO pass_decision_change (cohort_id, changed_at)
    SELECT id, UTC_TIMESTAMP(6) FROM cohort;
