package org.sakkaya.learning.boundary;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.learning.entity.LessonKind;

/** What progress looks like to the trainee and to those who follow a cohort. Percentages have two decimals. */
public final class ProgressViews {
    private ProgressViews() {
    }

    public record LessonProgressView(String lessonId, String title, LessonKind kind, boolean completed,
                                     OffsetDateTime completedAt, int secondsSpent) {
    }

    public record CourseProgressView(String courseId, String title, int lessonCount, int lessonsCompleted,
                                     BigDecimal completionPercent, long secondsSpent, List<LessonProgressView> lessons) {
    }

    /** {@code GET /me/progress?cohortId=}: every course of the cohort, every lesson. */
    public record MyProgressView(String cohortId, BigDecimal completionPercent, List<CourseProgressView> courses) {
    }

    /** The answer to {@code PUT /lessons/{id}/progress}: the lesson and its course's new totals. */
    public record RecordedProgressView(String lessonId, boolean completed, OffsetDateTime completedAt, int secondsSpent,
                                       CourseProgressView course) {
    }

    public record CourseColumn(String courseId, String title, int lessonCount) {
    }

    public record CourseCell(String courseId, int lessonsCompleted, BigDecimal completionPercent, long secondsSpent) {
    }

    public record TraineeRow(String enrollmentId, String personId, String personName, String organizationId,
                             BigDecimal completionPercent, List<CourseCell> courses) {
    }

    /**
     * {@code GET /cohorts/{id}/progress}: a page of rows, one per seated trainee the caller may see, in the list envelope
     * ({@code items}, {@code page}, {@code size}, {@code total}) with the table's columns and its average.
     */
    public record CohortProgressView(String cohortId, List<CourseColumn> courses, BigDecimal averageCompletionPercent,
                                     int page, int size, long total, List<TraineeRow> items) {
    }
}
