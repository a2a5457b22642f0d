-- ---------------------------------------------------------------------------------------------------------------
-- Access tokens are signed and live an hour; until now nothing could end one sooner. A leaked password reset by an
-- ADMIN, a role taken away, a move to another organisation, an erasure or a sign-out left every token already issued
-- working to its expiry. Each token now carries its account's generation (claim "gen"); ending an account's sessions
-- bumps the generation, and a token of an older generation is refused (401). tokens_revoked_at tells every instance
-- which accounts to watch: the rows bumped within a token's lifetime, read every few seconds (TokenRevocations).
-- Tokens issued before this migration carry no generation and count as generation 0, which every account starts at.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE account
    ADD COLUMN token_generation INT NOT NULL DEFAULT 0 AFTER invitation_expires_at,
    ADD COLUMN tokens_revoked_at DATETIME(6) AFTER token_generation;

CREATE INDEX ix_account_tokens_revoked_at ON account (tokens_revoked_at);
