package org.sakkaya.program.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.sakkaya.program.entity.Track;

public record ProgramRequest(
        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String code,
        @NotBlank @Size(max = 255) String nameTh,
        @Size(max = 255) String nameEn,
        @NotNull Track track,
        @Size(max = 10000) String description,
        @Size(max = 100) List<@Valid @NotNull CompetencyRequest> competencies) {

    public record CompetencyRequest(@NotBlank @Size(max = 32) String code, @NotBlank @Size(max = 255) String nameTh) {
    }
}
