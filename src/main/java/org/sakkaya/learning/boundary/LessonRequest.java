package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sakkaya.learning.entity.LessonKind;

/**
 * A lesson: TEXT takes {@code content} (HTML, sanitised), VIDEO and LINK take {@code url} (http or https), FILE
 * takes its file afterwards with {@code POST /lessons/{id}/file}.
 */
public record LessonRequest(
        @NotBlank @Size(max = 255) String title,
        @NotNull LessonKind kind,
        @Size(max = 1_000_000) String content,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String url,
        @Min(0) @Max(1440) Integer minutes) {
}
