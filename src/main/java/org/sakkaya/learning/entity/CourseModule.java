package org.sakkaya.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;

/** A chapter of a course; lessons are ordered within it. */
@Entity
@Table(name = "course_module")
public class CourseModule {
    @Id
    private String id;

    @Column(name = "course_id", nullable = false)
    private String courseId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    @Version
    private int version;

    protected CourseModule() {
    }

    public CourseModule(String courseId, int position, String title) {
        this.id = Ids.next();
        this.courseId = Objects.requireNonNull(courseId);
        this.position = position;
        this.title = Objects.requireNonNull(title);
    }

    public void rename(String title) {
        this.title = Objects.requireNonNull(title);
    }

    public String id() {
        return id;
    }

    public String courseId() {
        return courseId;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }
}
