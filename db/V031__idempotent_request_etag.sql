-- ---------------------------------------------------------------------------------------------------------------
-- A kept answer replays its ETag too. PATCH of a person, a programme or a cohort answers with the record's new version
-- as its ETag, which the client sends back as If-Match with its next change; a retry answered from the kept answer
-- came without it, and the client had to read the record again to go on. The tag is the server's own (a version
-- number, or a digest for an attendance sheet), never a client's value.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE idempotent_request ADD COLUMN etag VARCHAR(80) CHARACTER SET ascii NULL AFTER location;
