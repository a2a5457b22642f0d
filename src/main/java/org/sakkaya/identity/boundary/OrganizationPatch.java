package org.sakkaya.identity.boundary;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.sakkaya.identity.entity.OrganizationKind;
import org.sakkaya.platform.problem.RecordId;

/**
 * Fields left out (or null) stay as they are. {@code parentId} moves the organisation with its sub-units;
 * {@code registrationDomains} replaces the list whole ({@code []} for none).
 */
public record OrganizationPatch(
        @Size(min = 1, max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String code,
        @Size(min = 1, max = 255) String nameTh,
        @Size(max = 255) String nameEn,
        OrganizationKind kind,
        @Size(max = 36) @RecordId String parentId,
        @Size(max = 100) String province,
        @Size(max = Organizations.MAX_REGISTRATION_DOMAINS) List<@NotNull @Size(max = 253) String> registrationDomains) {
}
