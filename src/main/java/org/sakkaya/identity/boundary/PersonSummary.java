package org.sakkaya.identity.boundary;

/**
 * What other features need to show a person: the printed Thai name and the organisation, and {@code sortNameTh}, the
 * first and last name without the title, as people are sorted (Thai collation).
 */
public record PersonSummary(String id, String fullNameTh, String fullNameEn, String organizationId, String sortNameTh) {
}
