package org.sakkaya.assessment.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import org.sakkaya.assessment.entity.Attempt;
import org.sakkaya.assessment.entity.AttemptStatus;
import org.sakkaya.platform.Bangkok;

/**
 * An attempt in a list: whose, which, when and its score, without questions or answers (those are the attempt's own
 * page, {@code GET /attempts/{id}}). An attempt still IN_PROGRESS past its {@code deadlineAt} is graded within a
 * minute, or when it is next opened.
 */
public record AttemptSummaryView(String id, String assessmentId, String personId, int number, AttemptStatus status,
                                 OffsetDateTime startedAt, OffsetDateTime deadlineAt, OffsetDateTime finishedAt,
                                 BigDecimal score, BigDecimal maxScore) {
    static AttemptSummaryView of(Attempt a) {
        return new AttemptSummaryView(a.id(), a.assessmentId(), a.personId(), a.number(), a.status(), Bangkok.time(a.startedAt()),
                Bangkok.time(a.deadlineAt()), Bangkok.time(a.finishedAt()), a.score(), a.maxScore());
    }
}
