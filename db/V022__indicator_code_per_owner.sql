-- ---------------------------------------------------------------------------------------------------------------
-- Indicator codes are numbered within each owner's own plan: the Department of Health's 1.33 and the Department of
-- Mental Health's 1.33 are different indicators of the same fiscal year. A code was unique across all owners, so the
-- second department to register its 1.33 got 409. It is now unique per owner and fiscal year.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE indicator
    DROP INDEX uq_indicator_code,
    ADD CONSTRAINT uq_indicator_code UNIQUE (fiscal_year, owner_organization_id, code);
