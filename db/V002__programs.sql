-- Programmes with competencies; cohorts with their pass policy and trainers; enrolment with a waitlist.

CREATE TABLE program (
    id           CHAR(36)     CHARACTER SET ascii NOT NULL,
    code         VARCHAR(32)  NOT NULL,
    name_th      VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    name_en      VARCHAR(255),
    track        VARCHAR(24)  CHARACTER SET ascii NOT NULL,
    description  TEXT,
    version      INT          NOT NULL DEFAULT 0,
    created_at   DATETIME(6)  NOT NULL,
    CONSTRAINT pk_program PRIMARY KEY (id),
    CONSTRAINT uq_program_code UNIQUE (code),
    CONSTRAINT ck_program_track CHECK (track IN ('DATA_SCIENCE', 'CONTENT_CREATOR', 'DIGITAL_HEALTH', 'OTHER'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE program_competency (
    program_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    position    INT          NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name_th     VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    CONSTRAINT pk_program_competency PRIMARY KEY (program_id, position),
    CONSTRAINT uq_program_competency_code UNIQUE (program_id, code),
    CONSTRAINT fk_program_competency_program FOREIGN KEY (program_id) REFERENCES program (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE cohort (
    id                      CHAR(36)     CHARACTER SET ascii NOT NULL,
    program_id              CHAR(36)     CHARACTER SET ascii NOT NULL,
    number                  INT          NOT NULL,
    name_th                 VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    organizer_id            CHAR(36)     CHARACTER SET ascii NOT NULL,
    starts_on               DATE         NOT NULL,
    ends_on                 DATE         NOT NULL,
    -- NULL: no limit
    capacity                INT,
    enrollment_open         BOOLEAN      NOT NULL DEFAULT FALSE,
    min_score_percent       DECIMAL(5, 2),
    min_attendance_percent  DECIMAL(5, 2),
    -- JSON array of assessment ids that must be completed to pass
    required_assessment_ids TEXT         CHARACTER SET ascii NOT NULL DEFAULT '[]',
    version                 INT          NOT NULL DEFAULT 0,
    created_at              DATETIME(6)  NOT NULL,
    CONSTRAINT pk_cohort PRIMARY KEY (id),
    CONSTRAINT uq_cohort_number UNIQUE (program_id, number),
    CONSTRAINT fk_cohort_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT fk_cohort_organizer FOREIGN KEY (organizer_id) REFERENCES organization (id),
    CONSTRAINT ck_cohort_dates CHECK (ends_on >= starts_on),
    CONSTRAINT ck_cohort_capacity CHECK (capacity IS NULL OR capacity >= 0),
    INDEX ix_cohort_starts_on (starts_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE cohort_trainer (
    cohort_id  CHAR(36) CHARACTER SET ascii NOT NULL,
    person_id  CHAR(36) CHARACTER SET ascii NOT NULL,
    CONSTRAINT pk_cohort_trainer PRIMARY KEY (cohort_id, person_id),
    CONSTRAINT fk_cohort_trainer_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id) ON DELETE CASCADE,
    CONSTRAINT fk_cohort_trainer_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_cohort_trainer_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE enrollment (
    id             CHAR(36)    CHARACTER SET ascii NOT NULL,
    cohort_id      CHAR(36)    CHARACTER SET ascii NOT NULL,
    person_id      CHAR(36)    CHARACTER SET ascii NOT NULL,
    -- the organisation that sent the trainee, as it was at enrolment: reports count it, even if the person moves on
    organization_id CHAR(36)   CHARACTER SET ascii NOT NULL,
    status         VARCHAR(16) CHARACTER SET ascii NOT NULL,
    nominated_by   CHAR(36)    CHARACTER SET ascii,
    created_at     DATETIME(6) NOT NULL,
    enrolled_at    DATETIME(6),
    -- waitlist order: promotion takes the earliest
    waitlisted_at  DATETIME(6),
    withdrawn_at   DATETIME(6),
    version        INT         NOT NULL DEFAULT 0,
    CONSTRAINT pk_enrollment PRIMARY KEY (id),
    CONSTRAINT uq_enrollment_person UNIQUE (cohort_id, person_id),
    CONSTRAINT fk_enrollment_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT fk_enrollment_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_enrollment_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_enrollment_status CHECK (status IN ('NOMINATED', 'ENROLLED', 'WAITLISTED', 'WITHDRAWN', 'COMPLETED')),
    INDEX ix_enrollment_cohort_status (cohort_id, status, waitlisted_at),
    INDEX ix_enrollment_person (person_id),
    INDEX ix_enrollment_organization (organization_id, cohort_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
