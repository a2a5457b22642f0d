package org.sakkaya.certificate.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;

/**
 * A programme's certificate template. Images are data URLs of PNG or JPEG ({@code data:image/png;base64,...}), at
 * most 256 KiB each. {@code issuerName} null prints the cohort's organiser; {@code minAttendancePercent} is for
 * PARTICIPATION templates only.
 */
public record TemplateRequest(
        @NotBlank @Size(max = 100) String title,
        @Size(max = 255) String issuerName,
        @NotNull @Size(max = 4) List<@NotBlank @Size(max = 200) String> bodyLines,
        @NotNull @Size(max = 3) List<@Valid @NotNull SignatoryRequest> signatories,
        @Size(max = 400_000) String logo,
        @Pattern(regexp = "#[0-9A-Fa-f]{6}", message = "a colour as #RRGGBB") String accentColor,
        @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal minAttendancePercent) {

    public record SignatoryRequest(@NotBlank @Size(max = 120) String name, @NotBlank @Size(max = 160) String position,
                                   @Size(max = 400_000) String signatureImage) {
    }
}
