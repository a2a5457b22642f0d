package org.sakkaya.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.sakkaya.identity.entity.Role;
import org.sakkaya.platform.problem.RecordId;

/** Fields left out (or null) stay as they are; {@code roles}, when given, replaces the set. */
public record PersonPatch(
        @Email @Size(min = 3, max = 254) String email,
        @Size(max = 64) String titleTh,
        @Size(min = 1, max = 100) String firstNameTh,
        @Size(min = 1, max = 100) String lastNameTh,
        @Size(max = 64) String titleEn,
        @Size(max = 100) String firstNameEn,
        @Size(max = 100) String lastNameEn,
        @Size(min = 1, max = 36) @RecordId String organizationId,
        @Size(max = 255) String position,
        Set<@NotNull Role> roles) {
}
