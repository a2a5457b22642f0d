package org.sakkaya.learning.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sakkaya.learning.control.LessonHtml;
import org.sakkaya.learning.entity.Course;
import org.sakkaya.learning.entity.CourseModule;
import org.sakkaya.learning.entity.Lesson;
import org.sakkaya.learning.entity.LessonKind;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.files.FileStore;
import org.sakkaya.platform.files.StoredFile;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.Links;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;

/**
 * Courses, their modules and lessons, and which cohorts study them. PROGRAM_ADMIN manages every course; a trainer
 * manages the courses they wrote and those of the cohorts they train. Staff read the catalogue; a trainee reads
 * the courses of the cohorts they hold a seat in.
 */
@ApplicationScoped
public class Courses {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    FileStore files;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Transactional
    public Course create(CourseRequest request) {
        Course course = new Course(request.title(), request.description(), caller.personId(), clock.instant());
        em.persist(course);
        audit.record("COURSE_CREATED", "course", course.id(), null);
        return course;
    }

    @Transactional
    public CourseModule addModule(String courseId, ModuleRequest request) {
        Course course = manageable(courseId, true);
        int position = nextPosition("SELECT MAX(m.position) FROM CourseModule m WHERE m.courseId = :parent", course.id());
        CourseModule module = new CourseModule(course.id(), position, request.title());
        em.persist(module);
        return module;
    }

    @Transactional
    public Lesson addLesson(String moduleId, LessonRequest request) {
        CourseModule module = Optional.ofNullable(em.find(CourseModule.class, moduleId))
                .orElseThrow(() -> new NotFound("Module", moduleId));
        Course course = manageable(module.courseId(), true);
        String content = null;
        String url = null;
        switch (request.kind()) {
            case TEXT -> {
                if (request.content() == null || request.content().isBlank()) {
                    throw new InvalidInput("content", "is required for a TEXT lesson");
                }
                content = LessonHtml.sanitize(request.content());
            }
            case VIDEO, LINK -> {
                if (request.url() == null) {
                    throw new InvalidInput("url", "is required for a " + request.kind() + " lesson");
                }
                // shown to trainees as a link: parsed, with a host, nothing that could close an attribute
                url = Links.http(request.url(), "url");
                content = LessonHtml.sanitize(request.content());
            }
            case FILE -> content = LessonHtml.sanitize(request.content());
        }
        int position = nextPosition("SELECT MAX(l.position) FROM Lesson l WHERE l.moduleId = :parent", moduleId);
        Lesson lesson = new Lesson(module, position, request.title(), request.kind(), content, url,
                request.minutes() == null ? 0 : request.minutes(), clock.instant());
        em.persist(lesson);
        course.lessonAdded();
        return lesson;
    }

    @Transactional
    public Lesson attachFile(String lessonId, InputStream content, String filename) {
        Lesson lesson = lesson(lessonId);
        manageable(lesson.courseId(), false);
        if (lesson.kind() != LessonKind.FILE) {
            throw new RuleViolation("not-a-file-lesson", "Only a FILE lesson takes a file; this one is " + lesson.kind());
        }
        StoredFile file = files.store("file", content, filename, caller.personId());
        String old = lesson.fileId();
        lesson.attach(file.id());
        // the file replaced is nobody's any more: its row and bytes go (after the commit, as the store deletes)
        if (old != null) {
            StoredFile replaced = files.find(old);
            if (replaced != null) {
                files.delete(replaced);
            }
        }
        return lesson;
    }

    /** The lesson's file, for those who may read the course. */
    public StoredFile fileOf(String lessonId) {
        Lesson lesson = lesson(lessonId);
        readable(lesson.courseId());
        if (lesson.fileId() == null) {
            throw new NotFound("File of lesson", lessonId);
        }
        return files.find(lesson.fileId());
    }

    @Transactional
    public void attachToCohort(String cohortId, String courseId) {
        cohorts.find(cohortId);
        find(courseId);
        em.createNativeQuery("INSERT IGNORE INTO cohort_course (cohort_id, course_id, attached_at) VALUES (?1, ?2, ?3)")
                .setParameter(1, cohortId).setParameter(2, courseId)
                .setParameter(3, java.time.LocalDateTime.ofInstant(clock.instant(), java.time.ZoneOffset.UTC))
                .executeUpdate();
        audit.record("COURSE_ATTACHED", "cohort", cohortId, "course " + courseId);
    }

    @Transactional
    public void detachFromCohort(String cohortId, String courseId) {
        cohorts.find(cohortId);
        em.createNativeQuery("DELETE FROM cohort_course WHERE cohort_id = ?1 AND course_id = ?2")
                .setParameter(1, cohortId).setParameter(2, courseId).executeUpdate();
        audit.record("COURSE_DETACHED", "cohort", cohortId, "course " + courseId);
    }

    /** A course with its modules and lessons in order: three queries, however large the course. */
    public CourseView outline(String courseId) {
        Course course = readable(courseId);
        List<CourseModule> modules = em.createQuery("SELECT m FROM CourseModule m WHERE m.courseId = :course ORDER BY m.position", CourseModule.class)
                .setParameter("course", courseId).getResultList();
        Map<String, List<Lesson>> lessons = lessonsOf(List.of(courseId)).stream()
                .collect(Collectors.groupingBy(Lesson::moduleId));
        return CourseView.of(course, modules, lessons);
    }

    public Page<Course> list(PageRequest page) {
        List<Course> items = page.apply(em.createQuery("SELECT c FROM Course c ORDER BY c.title, c.id", Course.class)).getResultList();
        long total = em.createQuery("SELECT COUNT(c) FROM Course c", Long.class).getSingleResult();
        return new Page<>(items, page.page(), page.size(), total);
    }

    public Course find(String id) {
        return Optional.ofNullable(em.find(Course.class, id)).orElseThrow(() -> new NotFound("Course", id));
    }

    public Lesson lesson(String id) {
        return Optional.ofNullable(em.find(Lesson.class, id)).orElseThrow(() -> new NotFound("Lesson", id));
    }

    /** Lessons of the given courses, in module and lesson order. */
    List<Lesson> lessonsOf(List<String> courseIds) {
        if (courseIds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("SELECT l FROM Lesson l, CourseModule m WHERE l.moduleId = m.id AND l.courseId IN :courses "
                        + "ORDER BY m.position, l.position", Lesson.class)
                .setParameter("courses", courseIds).getResultList();
    }

    /** Courses the cohort studies, by title. */
    public List<Course> ofCohort(String cohortId) {
        return em.createQuery("SELECT c FROM Course c WHERE c.id IN (SELECT cc.courseId FROM CohortCourse cc WHERE cc.cohortId = :cohort) "
                        + "ORDER BY c.title, c.id", Course.class)
                .setParameter("cohort", cohortId).getResultList();
    }

    /** Cohorts that study the course. */
    List<String> cohortsOf(String courseId) {
        return em.createQuery("SELECT cc.cohortId FROM CohortCourse cc WHERE cc.courseId = :course", String.class)
                .setParameter("course", courseId).getResultList();
    }

    private Course readable(String courseId) {
        Course course = find(courseId);
        if (caller.isAny(Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR, Roles.EXECUTIVE, Roles.ADMIN)) {
            return course;
        }
        if (enrollments.seatedIn(caller.personId(), cohortsOf(courseId)).isEmpty()) {
            throw new NotFound("Course", courseId);
        }
        return course;
    }

    private Course manageable(String courseId, boolean lock) {
        Course course = lock
                ? Optional.ofNullable(em.find(Course.class, courseId, LockModeType.PESSIMISTIC_WRITE)).orElseThrow(() -> new NotFound("Course", courseId))
                : find(courseId);
        if (caller.is(Roles.PROGRAM_ADMIN) || caller.personId().equals(course.createdBy())) {
            return course;
        }
        List<String> trained = enrollments.cohortsTrainedBy(caller.personId());
        if (cohortsOf(courseId).stream().noneMatch(trained::contains)) {
            throw new NotFound("Course", courseId);
        }
        return course;
    }

    private int nextPosition(String maxQuery, String parentId) {
        Integer max = em.createQuery(maxQuery, Integer.class).setParameter("parent", parentId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

}
