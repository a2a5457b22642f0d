package org.sakkaya.assessment.boundary;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.assessment.entity.AttemptStatus;
import org.sakkaya.assessment.entity.QuestionKind;

/**
 * An attempt as its trainee sees it: questions in this attempt's order with options shuffled, the saved answers,
 * and after grading the points; {@code correctAnswer} only when the assessment's review rule allows it.
 */
public record AttemptView(String id, String assessmentId, int number, AttemptStatus status, OffsetDateTime startedAt,
                          OffsetDateTime deadlineAt, OffsetDateTime finishedAt, BigDecimal score, BigDecimal maxScore,
                          List<QuestionView> questions) {

    public record QuestionView(String id, QuestionKind kind, String prompt, BigDecimal points, List<OptionView> options,
                               JsonValue answer, BigDecimal pointsAwarded, JsonValue correctAnswer) {
    }

    public record OptionView(String key, String text) {
    }
}
