package org.sakkaya.assessment.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.assessment.entity.Grade;
import org.sakkaya.assessment.entity.Submission;
import org.sakkaya.platform.Bangkok;

/** A revision of assignment work, with its grade (and, for staff, the history of grades). */
public record SubmissionView(String id, String assessmentId, String personId, String personName, int revision,
                             String text, String url, String fileId, OffsetDateTime submittedAt, boolean late,
                             int daysLate, GradeView grade, List<GradeView> gradeHistory) {

    public record GradeView(String id, BigDecimal score, BigDecimal rawScore, String rubricScores, String feedback,
                            String reason, boolean released, String gradedBy, OffsetDateTime gradedAt) {
        static GradeView of(Grade g) {
            return g == null ? null : new GradeView(g.id(), g.score(), g.rawScore(), g.rubricScores(), g.feedback(), g.reason(),
                    g.released(), g.gradedBy(), Bangkok.time(g.gradedAt()));
        }
    }

    static SubmissionView of(Submission s, String personName, Grade grade, List<Grade> history) {
        return new SubmissionView(s.id(), s.assessmentId(), s.personId(), personName, s.revision(), s.text(), s.url(),
                s.fileId(), Bangkok.time(s.submittedAt()), s.daysLate() > 0, s.daysLate(), GradeView.of(grade),
                history == null ? null : history.stream().map(GradeView::of).toList());
    }

}
