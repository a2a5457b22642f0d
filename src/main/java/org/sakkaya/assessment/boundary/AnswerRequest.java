package org.sakkaya.assessment.boundary;

import jakarta.json.JsonValue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.sakkaya.platform.problem.RecordId;

/** One autosaved answer; its form depends on the question (see {@link AssessmentRequest.QuestionRequest}). */
public record AnswerRequest(@NotBlank @Size(max = 36) @RecordId String questionId, @NotNull JsonValue answer) {
}
