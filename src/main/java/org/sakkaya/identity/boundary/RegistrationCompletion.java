package org.sakkaya.identity.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Finish registering with the link's token: the person's own name as it is to be printed (on certificates too), a
 * password, and the acceptance of the privacy notice. The address, the organisation and the role come from the link;
 * a body that names them is not read for them.
 */
public record RegistrationCompletion(
        @NotBlank @Size(max = 100) String token,
        @Size(max = 64) String titleTh,
        @NotBlank @Size(max = 100) String firstNameTh,
        @NotBlank @Size(max = 100) String lastNameTh,
        @Size(max = 64) String titleEn,
        @Size(max = 100) String firstNameEn,
        @Size(max = 100) String lastNameEn,
        @Size(max = 255) String position,
        @NotNull @Size(max = 1000) String password,
        @NotNull Boolean acceptPrivacyNotice) {
}
