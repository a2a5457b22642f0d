package org.sakkaya.assessment.boundary;

import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.assessment.control.Rubric;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.assessment.entity.GradingRule;
import org.sakkaya.assessment.entity.LatePolicy;
import org.sakkaya.assessment.entity.Question;
import org.sakkaya.assessment.entity.QuestionKind;
import org.sakkaya.assessment.entity.ReviewRule;
import org.sakkaya.platform.Bangkok;

/**
 * An assessment. {@code questions}, with their keys, is for the cohort's staff reading one assessment (and its author
 * creating it): a trainee sees questions only in an attempt, and never their keys; lists leave them out.
 */
public record AssessmentView(String id, String cohortId, AssessmentKind kind, String title, BigDecimal weight,
                             BigDecimal maxScore, OffsetDateTime opensAt, OffsetDateTime closesAt,
                             Integer timeLimitMinutes, int maxAttempts, GradingRule gradingRule, ReviewRule review,
                             Integer drawCount, int questionCount, List<String> competencyCodes,
                             Rubric rubric, LatePolicy latePolicy, BigDecimal latePenaltyPercentPerDay,
                             List<QuestionView> questions) {

    /** A question of the bank as its staff wrote it: {@code answer} is the key, in the shape the request took. */
    public record QuestionView(String id, QuestionKind kind, String prompt, String competencyCode, BigDecimal points,
                               JsonValue options, JsonValue answer) {
        static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.kind(), q.prompt(), q.competencyCode(), q.points(), q.optionsJson(), q.answerKey());
        }
    }

    static AssessmentView of(Assessment a) {
        return of(a, null);
    }

    static AssessmentView of(Assessments.Shown shown) {
        return of(shown.assessment(), shown.questions());
    }

    private static AssessmentView of(Assessment a, List<Question> questions) {
        return new AssessmentView(a.id(), a.cohortId(), a.kind(), a.title(), a.weight(), a.maxScore(),
                Bangkok.time(a.opensAt()), Bangkok.time(a.closesAt()),
                a.timeLimitMinutes(), a.maxAttempts(), a.gradingRule(), a.review(), a.drawCount(),
                a.drawCount() != null ? a.drawCount() : a.questionIds().size(), a.competencyCodes(),
                a.rubric().orElse(null), a.kind().autoGraded() ? null : a.latePolicy(), a.latePenaltyPercentPerDay(),
                questions == null ? null : questions.stream().map(QuestionView::of).toList());
    }
}
