package org.sakkaya.identity.boundary;

/** What other features need to show a person: the printed Thai name and the organisation. */
public record PersonSummary(String id, String fullNameTh, String fullNameEn, String organizationId) {
}
