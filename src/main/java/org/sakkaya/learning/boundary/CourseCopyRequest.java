package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The copy's title: a cohort's own version of a course is told apart by its name (say, "... รุ่นที่ 2"). */
public record CourseCopyRequest(@NotBlank @Size(max = 255) String title) {
}
