package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.Size;

/** Fields left out (or null) stay as they are; an empty {@code description} clears it. */
public record CoursePatch(@Size(min = 1, max = 255) String title, @Size(max = 10000) String description) {
}
