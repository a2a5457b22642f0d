-- ---------------------------------------------------------------------------------------------------------------
-- A trainee who forgot their password asks for a one-time link by e-mail and sets a new one. A link is kept as the
-- SHA-256 of its token, with the SHA-256 of the address it was mailed to: a link mailed before the address changed
-- stops working, and the table holds no address. The row goes when the link is used, when the person is erased,
-- and an hourly sweep removes those that expired.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE password_reset (
    person_id        CHAR(36)     CHARACTER SET ascii NOT NULL,
    email_hash       CHAR(64)     CHARACTER SET ascii NOT NULL,
    token_hash       CHAR(64)     CHARACTER SET ascii NOT NULL,
    requested_at     DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_password_reset PRIMARY KEY (person_id),
    CONSTRAINT uq_password_reset_token UNIQUE (token_hash),
    CONSTRAINT fk_password_reset_person FOREIGN KEY (person_id) REFERENCES person (id) ON DELETE CASCADE,
    INDEX ix_password_reset_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Set when HR registers someone or changes someone else's address: a link mailed there could be read by whoever chose
-- the address, so no link is sent there until an ADMIN sets the address.
ALTER TABLE account ADD COLUMN reset_by_mail_withheld BOOLEAN NOT NULL DEFAULT FALSE;

-- The accounts whose record someone other than the person and anyone who is an ADMIN now created or changed before
-- today: HR chose the address, or may have (the log does not say which fields a change touched), so each is withheld
-- until an ADMIN sets its address. One pass over the audit log (the changes are few beside the sign-ins), then the
-- accounts by their key.
UPDATE account a
  JOIN (SELECT DISTINCT e.subject_id
          FROM audit_event e
         WHERE e.action IN ('PERSON_CREATED', 'PERSON_CHANGED') AND e.subject_type = 'person'
           AND (e.actor_id IS NULL OR e.actor_id <> e.subject_id)
           AND NOT EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = e.actor_id AND r.role = 'ADMIN')) chosen
    ON chosen.subject_id = a.person_id
   SET a.reset_by_mail_withheld = TRUE;
