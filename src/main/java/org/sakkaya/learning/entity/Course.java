package org.sakkaya.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/** An online course: modules of lessons that trainees study anywhere, any time. */
@Entity
@Table(name = "course")
public class Course {
    @Id
    private String id;

    @Column(nullable = false)
    private String title;

    private String description;

    /** How many lessons the course has: the denominator of every completion percentage. */
    @Column(name = "lesson_count", nullable = false)
    private int lessonCount;

    @Column(name = "created_by")
    private String createdBy;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Course() {
    }

    public Course(String title, String description, String createdBy, Instant now) {
        this.id = Ids.next();
        this.title = Objects.requireNonNull(title);
        this.description = description;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    /** A null leaves a field as it is; a blank description clears it. */
    public void describe(String title, String description) {
        if (title != null) {
            this.title = title;
        }
        if (description != null) {
            this.description = description.isBlank() ? null : description;
        }
    }

    /** Counts a new lesson in. The caller holds the course row locked. */
    public void lessonAdded() {
        lessonCount++;
    }

    /** Counts a deleted lesson out. The caller holds the course row locked. */
    public void lessonRemoved() {
        lessonCount--;
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    public int lessonCount() {
        return lessonCount;
    }

    public String createdBy() {
        return createdBy;
    }
}
