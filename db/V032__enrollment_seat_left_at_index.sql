-- ---------------------------------------------------------------------------------------------------------------
-- Every instance remembers the seats its trainees read their courses with (KnownSeats) and, every five seconds, forgets
-- those given up lately on any instance: it reads the enrolments whose seat_left_at is recent, which without an index
-- would scan the whole table every five seconds on every instance.
-- ---------------------------------------------------------------------------------------------------------------
CREATE INDEX ix_enrollment_seat_left_at ON enrollment (seat_left_at);
