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
--
-- The table holds every certificate's PDF, so nothing here may copy it: the columns are added in place (VIRTUAL, not
-- stored), the keys are built beside the rows without blocking writes, and each statement names its algorithm so that
-- a server that would copy the table refuses instead.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE certificate ADD COLUMN replaced_by CHAR(26) CHARACTER SET ascii NULL, ALGORITHM = INSTANT;

ALTER TABLE certificate ADD COLUMN valid TINYINT AS (IF(status = 'VALID', 1, NULL)) VIRTUAL, ALGORITHM = INSTANT;

ALTER TABLE certificate ADD CONSTRAINT uq_certificate_valid_enrollment UNIQUE (enrollment_id, kind, valid),
    ALGORITHM = INPLACE, LOCK = NONE;

-- the new key also serves the foreign key to enrollment, so the old one can go
ALTER TABLE certificate DROP INDEX uq_certificate_enrollment, ALGORITHM = INPLACE, LOCK = NONE;
