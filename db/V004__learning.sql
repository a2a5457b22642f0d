-- Online courses: modules and lessons, attached to cohorts, with per-lesson progress and per-course totals that
-- are kept up to date as progress arrives (course_progress), so completion reports never scan every progress row.

CREATE TABLE course (
    id            CHAR(36)     CHARACTER SET ascii NOT NULL,
    title         VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    description   TEXT,
    -- lessons in all modules; the denominator of completion
    lesson_count  INT          NOT NULL DEFAULT 0,
    created_by    CHAR(36)     CHARACTER SET ascii,
    version       INT          NOT NULL DEFAULT 0,
    created_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_course PRIMARY KEY (id),
    CONSTRAINT fk_course_creator FOREIGN KEY (created_by) REFERENCES person (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE course_module (
    id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    course_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    position    INT          NOT NULL,
    title       VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    version     INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_course_module PRIMARY KEY (id),
    CONSTRAINT uq_course_module_position UNIQUE (course_id, position),
    CONSTRAINT fk_course_module_course FOREIGN KEY (course_id) REFERENCES course (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE lesson (
    id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    module_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    course_id   CHAR(36)     CHARACTER SET ascii NOT NULL,
    position    INT          NOT NULL,
    title       VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    kind        VARCHAR(8)   CHARACTER SET ascii NOT NULL,
    -- TEXT lessons: HTML as sanitised on the way in
    content     MEDIUMTEXT,
    url         VARCHAR(2000),
    file_id     CHAR(36)     CHARACTER SET ascii,
    minutes     INT          NOT NULL DEFAULT 0,
    version     INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_lesson PRIMARY KEY (id),
    CONSTRAINT uq_lesson_position UNIQUE (module_id, position),
    CONSTRAINT fk_lesson_module FOREIGN KEY (module_id) REFERENCES course_module (id),
    CONSTRAINT fk_lesson_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_lesson_file FOREIGN KEY (file_id) REFERENCES stored_file (id),
    CONSTRAINT ck_lesson_kind CHECK (kind IN ('VIDEO', 'TEXT', 'FILE', 'LINK')),
    CONSTRAINT ck_lesson_minutes CHECK (minutes >= 0),
    INDEX ix_lesson_course (course_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE cohort_course (
    cohort_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
    course_id    CHAR(36)    CHARACTER SET ascii NOT NULL,
    attached_at  DATETIME(6) NOT NULL,
    CONSTRAINT pk_cohort_course PRIMARY KEY (cohort_id, course_id),
    CONSTRAINT fk_cohort_course_cohort FOREIGN KEY (cohort_id) REFERENCES cohort (id),
    CONSTRAINT fk_cohort_course_course FOREIGN KEY (course_id) REFERENCES course (id),
    INDEX ix_cohort_course_course (course_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE lesson_progress (
    lesson_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    person_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    course_id       CHAR(36)    CHARACTER SET ascii NOT NULL,
    completed       BOOLEAN     NOT NULL DEFAULT FALSE,
    completed_at    DATETIME(6),
    seconds_spent   INT         NOT NULL DEFAULT 0,
    updated_at      DATETIME(6) NOT NULL,
    CONSTRAINT pk_lesson_progress PRIMARY KEY (lesson_id, person_id),
    CONSTRAINT fk_lesson_progress_lesson FOREIGN KEY (lesson_id) REFERENCES lesson (id),
    CONSTRAINT fk_lesson_progress_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_lesson_progress_person_course (person_id, course_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Running totals per person and course, changed in the same transaction as lesson_progress.
CREATE TABLE course_progress (
    course_id          CHAR(36)    CHARACTER SET ascii NOT NULL,
    person_id          CHAR(36)    CHARACTER SET ascii NOT NULL,
    lessons_completed  INT         NOT NULL DEFAULT 0,
    seconds_spent      BIGINT      NOT NULL DEFAULT 0,
    updated_at         DATETIME(6) NOT NULL,
    CONSTRAINT pk_course_progress PRIMARY KEY (course_id, person_id),
    CONSTRAINT fk_course_progress_course FOREIGN KEY (course_id) REFERENCES course (id),
    CONSTRAINT fk_course_progress_person FOREIGN KEY (person_id) REFERENCES person (id),
    INDEX ix_course_progress_person (person_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
