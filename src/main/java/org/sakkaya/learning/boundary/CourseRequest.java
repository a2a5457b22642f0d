package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

public record CourseRequest(@NotBlank @Size(max = 255) String title, @Size(max = 10000) String description) {
}
