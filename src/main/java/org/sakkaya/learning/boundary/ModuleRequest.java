package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record ModuleRequest(@NotBlank @Size(max = 255) String title) {
}
