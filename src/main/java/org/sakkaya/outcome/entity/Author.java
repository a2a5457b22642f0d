package org.sakkaya.outcome.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A co-author, with the organisation that employed them when the work was recorded. */
@Embeddable
public class Author {
    @Column(name = "person_id", nullable = false)
    private String personId;

    @Column(name = "organization_id", nullable = false)
    private String organizationId;

    protected Author() {
    }

    public Author(String personId, String organizationId) {
        this.personId = personId;
        this.organizationId = organizationId;
    }

    public String personId() {
        return personId;
    }

    public String organizationId() {
        return organizationId;
    }
}
