-- Uploaded files (lesson material, field reports, assignment work): the bytes live in the file store under a
-- generated name; this table says what they are. The original name is kept only to offer it on download.
CREATE TABLE stored_file (
    id             CHAR(36)     CHARACTER SET ascii NOT NULL,
    original_name  VARCHAR(255) NOT NULL,
    media_type     VARCHAR(100) CHARACTER SET ascii NOT NULL,
    size_bytes     BIGINT       NOT NULL,
    sha256         CHAR(64)     CHARACTER SET ascii NOT NULL,
    uploaded_by    CHAR(36)     CHARACTER SET ascii,
    uploaded_at    DATETIME(6)  NOT NULL,
    CONSTRAINT pk_stored_file PRIMARY KEY (id),
    CONSTRAINT fk_stored_file_uploader FOREIGN KEY (uploaded_by) REFERENCES person (id),
    INDEX ix_stored_file_uploader (uploaded_by)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
