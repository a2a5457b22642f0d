package org.sakkaya.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/**
 * A trainee's progress on one lesson. Completion is one-way (a completed lesson stays completed) and time spent is
 * the largest total the client has reported, so a retried or stale report changes nothing.
 */
@Entity
@Table(name = "lesson_progress")
@IdClass(LessonProgress.Key.class)
public class LessonProgress {
    @Id
    @Column(name = "lesson_id")
    private String lessonId;

    @Id
    @Column(name = "person_id")
    private String personId;

    @Column(name = "course_id", nullable = false)
    private String courseId;

    @Column(nullable = false)
    private boolean completed;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "seconds_spent", nullable = false)
    private int secondsSpent;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected LessonProgress() {
    }

    /** What a report changed, for the course totals. */
    public record Change(int lessonsCompleted, int secondsSpent) {
        public boolean any() {
            return lessonsCompleted != 0 || secondsSpent != 0;
        }
    }

    public Change report(boolean completedNow, int totalSeconds, Instant now) {
        int completedDelta = 0;
        if (completedNow && !completed) {
            completed = true;
            completedAt = now;
            completedDelta = 1;
        }
        int secondsDelta = Math.max(0, totalSeconds - secondsSpent);
        secondsSpent += secondsDelta;
        if (completedDelta != 0 || secondsDelta != 0) {
            updatedAt = now;
        }
        return new Change(completedDelta, secondsDelta);
    }

    public String lessonId() {
        return lessonId;
    }

    public String personId() {
        return personId;
    }

    public String courseId() {
        return courseId;
    }

    public boolean completed() {
        return completed;
    }

    public Instant completedAt() {
        return completedAt;
    }

    public int secondsSpent() {
        return secondsSpent;
    }

    public static class Key implements Serializable {
        private String lessonId;
        private String personId;

        public Key() {
        }

        public Key(String lessonId, String personId) {
            this.lessonId = lessonId;
            this.personId = personId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.lessonId.equals(lessonId) && k.personId.equals(personId);
        }

        @Override
        public int hashCode() {
            return lessonId.hashCode() * 31 + personId.hashCode();
        }
    }
}
