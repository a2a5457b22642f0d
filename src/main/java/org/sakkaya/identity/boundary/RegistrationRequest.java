package org.sakkaya.identity.boundary;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Ask for a link to register with this address, at a domain an organisation registers its staff from. */
public record RegistrationRequest(@NotBlank @Email @Size(max = 254) String email) {
}
