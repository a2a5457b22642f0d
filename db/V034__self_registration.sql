-- ---------------------------------------------------------------------------------------------------------------
-- Staff register themselves by e-mail (the bank academy's anywhere-anytime e-learning): an organisation names the
-- e-mail domains of its staff, and an address at one of them may ask for a one-time link that lets its owner
-- create their own trainee account in that organisation. Until the link is used nothing about the person exists
-- but the address asked for; the row goes when the link is used, and an hourly sweep removes those that expired.
-- ---------------------------------------------------------------------------------------------------------------
CREATE TABLE organization_registration_domain (
    -- lower case, internationalised names in their ASCII (xn--) form: one spelling per domain
    domain           VARCHAR(253) CHARACTER SET ascii NOT NULL,
    organization_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    CONSTRAINT pk_organization_registration_domain PRIMARY KEY (domain),
    CONSTRAINT fk_organization_registration_domain_organization FOREIGN KEY (organization_id) REFERENCES organization (id),
    INDEX ix_organization_registration_domain_organization (organization_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE registration (
    -- the address as person.email keeps it (trimmed, lower case), and in its collation: one pending link per address
    email            VARCHAR(254) NOT NULL,
    organization_id  CHAR(36)     CHARACTER SET ascii NOT NULL,
    -- SHA-256 of the link's token, never the token itself
    token_hash       CHAR(64)     CHARACTER SET ascii NOT NULL,
    requested_at     DATETIME(6)  NOT NULL,
    expires_at       DATETIME(6)  NOT NULL,
    CONSTRAINT pk_registration PRIMARY KEY (email),
    CONSTRAINT uq_registration_token UNIQUE (token_hash),
    CONSTRAINT fk_registration_organization FOREIGN KEY (organization_id) REFERENCES organization (id) ON DELETE CASCADE,
    INDEX ix_registration_expires (expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_520_ci;
