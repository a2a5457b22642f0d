-- Identity: organisations (a tree), people, their accounts and roles, login throttling, audit log.
-- Ids are opaque UUIDs (version 7) kept as ASCII text; Thai text is utf8mb4 with Thai collation where people sort it.

CREATE TABLE organization (
    id          CHAR(36)     CHARACTER SET ascii NOT NULL,
    code        VARCHAR(32)  NOT NULL,
    name_th     VARCHAR(255) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    name_en     VARCHAR(255),
    kind        VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    parent_id   CHAR(36)     CHARACTER SET ascii,
    -- ids from the root down to this organisation, '/'-separated and '/'-terminated: a subtree is a prefix
    path        VARCHAR(760) CHARACTER SET ascii NOT NULL,
    province    VARCHAR(100),
    version     INT          NOT NULL DEFAULT 0,
    created_at  DATETIME(6)  NOT NULL,
    CONSTRAINT pk_organization PRIMARY KEY (id),
    CONSTRAINT uq_organization_code UNIQUE (code),
    CONSTRAINT fk_organization_parent FOREIGN KEY (parent_id) REFERENCES organization (id),
    CONSTRAINT ck_organization_kind CHECK (kind IN ('MINISTRY', 'DEPARTMENT', 'DIVISION', 'PARTNER')),
    INDEX ix_organization_path (path)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE person (
    id               CHAR(36)     CHARACTER SET ascii NOT NULL,
    -- the login; stored lower-cased so that uniqueness ignores case
    email            VARCHAR(254) NOT NULL,
    title_th         VARCHAR(64)  COLLATE utf8mb4_thai_520_w2,
    first_name_th    VARCHAR(100) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    last_name_th     VARCHAR(100) COLLATE utf8mb4_thai_520_w2 NOT NULL,
    title_en         VARCHAR(64),
    first_name_en    VARCHAR(100),
    last_name_en     VARCHAR(100),
    organization_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    position         VARCHAR(255) COLLATE utf8mb4_thai_520_w2,
    erased_at        DATETIME(6),
    version          INT          NOT NULL DEFAULT 0,
    created_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_person PRIMARY KEY (id),
    CONSTRAINT uq_person_email UNIQUE (email),
    CONSTRAINT fk_person_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    INDEX ix_person_organization_name (organization_id, first_name_th, last_name_th)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;

CREATE TABLE person_role (
    person_id  CHAR(36)    CHARACTER SET ascii NOT NULL,
    role       VARCHAR(16) CHARACTER SET ascii NOT NULL,
    CONSTRAINT pk_person_role PRIMARY KEY (person_id, role),
    CONSTRAINT fk_person_role_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT ck_person_role CHECK (role IN ('TRAINEE', 'TRAINER', 'HR', 'PROGRAM_ADMIN', 'EXECUTIVE', 'ADMIN'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE account (
    person_id             CHAR(36)     CHARACTER SET ascii NOT NULL,
    -- bcrypt ($2b$, salted, adaptive cost); NULL until the person accepts an invitation
    password_hash         VARCHAR(100) CHARACTER SET ascii,
    password_changed_at   DATETIME(6),
    -- SHA-256 of a one-time invitation token, never the token itself
    invitation_hash       CHAR(64)     CHARACTER SET ascii,
    invitation_expires_at DATETIME(6),
    version               INT          NOT NULL DEFAULT 0,
    CONSTRAINT pk_account PRIMARY KEY (person_id),
    CONSTRAINT fk_account_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    CONSTRAINT uq_account_invitation UNIQUE (invitation_hash)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Failed sign-ins counted per key ('account:<sha256 of e-mail>' or 'address:<ip>'), shared by every instance.
CREATE TABLE login_throttle (
    throttle_key       VARCHAR(100) CHARACTER SET ascii NOT NULL,
    failures           INT          NOT NULL,
    window_started_at  DATETIME(6)  NOT NULL,
    locked_until       DATETIME(6),
    CONSTRAINT pk_login_throttle PRIMARY KEY (throttle_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE audit_event (
    id              CHAR(36)      CHARACTER SET ascii NOT NULL,
    occurred_at     DATETIME(6)   NOT NULL,
    actor_id        CHAR(36)      CHARACTER SET ascii,
    action          VARCHAR(64)   CHARACTER SET ascii NOT NULL,
    subject_type    VARCHAR(32)   CHARACTER SET ascii,
    subject_id      VARCHAR(64)   CHARACTER SET ascii,
    client_address  VARCHAR(64)   CHARACTER SET ascii,
    detail          VARCHAR(2000),
    CONSTRAINT pk_audit_event PRIMARY KEY (id),
    INDEX ix_audit_event_subject (subject_type, subject_id, occurred_at),
    INDEX ix_audit_event_actor (actor_id, occurred_at),
    INDEX ix_audit_event_time (occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
