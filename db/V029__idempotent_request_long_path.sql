-- ---------------------------------------------------------------------------------------------------------------
-- A keyed request keeps its path and query beside its answer (for the person's export and erasure; the request hash
-- is what identifies it). The column took 2,000 characters, so a request whose path and query were longer failed
-- its claim with "Data too long", which the filter answered 409 idempotency-key-in-use, "retry later", for ever.
-- TEXT takes what the HTTP listener lets through (its request line is limited to a few KiB), so such a request is
-- applied and answered as without a key. The table holds one day of answers: the rebuild is short.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE idempotent_request MODIFY path TEXT CHARACTER SET utf8mb4 NOT NULL;
