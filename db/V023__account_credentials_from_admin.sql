-- ---------------------------------------------------------------------------------------------------------------
-- HR registers people with a password of its choosing, or receives their one-time invitation. When an ADMIN later
-- grants such a person a further role, whatever HR knew must stop working (People.update): HR may have accepted the
-- invitation or changed the password itself, so neither makes the credentials the owner's. An account remembers
-- whether an ADMIN issued its credentials (registered the person, or reset the password); only those survive a grant.
--
-- Known from the rows: the person is an ADMIN (the first administrator, from the configuration), or the person's
-- registration or a password reset was audited with an actor who is an ADMIN now. Everyone else starts untrusted:
-- a further role granted to them withdraws their password, and an ADMIN issues an invitation.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE account ADD COLUMN credentials_from_admin BOOLEAN NOT NULL DEFAULT FALSE AFTER password_changed_at;

UPDATE account a SET a.credentials_from_admin = TRUE
    WHERE EXISTS (SELECT 1 FROM person_role r WHERE r.person_id = a.person_id AND r.role = 'ADMIN')
       OR EXISTS (SELECT 1 FROM audit_event e JOIN person_role r ON r.person_id = e.actor_id AND r.role = 'ADMIN'
                  WHERE e.subject_type = 'person' AND e.subject_id = a.person_id
                    AND e.action IN ('PERSON_CREATED', 'PASSWORD_RESET'));
