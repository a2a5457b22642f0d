package org.sakkaya.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sakkaya.identity.entity.OrganizationKind;
import org.sakkaya.platform.problem.RecordId;

/** Create an organisation; {@code parentId} is empty for a ministry or a partner. */
public record OrganizationRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String code,
        @NotBlank @Size(max = 255) String nameTh,
        @Size(max = 255) String nameEn,
        @NotNull OrganizationKind kind,
        @Size(max = 36) @RecordId String parentId,
        @Size(max = 100) String province) {
}
