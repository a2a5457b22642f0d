package org.sakkaya.learning.boundary;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/** {@code secondsSpent} is the total time on the lesson so far, as the client counts it (not an increment). */
public record ProgressRequest(@NotNull Boolean completed, @Min(0) @Max(864_000) Integer secondsSpent) {
}
