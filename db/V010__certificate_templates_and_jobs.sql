-- Per-programme certificate templates, the signer recorded on each certificate, and background issuing jobs.

-- What a programme's certificates say and look like. ACHIEVEMENT (วุฒิบัตร) goes to those who passed; a
-- PARTICIPATION (เกียรติบัตร) template, when a programme has one, gives the other evaluated trainees a certificate
-- of participation (optionally only from an attendance percentage). Without an ACHIEVEMENT template the built-in
-- wording is used. Images are PNG or JPEG kept inline: a logo and one signature per signatory (at most three).
CREATE TABLE certificate_template (
    program_id             CHAR(36)      CHARACTER SET ascii NOT NULL,
    kind                   VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    title                  VARCHAR(100)  COLLATE utf8mb4_thai_520_w2 NOT NULL,
    issuer_name            VARCHAR(255)  COLLATE utf8mb4_thai_520_w2,
    body_lines             TEXT          COLLATE utf8mb4_thai_520_w2 NOT NULL,
    signatories            MEDIUMTEXT    COLLATE utf8mb4_thai_520_w2 NOT NULL,
    logo                   MEDIUMBLOB,
    accent_color           CHAR(7)       CHARACTER SET ascii NOT NULL,
    min_attendance_percent DECIMAL(5, 2),
    version                INT           NOT NULL DEFAULT 0,
    updated_at             DATETIME(6)   NOT NULL,
    updated_by             CHAR(36)      CHARACTER SET ascii,
    CONSTRAINT pk_certificate_template PRIMARY KEY (program_id, kind),
    CONSTRAINT fk_certificate_template_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT ck_certificate_template_kind CHECK (kind IN ('ACHIEVEMENT', 'PARTICIPATION'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- The subject of the certificate that signed the PDF (PAdES); null for certificates issued before signing.
ALTER TABLE certificate ADD COLUMN signed_by VARCHAR(500) CHARACTER SET utf8mb4 NULL AFTER sha256;

-- Issuing for a large cohort runs in the background; the caller polls the job. active_cohort_id is the cohort
-- while the job runs and NULL after, so the unique key allows one running job per cohort without locking reads.
CREATE TABLE certificate_job (
    id               CHAR(36)      CHARACTER SET ascii NOT NULL,
    cohort_id        CHAR(36)      CHARACTER SET ascii NOT NULL,
    active_cohort_id CHAR(36)      CHARACTER SET ascii,
    status           VARCHAR(8)    CHARACTER SET ascii NOT NULL,
    total            INT           NOT NULL,
    done             INT           NOT NULL DEFAULT 0,
    issued           INT           NOT NULL DEFAULT 0,
    error            VARCHAR(1000),
    issued_on        DATE          NOT NULL,
    requested_by     CHAR(36)      CHARACTER SET ascii,
    version          INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    finished_at      DATETIME(6),
    CONSTRAINT pk_certificate_job PRIMARY KEY (id),
    CONSTRAINT uq_certificate_job_active UNIQUE (active_cohort_id),
    CONSTRAINT fk_certificate_job_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT ck_certificate_job_status CHECK (status IN ('RUNNING', 'DONE', 'FAILED')),
    INDEX ix_certificate_job_cohort (cohort_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
