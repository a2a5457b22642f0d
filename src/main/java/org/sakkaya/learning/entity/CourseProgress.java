package org.sakkaya.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** Running totals of a trainee in a course, written only together with the lesson progress that changes them. */
@Entity
@Table(name = "course_progress")
@IdClass(CourseProgress.Key.class)
public class CourseProgress {
    @Id
    @Column(name = "course_id")
    private String courseId;

    @Id
    @Column(name = "person_id")
    private String personId;

    @Column(name = "lessons_completed", nullable = false)
    private int lessonsCompleted;

    @Column(name = "seconds_spent", nullable = false)
    private long secondsSpent;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected CourseProgress() {
    }

    public String courseId() {
        return courseId;
    }

    public String personId() {
        return personId;
    }

    public int lessonsCompleted() {
        return lessonsCompleted;
    }

    public long secondsSpent() {
        return secondsSpent;
    }

    public static class Key implements Serializable {
        private String courseId;
        private String personId;

        public Key() {
        }

        public Key(String courseId, String personId) {
            this.courseId = courseId;
            this.personId = personId;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.courseId.equals(courseId) && k.personId.equals(personId);
        }

        @Override
        public int hashCode() {
            return courseId.hashCode() * 31 + personId.hashCode();
        }
    }
}
