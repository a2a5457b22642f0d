package org.sakkaya.assessment.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
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
 * {@code extensionDueAt} is the reader's own extension (a trainee's): they take the quiz, or hand the work in on time,
 * until then; null for everyone else. {@code timeLimitMinutes} and {@code rubric}, which API.md lists, are there as null
 * when there is none.
 */
public record AssessmentView(String id, String cohortId, AssessmentKind kind, String title, BigDecimal weight,
                             BigDecimal maxScore, OffsetDateTime opensAt, OffsetDateTime closesAt,
                             @JsonbNillable Integer timeLimitMinutes, int maxAttempts, GradingRule gradingRule, ReviewRule review,
                             Integer drawCount, int questionCount, List<String> competencyCodes,
                             @JsonbNillable Rubric rubric, LatePolicy latePolicy, BigDecimal latePenaltyPercentPerDay,
                             OffsetDateTime extensionDueAt, List<QuestionView> questions) {

    /** A question of the bank as its staff wrote it: {@code answer} is the key, in the shape the request took. */
    public record QuestionView(String id, QuestionKind kind, String prompt, String competencyCode, BigDecimal points,
                               JsonValue options, JsonValue answer) {
        static QuestionView of(Question q) {
            return new QuestionView(q.id(), q.kind(), q.prompt(), q.competencyCode(), q.points(), q.optionsJson(), q.answerKey());
        }
    }

    static AssessmentView of(Assessment a) {
        return of(a, null, null);
    }

    /** In a trainee's list: with their extension's due time, if they were given one. */
    static AssessmentView of(Assessment a, java.time.Instant extensionDueAt) {
        return of(a, null, extensionDueAt);
    }

    static AssessmentView of(Assessments.Shown shown) {
        return of(shown.assessment(), shown.questions(), shown.extensionDueAt());
    }

    private static AssessmentView of(Assessment a, List<Question> questions, java.time.Instant extensionDueAt) {
        return new AssessmentView(a.id(), a.cohortId(), a.kind(), a.title(), a.weight(), a.maxScore(),
                Bangkok.time(a.opensAt()), Bangkok.time(a.closesAt()),
                a.timeLimitMinutes(), a.maxAttempts(), a.gradingRule(), a.review(), a.drawCount(),
                a.drawCount() != null ? a.drawCount() : a.questionIds().size(), a.competencyCodes(),
                a.rubric().orElse(null), a.kind().autoGraded() ? null : a.latePolicy(), a.latePenaltyPercentPerDay(),
                Bangkok.time(extensionDueAt), questions == null ? null : questions.stream().map(QuestionView::of).toList());
    }
}
