package org.sakkaya.learning.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import org.sakkaya.platform.persistence.Ids;
import org.sakkaya.platform.problem.RuleViolation;

/** One thing to study. TEXT content is stored as sanitised HTML; VIDEO and LINK point elsewhere; FILE holds an upload. */
@Entity
@Table(name = "lesson")
public class Lesson {
    @Id
    private String id;

    @Column(name = "module_id", nullable = false)
    private String moduleId;

    @Column(name = "course_id", nullable = false)
    private String courseId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LessonKind kind;

    private String content;

    private String url;

    @Column(name = "file_id")
    private String fileId;

    @Column(nullable = false)
    private int minutes;

    @Version
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Lesson() {
    }

    public Lesson(CourseModule module, int position, String title, LessonKind kind, String safeContent, String url,
                  int minutes, Instant now) {
        this.id = Ids.next();
        this.moduleId = module.id();
        this.courseId = module.courseId();
        this.position = position;
        this.title = Objects.requireNonNull(title);
        this.kind = Objects.requireNonNull(kind);
        this.content = safeContent;
        this.url = url;
        this.minutes = minutes;
        this.createdAt = now;
    }

    public void attach(String fileId) {
        if (kind != LessonKind.FILE) {
            throw new RuleViolation("not-a-file-lesson", "Only a FILE lesson takes a file; this one is " + kind);
        }
        this.fileId = fileId;
    }

    /**
     * New wording, address or length; the kind stays (a lesson of another kind is a new lesson). The caller has
     * checked what the kind needs and sanitised the content; a null leaves a field as it is.
     */
    public void revise(String title, String safeContent, boolean contentGiven, String url, Integer minutes) {
        if (title != null) {
            this.title = title;
        }
        if (contentGiven) {
            this.content = safeContent;
        }
        if (url != null) {
            this.url = url;
        }
        if (minutes != null) {
            this.minutes = minutes;
        }
    }

    public String id() {
        return id;
    }

    public String moduleId() {
        return moduleId;
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

    public LessonKind kind() {
        return kind;
    }

    public String content() {
        return content;
    }

    public String url() {
        return url;
    }

    public String fileId() {
        return fileId;
    }

    public int minutes() {
        return minutes;
    }
}
