-- Outcome: persisted pass decisions for SQL reports, academic outputs (ผลงานวิชาการ), indicators (ตัวชี้วัด) and their
-- year-end snapshots.

-- ---------------------------------------------------------------------------------------------------------------
-- Pass decisions, kept so that reports can count them with GROUP BY (assessment.boundary.PassResults).
-- The gradebook stays the one place that decides; these rows are its answer for every evaluated enrolment of a
-- cohort, written by a cohort-level refresh. pass_decision_state says whether a cohort's rows are current:
-- every change of an input bumps inputs_version in the transaction of the change; a refresh records the version it
-- read as computed_version, and valid_until = the end of the cohort's next workshop session (attendance figures
-- change when a session ends, with no write at all). A cohort without a state row has never been computed.
-- Deliberately without foreign keys: these rows are derived, and a foreign-key check would take shared locks on the
-- enrolment and cohort rows that the writers of those inputs hold, which deadlocks with the refresh.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE pass_decision (
    enrollment_id       CHAR(36)      CHARACTER SET ascii NOT NULL,
    cohort_id           CHAR(36)      CHARACTER SET ascii NOT NULL,
    person_id           CHAR(36)      CHARACTER SET ascii NOT NULL,
    -- the sending organisation, as on the enrolment
    organization_id     CHAR(36)      CHARACTER SET ascii NOT NULL,
    passed              BOOLEAN       NOT NULL,
    score_percent       DECIMAL(7, 2),
    attendance_percent  DECIMAL(5, 2),
    computed_at         DATETIME(6)   NOT NULL,
    CONSTRAINT pk_pass_decision PRIMARY KEY (enrollment_id),
    INDEX ix_pass_decision_cohort (cohort_id, passed),
    INDEX ix_pass_decision_organization (organization_id, cohort_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE pass_decision_state (
    cohort_id         CHAR(36)    CHARACTER SET ascii NOT NULL,
    inputs_version    BIGINT      NOT NULL DEFAULT 0,
    computed_version  BIGINT,
    valid_until       DATETIME(6),
    refreshed_at      DATETIME(6),
    CONSTRAINT pk_pass_decision_state PRIMARY KEY (cohort_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ---------------------------------------------------------------------------------------------------------------
-- Academic outputs: works trainees produce after training. A work counts for an indicator once a trainer of its
-- cohort or PROGRAM_ADMIN has confirmed its evidence; it belongs to the fiscal year of presented_on (or of
-- published_on when it was published without a presentation).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE academic_output (
    id                     CHAR(36)       CHARACTER SET ascii NOT NULL,
    title                  VARCHAR(500)   COLLATE utf8mb4_thai_520_w2 NOT NULL,
    kind                   VARCHAR(16)    CHARACTER SET ascii NOT NULL,
    cohort_id              CHAR(36)       CHARACTER SET ascii NOT NULL,
    program_id             CHAR(36)       CHARACTER SET ascii NOT NULL,
    status                 VARCHAR(16)    CHARACTER SET ascii NOT NULL,
    started_on             DATE,
    presented_on           DATE,
    published_on           DATE,
    -- the date that puts the work in a fiscal year: presented_on, else published_on
    counted_on             DATE           AS (COALESCE(presented_on, published_on)) PERSISTENT,
    venue                  VARCHAR(500)   COLLATE utf8mb4_thai_520_w2,
    evidence_url           VARCHAR(2000),
    evidence_file_id       CHAR(36)       CHARACTER SET ascii,
    evidence_confirmed_by  CHAR(36)       CHARACTER SET ascii,
    evidence_confirmed_at  DATETIME(6),
    created_by             CHAR(36)       CHARACTER SET ascii NOT NULL,
    version                INT            NOT NULL DEFAULT 0,
    created_at             DATETIME(6)    NOT NULL,
    CONSTRAINT pk_academic_output PRIMARY KEY (id),
    CONSTRAINT fk_academic_output_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT fk_academic_output_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT fk_academic_output_file FOREIGN KEY (evidence_file_id) REFERENCES stored_file (id),
    CONSTRAINT ck_academic_output_kind CHECK (kind IN ('PAPER', 'RESEARCH', 'INNOVATION', 'MEDIA', 'PRESENTATION')),
    CONSTRAINT ck_academic_output_status CHECK (status IN ('PLANNED', 'IN_PROGRESS', 'PRESENTED', 'PUBLISHED')),
    INDEX ix_academic_output_program (program_id, counted_on),
    INDEX ix_academic_output_cohort (cohort_id, counted_on)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- co-authors, with the organisation that employed each when the work was recorded (organisation scopes count it)
CREATE TABLE academic_output_author (
    output_id        CHAR(36)  CHARACTER SET ascii NOT NULL,
    position         INT       NOT NULL,
    person_id        CHAR(36)  CHARACTER SET ascii NOT NULL,
    organization_id  CHAR(36)  CHARACTER SET ascii NOT NULL,
    CONSTRAINT pk_academic_output_author PRIMARY KEY (output_id, person_id),
    CONSTRAINT fk_academic_output_author_output FOREIGN KEY (output_id) REFERENCES academic_output (id) ON DELETE CASCADE,
    CONSTRAINT fk_academic_output_author_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_academic_output_author_person (person_id),
    INDEX ix_academic_output_author_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- ---------------------------------------------------------------------------------------------------------------
-- Indicators and their plan activities. An activity's scope narrows what it counts: a programme, named cohorts,
-- an organisation subtree (of the sending organisation, or of the authors for works).
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE indicator (
    id                     CHAR(36)       CHARACTER SET ascii NOT NULL,
    code                   VARCHAR(32)    NOT NULL,
    name_th                VARCHAR(1000)  COLLATE utf8mb4_thai_520_w2 NOT NULL,
    fiscal_year            INT            NOT NULL,
    owner_organization_id  CHAR(36)       CHARACTER SET ascii NOT NULL,
    closed_at              DATETIME(6),
    closed_by              CHAR(36)       CHARACTER SET ascii,
    created_by             CHAR(36)       CHARACTER SET ascii NOT NULL,
    version                INT            NOT NULL DEFAULT 0,
    created_at             DATETIME(6)    NOT NULL,
    CONSTRAINT pk_indicator PRIMARY KEY (id),
    CONSTRAINT uq_indicator_code UNIQUE (fiscal_year, code),
    CONSTRAINT fk_indicator_owner FOREIGN KEY (owner_organization_id) REFERENCES organization (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE indicator_activity (
    id               CHAR(36)       CHARACTER SET ascii NOT NULL,
    indicator_id     CHAR(36)       CHARACTER SET ascii NOT NULL,
    position         INT            NOT NULL,
    title            VARCHAR(500)   COLLATE utf8mb4_thai_520_w2 NOT NULL,
    measure          VARCHAR(24)    CHARACTER SET ascii NOT NULL,
    program_id       CHAR(36)       CHARACTER SET ascii,
    organization_id  CHAR(36)       CHARACTER SET ascii,
    target           DECIMAL(12, 2) NOT NULL,
    unit             VARCHAR(8)     CHARACTER SET ascii NOT NULL,
    starts_on        DATE,
    due_on           DATE,
    period_note      VARCHAR(255)   COLLATE utf8mb4_thai_520_w2,
    strategy         VARCHAR(16)    CHARACTER SET ascii NOT NULL,
    CONSTRAINT pk_indicator_activity PRIMARY KEY (id),
    CONSTRAINT uq_indicator_activity_position UNIQUE (indicator_id, position),
    CONSTRAINT fk_indicator_activity_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id) ON DELETE CASCADE,
    CONSTRAINT fk_indicator_activity_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT fk_indicator_activity_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    CONSTRAINT ck_indicator_activity_measure CHECK (measure IN ('PASS_RATE', 'TRAINEES_SENT', 'TRAINEES_PASSED',
        'OUTPUTS_PRESENTED', 'CERTIFICATES_ISSUED')),
    CONSTRAINT ck_indicator_activity_unit CHECK (unit IN ('PERCENT', 'PERSON', 'WORK')),
    CONSTRAINT ck_indicator_activity_strategy CHECK (strategy IN ('PARTNERSHIP', 'INVESTMENT', 'REGULATION', 'ADVOCATE',
        'BUILD_CAPACITY'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE indicator_activity_cohort (
    activity_id  CHAR(36)  CHARACTER SET ascii NOT NULL,
    cohort_id    CHAR(36)  CHARACTER SET ascii NOT NULL,
    CONSTRAINT pk_indicator_activity_cohort PRIMARY KEY (activity_id, cohort_id),
    CONSTRAINT fk_indicator_activity_cohort_activity FOREIGN KEY (activity_id) REFERENCES indicator_activity (id) ON DELETE CASCADE,
    CONSTRAINT fk_indicator_activity_cohort_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Frozen at closing: the figures and the ids of the records counted (names are looked up when read, so PDPA
-- erasure reaches them too). Later changes of the data never touch these rows.
CREATE TABLE indicator_snapshot (
    activity_id   CHAR(36)        CHARACTER SET ascii NOT NULL,
    indicator_id  CHAR(36)        CHARACTER SET ascii NOT NULL,
    numerator     BIGINT          NOT NULL,
    denominator   BIGINT,
    actual        DECIMAL(14, 2),
    achieved      BOOLEAN         NOT NULL,
    as_of         DATETIME(6)     NOT NULL,
    records       LONGTEXT        CHARACTER SET utf8mb4 COLLATE utf8mb4_bin NOT NULL,
    CONSTRAINT pk_indicator_snapshot PRIMARY KEY (activity_id),
    CONSTRAINT fk_indicator_snapshot_activity FOREIGN KEY (activity_id) REFERENCES indicator_activity (id),
    CONSTRAINT fk_indicator_snapshot_indicator FOREIGN KEY (indicator_id) REFERENCES indicator (id),
    CONSTRAINT ck_indicator_snapshot_records CHECK (JSON_VALID(records))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
