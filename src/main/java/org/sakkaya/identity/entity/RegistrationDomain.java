package org.sakkaya.identity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Objects;

/**
 * An e-mail domain whose owners may register themselves into an organisation ({@code POST /auth/registrations}).
 * A domain leads to one organisation: it is the key. Kept in one spelling ({@code EmailDomains.normalize}).
 */
@Entity
@Table(name = "organization_registration_domain")
public class RegistrationDomain {
    @Id
    private String domain;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    protected RegistrationDomain() {
    }

    public RegistrationDomain(String domain, String organizationId) {
        this.domain = Objects.requireNonNull(domain);
        this.organizationId = Objects.requireNonNull(organizationId);
    }

    public String domain() {
        return domain;
    }

    public String organizationId() {
        return organizationId;
    }
}
