-- ---------------------------------------------------------------------------------------------------------------
-- An answer marked Cache-Control: no-store holds a secret (a new person's one-time invitation token). It was kept
-- for a day, body and all, for a retry with the same Idempotency-Key. Now only the fact that the request was applied
-- is kept (status and Location), and a retry is told so without the secret.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE idempotent_request ADD COLUMN body_kept BOOLEAN NOT NULL DEFAULT TRUE AFTER body;

-- answers kept before this change that hold an invitation token: registrations without an initial password
UPDATE idempotent_request SET body = NULL, body_kept = FALSE
WHERE method = 'POST' AND path = '/api/v1/people' AND status = 201 AND body LIKE '%"invitationToken":"%';
