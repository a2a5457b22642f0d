-- Assessments: a question bank per programme, auto-graded quizzes and pre/post tests with attempts.
-- Answer keys live in question.answer_key and never leave the server before an attempt is graded.

CREATE TABLE question (
    id               CHAR(36)      CHARACTER SET ascii NOT NULL,
    program_id       CHAR(36)      CHARACTER SET ascii NOT NULL,
    competency_code  VARCHAR(32),
    kind             VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    prompt           TEXT          NOT NULL,
    -- JSON [{"key":"a","text":"..."}] for choice questions
    options          TEXT,
    -- JSON: "a" | ["a","c"] | true | {"value":1.5,"tolerance":0.05} | ["accepted", "answers"]
    answer_key       TEXT          NOT NULL,
    points           DECIMAL(7, 2) NOT NULL,
    created_by       CHAR(36)      CHARACTER SET ascii,
    version          INT           NOT NULL DEFAULT 0,
    created_at       DATETIME(6)   NOT NULL,
    CONSTRAINT pk_question PRIMARY KEY (id),
    CONSTRAINT fk_question_program FOREIGN KEY (program_id) REFERENCES program (id),
    CONSTRAINT ck_question_kind CHECK (kind IN ('SINGLE_CHOICE', 'MULTIPLE_CHOICE', 'TRUE_FALSE', 'NUMERIC', 'SHORT_TEXT')),
    CONSTRAINT ck_question_points CHECK (points > 0),
    INDEX ix_question_program (program_id, competency_code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE assessment (
    id                  CHAR(36)      CHARACTER SET ascii NOT NULL,
    cohort_id           CHAR(36)      CHARACTER SET ascii NOT NULL,
    kind                VARCHAR(16)   CHARACTER SET ascii NOT NULL,
    title               VARCHAR(255)  COLLATE utf8mb4_thai_520_w2 NOT NULL,
    -- share of the final score, relative to the other assessments' weights
    weight              DECIMAL(7, 2) NOT NULL,
    max_score           DECIMAL(7, 2) NOT NULL,
    opens_at            DATETIME(6)   NOT NULL,
    closes_at           DATETIME(6)   NOT NULL,
    time_limit_minutes  INT,
    max_attempts        INT           NOT NULL DEFAULT 1,
    grading_rule        VARCHAR(8)    CHARACTER SET ascii NOT NULL DEFAULT 'HIGHEST',
    review              VARCHAR(16)   CHARACTER SET ascii NOT NULL DEFAULT 'AFTER_CLOSE',
    -- questions drawn per attempt from the assessment's pool; NULL: all of them
    draw_count          INT,
    competency_codes    TEXT          CHARACTER SET ascii NOT NULL DEFAULT '[]',
    version             INT           NOT NULL DEFAULT 0,
    created_at          DATETIME(6)   NOT NULL,
    CONSTRAINT pk_assessment PRIMARY KEY (id),
    CONSTRAINT fk_assessment_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT ck_assessment_kind CHECK (kind IN ('QUIZ', 'PRE_TEST', 'POST_TEST', 'ASSIGNMENT')),
    CONSTRAINT ck_assessment_rule CHECK (grading_rule IN ('HIGHEST', 'LAST', 'AVERAGE')),
    CONSTRAINT ck_assessment_review CHECK (review IN ('NEVER', 'AFTER_SUBMIT', 'AFTER_CLOSE')),
    CONSTRAINT ck_assessment_window CHECK (closes_at > opens_at),
    CONSTRAINT ck_assessment_attempts CHECK (max_attempts >= 1),
    INDEX ix_assessment_cohort (cohort_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE assessment_question (
    assessment_id  CHAR(36) CHARACTER SET ascii NOT NULL,
    position       INT      NOT NULL,
    question_id    CHAR(36) CHARACTER SET ascii NOT NULL,
    CONSTRAINT pk_assessment_question PRIMARY KEY (assessment_id, position),
    CONSTRAINT uq_assessment_question UNIQUE (assessment_id, question_id),
    CONSTRAINT fk_assessment_question_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_assessment_question_question FOREIGN KEY (question_id) REFERENCES question (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE attempt (
    id            CHAR(36)      CHARACTER SET ascii NOT NULL,
    assessment_id CHAR(36)      CHARACTER SET ascii NOT NULL,
    person_id     CHAR(36)      CHARACTER SET ascii NOT NULL,
    number        INT           NOT NULL,
    status        VARCHAR(12)   CHARACTER SET ascii NOT NULL,
    started_at    DATETIME(6)   NOT NULL,
    -- the server's deadline: the earlier of the time limit and the assessment's close
    deadline_at   DATETIME(6)   NOT NULL,
    finished_at   DATETIME(6),
    -- JSON [{"questionId":"...","options":["c","a","b"]}]: the questions and option order this attempt shows
    layout        TEXT          CHARACTER SET ascii NOT NULL,
    score         DECIMAL(9, 4),
    max_score     DECIMAL(9, 4),
    version       INT           NOT NULL DEFAULT 0,
    CONSTRAINT pk_attempt PRIMARY KEY (id),
    CONSTRAINT uq_attempt_number UNIQUE (assessment_id, person_id, number),
    CONSTRAINT fk_attempt_assessment FOREIGN KEY (assessment_id) REFERENCES assessment (id),
    CONSTRAINT fk_attempt_person FOREIGN KEY (person_id) REFERENCES person (id),
    CONSTRAINT ck_attempt_status CHECK (status IN ('IN_PROGRESS', 'SUBMITTED', 'EXPIRED')),
    INDEX ix_attempt_deadline (status, deadline_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE attempt_answer (
    attempt_id   CHAR(36)      CHARACTER SET ascii NOT NULL,
    question_id  CHAR(36)      CHARACTER SET ascii NOT NULL,
    answer       TEXT          NOT NULL,
    saved_at     DATETIME(6)   NOT NULL,
    points       DECIMAL(9, 4),
    CONSTRAINT pk_attempt_answer PRIMARY KEY (attempt_id, question_id),
    CONSTRAINT fk_attempt_answer_attempt FOREIGN KEY (attempt_id) REFERENCES attempt (id),
    CONSTRAINT fk_attempt_answer_question FOREIGN KEY (question_id) REFERENCES question (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
