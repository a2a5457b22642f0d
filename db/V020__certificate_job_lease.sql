-- A certificate job is run by one instance at a time. The instance that runs it writes its id, and a heartbeat with
-- every batch; another instance takes a job over only when nobody runs it or the heartbeat is older than the lease
-- (CertificateJobStore.LEASE_SECONDS, in the database's time), so that several instances behind a load balancer never run one job twice.
-- Jobs running before this migration have no runner: the next instance that is asked about them, or starts, resumes them.
ALTER TABLE certificate_job
    ADD COLUMN runner       CHAR(36)    CHARACTER SET ascii NULL,
    ADD COLUMN heartbeat_at DATETIME(6) NULL,
    ALGORITHM = INSTANT;
