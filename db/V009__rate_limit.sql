-- Fixed-window request counters shared by every instance (public endpoints such as /verify).
CREATE TABLE rate_limit (
    bucket_key    VARCHAR(100) CHARACTER SET ascii NOT NULL,
    window_start  DATETIME(6)  NOT NULL,
    hits          INT          NOT NULL,
    CONSTRAINT pk_rate_limit PRIMARY KEY (bucket_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
