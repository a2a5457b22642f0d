package org.sakkaya.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;

/** A cohort studies a course. */
@Entity
@Table(name = "cohort_course")
@IdClass(CohortCourse.Key.class)
public class CohortCourse {
    @Id
    @Column(name = "cohort_id")
    private String cohortId;

    @Id
    @Column(name = "course_id")
    private String courseId;

    @Column(name = "attached_at", nullable = false)
    private Instant attachedAt;

    protected CohortCourse() {
    }

    public String cohortId() {
        return cohortId;
    }

    public String courseId() {
        return courseId;
    }

    public static class Key implements Serializable {
        private String cohortId;
        private String courseId;

        public Key() {
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.cohortId.equals(cohortId) && k.courseId.equals(courseId);
        }

        @Override
        public int hashCode() {
            return cohortId.hashCode() * 31 + courseId.hashCode();
        }
    }
}
