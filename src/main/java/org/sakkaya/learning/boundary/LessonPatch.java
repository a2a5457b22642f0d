package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.sakkaya.platform.problem.RecordId;

/**
 * Fields left out (or null) stay as they are. The kind cannot change. A TEXT lesson's {@code content} cannot be
 * emptied; the description of the other kinds can (an empty string clears it). {@code url} is for VIDEO and LINK
 * lessons only. {@code moduleId} moves the lesson to another module of its course (at the end, unless
 * {@code position} says where); {@code position} places it in its module, 1 first, past the end last.
 */
public record LessonPatch(
        @Size(min = 1, max = 255) String title,
        @Size(max = 1_000_000) String content,
        @Size(max = 2000) @Pattern(regexp = "https?://\\S+", message = "must be an http or https address") String url,
        @Min(0) @Max(1440) Integer minutes,
        @Size(min = 1, max = 36) @RecordId String moduleId,
        @Min(1) @Max(10000) Integer position) {
}
