package org.sakkaya.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.sakkaya.identity.entity.OrganizationKind;
import org.sakkaya.platform.problem.RecordId;

/**
 * Create an organisation; {@code parentId} is empty for a ministry or a partner. {@code registrationDomains}: the
 * e-mail domains of its staff, who may then register themselves as trainees ({@code POST /auth/registrations}).
 */
public record OrganizationRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String code,
        @NotBlank @Size(max = 255) String nameTh,
        @Size(max = 255) String nameEn,
        @NotNull OrganizationKind kind,
        @Size(max = 36) @RecordId String parentId,
        @Size(max = 100) String province,
        @Size(max = Organizations.MAX_REGISTRATION_DOMAINS) List<@NotNull @Size(max = 253) String> registrationDomains) {
}
