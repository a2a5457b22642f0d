-- ---------------------------------------------------------------------------------------------------------------
-- Idempotency-Key (API conventions: "writes that a client may retry take an Idempotency-Key header"). A POST or
-- PATCH that carries a key is applied in one transaction with the row that records its answer, so that a retry
-- after a lost answer or a crash is either answered from here (it was applied) or applied now (it was not).
-- Keys are the caller's own: one caller's key never answers another caller. Rows are kept 24 hours.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE idempotent_request (
    person_id     CHAR(36)       CHARACTER SET ascii NOT NULL,
    idem_key      VARCHAR(255)   CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    -- SHA-256 of the method, path, query, media type and body: the same key with another request is refused
    request_hash  CHAR(64)       CHARACTER SET ascii NOT NULL,
    method        VARCHAR(8)     CHARACTER SET ascii NOT NULL,
    path          VARCHAR(2000)  CHARACTER SET utf8mb4 NOT NULL,
    status        SMALLINT       NOT NULL,
    content_type  VARCHAR(255)   CHARACTER SET ascii,
    location      VARCHAR(2000)  CHARACTER SET utf8mb4,
    body          MEDIUMBLOB,
    created_at    DATETIME(6)    NOT NULL,
    CONSTRAINT pk_idempotent_request PRIMARY KEY (person_id, idem_key),
    INDEX ix_idempotent_request_created (created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
