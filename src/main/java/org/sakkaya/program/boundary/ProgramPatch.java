package org.sakkaya.program.boundary;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.sakkaya.program.entity.Track;

/** Fields left out (or null) stay as they are; {@code competencies}, when given, replaces the list. */
public record ProgramPatch(
        @Size(min = 1, max = 32) @Pattern(regexp = "[A-Za-z0-9._-]+", message = "letters, digits, '.', '_' or '-' only") String code,
        @Size(min = 1, max = 255) String nameTh,
        @Size(max = 255) String nameEn,
        Track track,
        @Size(max = 10000) String description,
        @Size(max = 100) List<ProgramRequest.@Valid @NotNull CompetencyRequest> competencies) {
}
