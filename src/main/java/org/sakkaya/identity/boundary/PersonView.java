package org.sakkaya.identity.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.identity.entity.Person;
import org.sakkaya.identity.entity.PersonName;
import org.sakkaya.identity.entity.Role;

/**
 * A person as the API shows them: the fields API.md lists are always there, null when there is none (no English
 * name, no title). The invitation fields appear once, in the answer to the create (and to an ADMIN's reset):
 * {@code invitationUrl} is the page where the person sets their password with it ({@link InvitationLinks}).
 */
public record PersonView(String id, String email, @JsonbNillable String titleTh, String firstNameTh, String lastNameTh,
                         @JsonbNillable String titleEn, @JsonbNillable String firstNameEn, @JsonbNillable String lastNameEn,
                         String fullNameTh, String organizationId, @JsonbNillable String position, List<Role> roles,
                         String invitationToken, String invitationUrl, OffsetDateTime invitationExpiresAt) {
    static PersonView of(Person p) {
        return of(p, null, null, null);
    }

    static PersonView of(Person p, String invitationToken, String invitationUrl, OffsetDateTime invitationExpiresAt) {
        PersonName n = p.name();
        return new PersonView(p.id(), p.email(), n.titleTh(), n.firstNameTh(), n.lastNameTh(), n.titleEn(),
                n.firstNameEn(), n.lastNameEn(), n.fullTh(), p.organizationId(), p.position(),
                p.roles().stream().sorted().toList(), invitationToken, invitationUrl, invitationExpiresAt);
    }
}
