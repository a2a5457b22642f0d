-- ---------------------------------------------------------------------------------------------------------------
-- A closed indicator kept the records each activity counted as one JSON value: an activity counting more than about
-- 80,000 records (a ministry's e-learning for all its staff) exceeded MariaDB's default max_allowed_packet (16 MB) and
-- could not be closed, every status read loaded every snapshot's records whole, and a page of the frozen drill-down
-- parsed all of them. The records are now rows, in the order they were counted, written by one INSERT ... SELECT at
-- closing and read a page at a time. Snapshots closed before this migration are carried over record by record.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE indicator_snapshot_record (
    activity_id     CHAR(36)     CHARACTER SET ascii NOT NULL,
    position        INT          NOT NULL,
    record_type     VARCHAR(16)  CHARACTER SET ascii NOT NULL,
    record_id       VARCHAR(64)  CHARACTER SET ascii NOT NULL,
    person_id       CHAR(36)     CHARACTER SET ascii,
    organization_id CHAR(36)     CHARACTER SET ascii,
    cohort_id       CHAR(36)     CHARACTER SET ascii,
    passed          BOOLEAN,
    title           VARCHAR(500) COLLATE utf8mb4_thai_520_w2,
    on_date         DATE,
    CONSTRAINT pk_indicator_snapshot_record PRIMARY KEY (activity_id, position),
    CONSTRAINT fk_indicator_snapshot_record_snapshot FOREIGN KEY (activity_id) REFERENCES indicator_snapshot (activity_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

INSERT INTO indicator_snapshot_record (activity_id, position, record_type, record_id, person_id, organization_id, cohort_id,
                                       passed, title, on_date)
SELECT s.activity_id, r.position - 1, r.record_type, r.record_id, r.person_id, r.organization_id, r.cohort_id,
       CASE r.passed WHEN 'true' THEN TRUE WHEN 'false' THEN FALSE END, r.title, r.on_date
FROM indicator_snapshot s,
     JSON_TABLE(s.records, '$[*]' COLUMNS (
         position        FOR ORDINALITY,
         record_type     VARCHAR(16)  PATH '$.type',
         record_id       VARCHAR(64)  PATH '$.id',
         person_id       VARCHAR(36)  PATH '$.personId',
         organization_id VARCHAR(36)  PATH '$.organizationId',
         cohort_id       VARCHAR(36)  PATH '$.cohortId',
         passed          VARCHAR(5)   PATH '$.passed',
         title           VARCHAR(500) PATH '$.title',
         on_date         DATE         PATH '$.on')) r;

ALTER TABLE indicator_snapshot DROP CONSTRAINT ck_indicator_snapshot_records;
ALTER TABLE indicator_snapshot DROP COLUMN records;

-- a person's PDPA export lists where they were counted
CREATE INDEX ix_indicator_snapshot_record_person ON indicator_snapshot_record (person_id);
