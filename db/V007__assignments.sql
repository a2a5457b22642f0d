-- Assignments graded by trainers: rubrics, late policies and extensions, submissions kept as revisions, and grades
-- kept as an append-only history (a regrade is a new row with its reason; the newest row is the grade).

ALTER TABLE assessment
    -- JSON {"criteria":[{"title":"...","levels":[{"label":"...","points":4}]}]}
    ADD COLUMN rubric TEXT,
    ADD COLUMN late_policy VARCHAR(16) CHARACTER SET ascii NOT NULL DEFAULT 'REFUSE',
    ADD COLUMN late_penalty_percent_per_day DECIMAL(5, 2),
    ADD CONSTRAINT ck_assessment_late_policy CHECK (late_policy IN ('REFUSE', 'ACCEPT_AND_FLAG', 'PENALTY_PER_DAY'));

CREATE TABLE assignment_extension (
    assessment_id  CHAR(36)    CHARACTER SET ascii NOT NULL,
    person_id      CHAR(36)    CHARACTER SET ascii NOT NULL,
    due_at         DATETIME(6) NOT NULL,
    granted_by     CHAR(36)    CHARACTER SET ascii,
    CONSTRAINT pk_assignment_extension PRIMARY KEY (assessment_id, person_id),
    CONSTRAINT fk_assignment_extension_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_assignment_extension_person FOREIGN KEY (person_id) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE submission (
    id             CHAR(36)      CHARACTER SET ascii NOT NULL,
    assessment_id  CHAR(36)      CHARACTER SET ascii NOT NULL,
    person_id      CHAR(36)      CHARACTER SET ascii NOT NULL,
    revision       INT           NOT NULL,
    text           MEDIUMTEXT,
    url            VARCHAR(2000),
    file_id        CHAR(36)      CHARACTER SET ascii,
    submitted_at   DATETIME(6)   NOT NULL,
    -- whole days after the due date (0 when in time)
    days_late      INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_submission PRIMARY KEY (id),
    CONSTRAINT uq_submission_revision UNIQUE (assessment_id, person_id, revision),
    CONSTRAINT fk_submission_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_submission_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT fk_submission_file FOREIGN KEY (file_id) REFERENCES stored_file (id),
    INDEX ix_submission_queue (assessment_id, submitted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE grade (
    id             CHAR(36)      CHARACTER SET ascii NOT NULL,
    submission_id  CHAR(36)      CHARACTER SET ascii NOT NULL,
    assessment_id  CHAR(36)      CHARACTER SET ascii NOT NULL,
    person_id      CHAR(36)      CHARACTER SET ascii NOT NULL,
    -- the score that counts, late penalty applied
    score          DECIMAL(9, 4) NOT NULL,
    raw_score      DECIMAL(9, 4) NOT NULL,
    rubric_scores  TEXT          CHARACTER SET ascii,
    feedback       TEXT,
    reason         VARCHAR(1000),
    released       BOOLEAN       NOT NULL DEFAULT TRUE,
    graded_by      CHAR(36)      CHARACTER SET ascii NOT NULL,
    graded_at      DATETIME(6)   NOT NULL,
    CONSTRAINT pk_grade PRIMARY KEY (id),
    CONSTRAINT fk_grade_submission FOREIGN KEY (submission_id) REFERENCES submission (id),
    CONSTRAINT fk_grade_grader FOREIGN KEY (graded_by) REFERENCES person (id),
    INDEX ix_grade_assessment_person (assessment_id, person_id, graded_at),
    INDEX ix_grade_submission (submission_id, graded_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
