-- ---------------------------------------------------------------------------------------------------------------
-- A password given at registration (or an invitation handed to the registrar) is known to whoever registered the
-- person, often HR. When an ADMIN later grants such a person a further role, those credentials must stop working
-- (People.update), so the account remembers whether its password was chosen by its owner: by accepting an
-- invitation or changing the password with the current one.
--
-- Known from the rows: a password changed after the person was registered was set by its owner (an invitation
-- accepted, or PUT /me/password); one set at the moment of registration was not.
-- ---------------------------------------------------------------------------------------------------------------
ALTER TABLE account ADD COLUMN password_set_by_owner BOOLEAN NOT NULL DEFAULT FALSE AFTER password_changed_at;

UPDATE account a JOIN person p ON p.id = a.person_id SET a.password_set_by_owner = TRUE
    WHERE a.password_hash IS NOT NULL AND a.password_changed_at > p.created_at;
