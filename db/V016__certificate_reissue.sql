-- ---------------------------------------------------------------------------------------------------------------
-- A certificate can be replaced: a misspelt name is corrected on the person, the old certificate is revoked and a new
-- one is issued for the same enrolment, with a new serial, pointing back from the old one (replaced_by), so that the
-- old serial's verification page leads to the new one. Both are written in one transaction, the old row first (it
-- must stop being VALID before the new one is), so replaced_by has no foreign key: it would name a row not yet there.
--
-- One enrolment still holds at most one VALID certificate of a kind; revoked ones no longer block a replacement.
-- MariaDB has no partial unique index, so the unique key takes a generated column that is 1 for a valid certificate
-- and NULL (never equal to anything) for a revoked one. (A generated column cannot return the CHAR enrollment_id itself:
-- its value would depend on the sql_mode PAD_CHAR_TO_FULL_LENGTH, error 1901.)
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE certificate
    ADD COLUMN replaced_by CHAR(26) CHARACTER SET ascii NULL AFTER revoked_reason,
    ADD COLUMN valid TINYINT AS (IF(status = 'VALID', 1, NULL)) PERSISTENT,
    ADD CONSTRAINT uq_certificate_valid_enrollment UNIQUE (enrollment_id, kind, valid);

-- the new key also serves the foreign key to enrollment, so the old one can go
ALTER TABLE certificate DROP INDEX uq_certificate_enrollment;
