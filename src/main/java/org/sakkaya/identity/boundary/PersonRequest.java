package org.sakkaya.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.Set;
import org.sakkaya.identity.entity.Role;
import org.sakkaya.platform.problem.RecordId;

/**
 * Create a person. With {@code initialPassword} the account can sign in at once; without it the answer carries a
 * one-time invitation token (valid for a week) for {@code POST /auth/invitations/accept}.
 */
public record PersonRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @Size(max = 64) String titleTh,
        @NotBlank @Size(max = 100) String firstNameTh,
        @NotBlank @Size(max = 100) String lastNameTh,
        @Size(max = 64) String titleEn,
        @Size(max = 100) String firstNameEn,
        @Size(max = 100) String lastNameEn,
        @NotBlank @Size(max = 36) @RecordId String organizationId,
        @Size(max = 255) String position,
        @NotNull @NotEmpty Set<@NotNull Role> roles,
        @Size(max = 1000) String initialPassword) {
}
