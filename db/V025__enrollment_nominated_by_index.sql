-- ---------------------------------------------------------------------------------------------------------------
-- A nominator's PDPA export and erasure find their nominations by enrollment.nominated_by, which had no index: the
-- erasure's UPDATE scanned and locked every enrolment row until it committed, holding up enrolments and every seat
-- check (attempts, progress, check-in, hand-ins) meanwhile.
-- ---------------------------------------------------------------------------------------------------------------
CREATE INDEX ix_enrollment_nominated_by ON enrollment (nominated_by);
