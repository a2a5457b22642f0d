-- Workshops: the sessions of a cohort (สัมมนาเชิงปฏิบัติการ ครั้งที่ N), attendance with trainee check-in, and field
-- assignments between sessions (ฝึกปฏิบัติภาคสนาม) with versioned reports and mentor feedback.
-- Depends on V001 (person), V002 (cohort) and V003 (stored_file) only.

CREATE TABLE workshop_session (
    id                        CHAR(36)      CHARACTER SET ascii NOT NULL,
    cohort_id                 CHAR(36)      CHARACTER SET ascii NOT NULL,
    number                    INT           NOT NULL,
    title                     VARCHAR(255)  COLLATE utf8mb4_thai_520_w2 NOT NULL,
    starts_at                 DATETIME(6)   NOT NULL,
    ends_at                   DATETIME(6)   NOT NULL,
    venue                     VARCHAR(255)  COLLATE utf8mb4_thai_520_w2,
    online_url                VARCHAR(2000),
    speaker                   VARCHAR(255)  COLLATE utf8mb4_thai_520_w2,
    -- SHA-256 of the session id and the current check-in code: the code itself is never stored
    check_in_code_hash        CHAR(64)      CHARACTER SET ascii,
    check_in_code_expires_at  DATETIME(6),
    version                   INT           NOT NULL DEFAULT 0,
    created_at                DATETIME(6)   NOT NULL,
    CONSTRAINT pk_workshop_session PRIMARY KEY (id),
    CONSTRAINT uq_workshop_session_number UNIQUE (cohort_id, number),
    CONSTRAINT fk_workshop_session_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT ck_workshop_session_times CHECK (ends_at > starts_at),
    -- attendance percentages count the sessions of a cohort that have ended
    INDEX ix_workshop_session_cohort_end (cohort_id, ends_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- One row per trainee and session, written by a check-in or by a trainer; a trainer's word overwrites a check-in.
CREATE TABLE attendance_record (
    id             CHAR(36)     CHARACTER SET ascii NOT NULL,
    session_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    person_id      CHAR(36)     CHARACTER SET ascii NOT NULL,
    status         VARCHAR(8)   CHARACTER SET ascii NOT NULL,
    -- when the trainee checked in with the session's code; NULL if only a trainer recorded them
    checked_in_at  DATETIME(6),
    recorded_by    CHAR(36)     CHARACTER SET ascii NOT NULL,
    recorded_at    DATETIME(6)  NOT NULL,
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_attendance_record PRIMARY KEY (id),
    CONSTRAINT uq_attendance_record_person UNIQUE (session_id, person_id),
    CONSTRAINT fk_attendance_record_session FOREIGN KEY (session_id) REFERENCES workshop_session (id),
    CONSTRAINT fk_attendance_record_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_attendance_record_recorder FOREIGN KEY (recorded_by) REFERENCES person (id),
    CONSTRAINT ck_attendance_record_status CHECK (status IN ('PRESENT', 'LATE', 'EXCUSED', 'ABSENT')),
    INDEX ix_attendance_record_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Wrong check-in codes per trainee and session: enough of them and the trainee must ask the trainer instead.
CREATE TABLE check_in_failure (
    session_id      CHAR(36)    CHARACTER SET ascii NOT NULL,
    person_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    failures        INT         NOT NULL,
    last_failed_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_check_in_failure PRIMARY KEY (session_id, person_id),
    CONSTRAINT fk_check_in_failure_session FOREIGN KEY (session_id) REFERENCES workshop_session (id) ON DELETE CASCADE,
    CONSTRAINT fk_check_in_failure_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_check_in_failure_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE field_assignment (
    id                CHAR(36)      CHARACTER SET ascii NOT NULL,
    cohort_id         CHAR(36)      CHARACTER SET ascii NOT NULL,
    title             VARCHAR(255)  COLLATE utf8mb4_thai_520_w2 NOT NULL,
    brief             TEXT,
    due_at            DATETIME(6)   NOT NULL,
    -- the session after which the field work is done, if it belongs between two sessions
    after_session_id  CHAR(36)      CHARACTER SET ascii,
    version           INT           NOT NULL DEFAULT 0,
    created_at        DATETIME(6)   NOT NULL,
    CONSTRAINT pk_field_assignment PRIMARY KEY (id),
    CONSTRAINT fk_field_assignment_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT fk_field_assignment_session FOREIGN KEY (after_session_id) REFERENCES workshop_session (id),
    INDEX ix_field_assignment_cohort_due (cohort_id, due_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- Each submission is a new revision; the latest one of a trainee is the current report, the older ones are history.
CREATE TABLE field_report (
    id             CHAR(36)     CHARACTER SET ascii NOT NULL,
    assignment_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    person_id      CHAR(36)     CHARACTER SET ascii NOT NULL,
    revision       INT          NOT NULL,
    latest         BOOLEAN      NOT NULL,
    body           TEXT,
    -- http(s) URLs, one a line (a validated URL holds no line break)
    links          TEXT,
    file_id        CHAR(36)     CHARACTER SET ascii,
    submitted_at   DATETIME(6)  NOT NULL,
    -- PDPA erasure removed the text, links and file; the row stays so that counts of submissions stay true
    erased_at      DATETIME(6),
    version        INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_field_report PRIMARY KEY (id),
    CONSTRAINT uq_field_report_revision UNIQUE (assignment_id, person_id, revision),
    CONSTRAINT fk_field_report_assignment FOREIGN KEY (assignment_id) REFERENCES field_assignment (id),
    CONSTRAINT fk_field_report_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_field_report_file FOREIGN KEY (file_id) REFERENCES stored_file (id),
    CONSTRAINT ck_field_report_revision CHECK (revision >= 1),
    INDEX ix_field_report_assignment_time (assignment_id, submitted_at),
    INDEX ix_field_report_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

-- A mentor's comments on one revision of a report; kept as history, never edited.
CREATE TABLE field_report_feedback (
    id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    report_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    author_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    body        TEXT         NOT NULL,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_field_report_feedback PRIMARY KEY (id),
    CONSTRAINT fk_field_report_feedback_report FOREIGN KEY (report_id) REFERENCES field_report (id),
    CONSTRAINT fk_field_report_feedback_author FOREIGN KEY (author_id) REFERENCES person (id),
    INDEX ix_field_report_feedback_report (report_id, created_at),
    INDEX ix_field_report_feedback_author (author_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
