-- Certificates: rendered once at issue and kept byte for byte with their SHA-256, so the same file is served and
-- verified however templates change later. The serial is the public key to the verification page.
CREATE TABLE certificate (
    serial           CHAR(26)      CHARACTER SET ascii NOT NULL,
    enrollment_id    CHAR(36)      CHARACTER SET ascii NOT NULL,
    person_id        CHAR(36)      CHARACTER SET ascii NOT NULL,
    cohort_id        CHAR(36)      CHARACTER SET ascii NOT NULL,
    organization_id  CHAR(36)      CHARACTER SET ascii NOT NULL,
    kind             VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    -- what the certificate prints, kept so verification shows exactly that and nothing more
    holder_name      VARCHAR(255)  COLLATE utf8mb4_thai_520_w2 NOT NULL,
    program_name_th  VARCHAR(255)  COLLATE utf8mb4_thai_520_w2 NOT NULL,
    cohort_number    INT           NOT NULL,
    issued_on        DATE          NOT NULL,
    pdf              MEDIUMBLOB,
    sha256           CHAR(64)      CHARACTER SET ascii NOT NULL,
    status           VARCHAR(8)    CHARACTER SET ascii NOT NULL,
    revoked_at       DATETIME(6),
    revoked_reason   VARCHAR(1000),
    issued_by        CHAR(36)      CHARACTER SET ascii,
    version          INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_certificate PRIMARY KEY (serial),
    CONSTRAINT uq_certificate_enrollment UNIQUE (enrollment_id, kind),
    CONSTRAINT fk_certificate_enrollment FOREIGN KEY (enrollment_id) REFERENCES enrollment (id),
    CONSTRAINT ck_certificate_kind CHECK (kind IN ('ACHIEVEMENT', 'PARTICIPATION')),
    CONSTRAINT ck_certificate_status CHECK (status IN ('VALID', 'REVOKED')),
    INDEX ix_certificate_cohort_org (cohort_id, organization_id),
    INDEX ix_certificate_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
