package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Fields left out (or null) stay as they are. The kind cannot change. A TEXT lesson's {@code content} cannot be
 * emptied; the description of the other kinds can (an empty string clears it). {@code url} is for VIDEO and LINK
 * lessons only.
 */
public record LessonPatch(
        @Size(min = 1, max = 255) String title,
        @Size(max = 1_000_000) String content,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String url,
        @Min(0) @Max(1440) Integer minutes) {
}
