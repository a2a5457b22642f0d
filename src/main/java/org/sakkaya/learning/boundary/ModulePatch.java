package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

/** Fields left out (or null) stay as they are; {@code position} places the module in its course, 1 first, past the end last. */
public record ModulePatch(@Size(min = 1, max = 255) String title, @Min(1) @Max(10000) Integer position) {
}
