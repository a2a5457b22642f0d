package org.sakkaya.learning.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.sakkaya.learning.control.CourseOutlines;
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
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.Forbidden;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;

/**
 * Courses, their modules and lessons, and which cohorts study them. PROGRAM_ADMIN manages every course; a trainer
 * manages the courses they wrote and those that only cohorts they train study (a course shared with another
 * trainer's cohort is changed by its author or PROGRAM_ADMIN). Staff read the catalogue; a trainee reads the courses
 * of the cohorts they hold a seat in.
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

    /** Trainees' course pages list courses from memory ({@link CourseOutlines}): each change of what they list says so. */
    @Inject
    Event<CourseOutlines.Changed> outlineChanges;

    @Transactional
    public Course create(CourseRequest request) {
        Course course = new Course(title(request.title()), request.description(), caller.personId(), clock.instant());
        em.persist(course);
        audit.record("COURSE_CREATED", "course", course.id(), null);
        return course;
    }

    @Transactional
    public CourseModule addModule(String courseId, ModuleRequest request) {
        Course course = manageable(courseId, true);
        int position = nextPosition("SELECT MAX(position) FROM course_module WHERE course_id = ?1 FOR UPDATE", course.id());
        CourseModule module = new CourseModule(course.id(), position, title(request.title()));
        em.persist(module);
        return module;
    }

    @Transactional
    public Lesson addLesson(String moduleId, LessonRequest request) {
        CourseModule module = lockedModule(moduleId);
        Course course = find(module.courseId());
        String content = null;
        String url = null;
        switch (request.kind()) {
            case TEXT -> content = requiredText(request.content());
            case VIDEO, LINK -> {
                url = requiredUrl(request.kind(), request.url());
                content = LessonHtml.sanitize(request.content());
            }
            case FILE -> content = LessonHtml.sanitize(request.content());
        }
        int position = nextPosition("SELECT MAX(position) FROM lesson WHERE module_id = ?1 FOR UPDATE", moduleId);
        Lesson lesson = new Lesson(module, position, title(request.title()), request.kind(), content, url,
                request.minutes() == null ? 0 : request.minutes(), clock.instant());
        em.persist(lesson);
        outlineChanges.fire(new CourseOutlines.Changed());
        course.lessonAdded();
        return lesson;
    }

    /**
     * A course of the caller's own with the same modules, lessons and files, for a cohort that must keep its version
     * while the original changes (a course is one text shared by every cohort that studies it). Staff read the
     * catalogue, so any PROGRAM_ADMIN or trainer may copy any course; trainees' progress stays with the original.
     */
    @Transactional
    public Course copy(String courseId, CourseCopyRequest request) {
        // The original's row held shared before anything of it is read: deleting a lesson and replacing a file lock the
        // row exclusively and delete the bytes after they commit, so neither runs while the files are copied, and what
        // the copy reads after this includes whatever committed before. A native query, as EclipseLink writes
        // PESSIMISTIC_READ as FOR UPDATE, which made trainees' progress reports in the original (whose foreign key
        // check shares the row) wait for the whole copy.
        em.createNativeQuery("SELECT id FROM course WHERE id = ?1 LOCK IN SHARE MODE").setParameter(1, courseId).getResultList();
        Course original = readable(courseId, "Course", courseId);
        Course copy = new Course(title(request.title()), original.description(), caller.personId(), clock.instant());
        em.persist(copy);
        // the rows refer to each other by plain columns, which EclipseLink does not order by: each parent is written
        // before its children
        em.flush();
        List<CourseModule> modules = em.createQuery("SELECT m FROM CourseModule m WHERE m.courseId = :course ORDER BY m.position",
                CourseModule.class).setParameter("course", courseId).getResultList();
        Map<String, List<Lesson>> lessons = lessonsOf(List.of(courseId)).stream().collect(Collectors.groupingBy(Lesson::moduleId));
        int modulePosition = 0;
        for (CourseModule module : modules) {
            CourseModule copiedModule = new CourseModule(copy.id(), ++modulePosition, module.title());
            em.persist(copiedModule);
            em.flush();
            int lessonPosition = 0;
            for (Lesson lesson : lessons.getOrDefault(module.id(), List.of())) {
                // the content was sanitised when it was saved, and is copied as it is
                Lesson copied = new Lesson(copiedModule, ++lessonPosition, lesson.title(), lesson.kind(), lesson.content(), lesson.url(),
                        lesson.minutes(), clock.instant());
                em.persist(copied);
                copy.lessonAdded();
                StoredFile file = lesson.fileId() == null ? null : files.find(lesson.fileId());
                if (file != null) {
                    // a file of its own: deleting or replacing it in one course leaves the other's. Duplicated as it is
                    // stored, not uploaded again: one taken under older rules (typed by its name, a higher size limit)
                    // would fail today's checks on a request whose sender can do nothing about it
                    copied.attach(files.duplicate(file, caller.personId()).id());
                }
            }
        }
        audit.record("COURSE_COPIED", "course", copy.id(), "from course " + courseId);
        return copy;
    }

    /** New title or description of a course. */
    @Transactional
    public CourseView describe(String courseId, CoursePatch patch) {
        Course course = manageable(courseId, true);
        if (patch.title() != null && patch.title().isBlank()) {
            throw new InvalidInput("title", "must not be blank");
        }
        course.describe(patch.title() == null ? null : patch.title().strip(), patch.description());
        outlineChanges.fire(new CourseOutlines.Changed());
        audit.record("COURSE_CHANGED", "course", courseId, null);
        return outline(courseId);
    }

    /** A module with its lessons in order, for those who may read the course. */
    public CourseView.ModuleView module(String moduleId) {
        CourseModule module = moduleOf(moduleId);
        readable(module.courseId(), "Module", moduleId);
        return moduleView(module);
    }

    @Transactional
    public CourseView.ModuleView changeModule(String moduleId, ModulePatch patch) {
        CourseModule module = lockedModule(moduleId);
        if (patch.title() != null) {
            if (patch.title().isBlank()) {
                throw new InvalidInput("title", "must not be blank");
            }
            module.rename(patch.title().strip());
        }
        if (patch.position() != null) {
            em.flush();
            List<String> order = new ArrayList<>(idsInOrder("SELECT id FROM course_module WHERE course_id = ?1 ORDER BY position FOR UPDATE",
                    module.courseId()));
            order.remove(moduleId);
            order.add(Math.min(patch.position(), order.size() + 1) - 1, moduleId);
            renumber(MODULES_AWAY, MODULE_AT, module.courseId(), order);
            em.refresh(module);
        }
        outlineChanges.fire(new CourseOutlines.Changed());
        audit.record("MODULE_CHANGED", "module", moduleId, null);
        return moduleView(module);
    }

    /** Only an empty module goes (its lessons are deleted first, each with what trainees recorded in it). */
    @Transactional
    public void deleteModule(String moduleId) {
        CourseModule module = lockedModule(moduleId);
        // a current read under the course's lock: a lesson added just before the lock was taken is counted, which the
        // transaction's snapshot (taken by the first read) would miss
        long lessons = ((Number) em.createNativeQuery("SELECT COUNT(*) FROM lesson WHERE module_id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, moduleId).getSingleResult()).longValue();
        if (lessons > 0) {
            throw new Conflict("module-not-empty", "The module still has " + lessons + " lesson(s); delete them first");
        }
        em.remove(module);
        em.flush();
        // the modules after it close up, as after a move
        renumber(MODULES_AWAY, MODULE_AT, module.courseId(),
                idsInOrder("SELECT id FROM course_module WHERE course_id = ?1 ORDER BY position FOR UPDATE", module.courseId()));
        outlineChanges.fire(new CourseOutlines.Changed());
        audit.record("MODULE_DELETED", "module", moduleId, "course " + module.courseId());
    }

    /** A lesson, for those who may read its course. */
    public CourseView.LessonView lessonView(String lessonId) {
        Lesson lesson = lesson(lessonId);
        readable(lesson.courseId(), "Lesson", lessonId);
        return CourseView.LessonView.of(lesson);
    }

    /** New wording, address or length of a lesson; what trainees recorded in it stays. */
    @Transactional
    public Lesson reviseLesson(String lessonId, LessonPatch patch) {
        Lesson lesson = lockedLesson(lessonId);
        if (patch.title() != null && patch.title().isBlank()) {
            throw new InvalidInput("title", "must not be blank");
        }
        String url = null;
        if (patch.url() != null) {
            if (lesson.kind() != LessonKind.VIDEO && lesson.kind() != LessonKind.LINK) {
                throw new InvalidInput("url", "a " + lesson.kind() + " lesson has no address; only VIDEO and LINK lessons do");
            }
            url = requiredUrl(lesson.kind(), patch.url());
        }
        String content = patch.content() == null ? null
                : lesson.kind() == LessonKind.TEXT ? requiredText(patch.content())
                : patch.content().isBlank() ? null : LessonHtml.sanitize(patch.content());
        lesson.revise(patch.title() == null ? null : patch.title().strip(), content, patch.content() != null, url, patch.minutes());
        if (patch.moduleId() != null || patch.position() != null) {
            place(lesson, patch.moduleId() == null ? lesson.moduleId() : patch.moduleId(), patch.position());
        }
        outlineChanges.fire(new CourseOutlines.Changed());
        audit.record("LESSON_CHANGED", "lesson", lessonId, null);
        return lesson;
    }

    /**
     * Puts the lesson in {@code targetModuleId} (its own module or another of its course) at {@code position}: 1 first,
     * past the end last; no position keeps its place in its own module and puts it last in another. The course row is
     * locked by the caller, so no other change of its structure runs meanwhile.
     */
    private void place(Lesson lesson, String targetModuleId, Integer position) {
        CourseModule target = em.find(CourseModule.class, targetModuleId);
        if (target == null || !target.courseId().equals(lesson.courseId())) {
            throw new InvalidInput("moduleId", "names no module of this lesson's course");
        }
        em.flush();
        String from = lesson.moduleId();
        String query = "SELECT id FROM lesson WHERE module_id = ?1 ORDER BY position FOR UPDATE";
        List<String> order = new ArrayList<>(idsInOrder(query, targetModuleId));
        int current = order.indexOf(lesson.id());
        order.remove(lesson.id());
        int index = position != null ? Math.min(position, order.size() + 1) - 1 : current >= 0 ? current : order.size();
        order.add(index, lesson.id());
        if (!from.equals(targetModuleId)) {
            // out of the old module first, to a place no lesson of the new one holds
            em.createNativeQuery("UPDATE lesson SET module_id = ?1, position = ?2 WHERE id = ?3")
                    .setParameter(1, targetModuleId).setParameter(2, AWAY * 2).setParameter(3, lesson.id()).executeUpdate();
            List<String> left = new ArrayList<>(idsInOrder(query, from));
            left.remove(lesson.id());
            renumber(LESSONS_AWAY, LESSON_AT, from, left);
        }
        renumber(LESSONS_AWAY, LESSON_AT, targetModuleId, order);
        em.refresh(lesson);
    }

    /** Positions are unique in their parent: every sibling steps out of the way, then each takes its new place. */
    private static final int AWAY = 1_000_000;
    private static final String LESSONS_AWAY = "UPDATE lesson SET position = position + " + AWAY + " WHERE module_id = ?1";
    private static final String LESSON_AT = "UPDATE lesson SET position = ?1, version = version + 1 WHERE id = ?2";
    private static final String MODULES_AWAY = "UPDATE course_module SET position = position + " + AWAY + " WHERE course_id = ?1";
    private static final String MODULE_AT = "UPDATE course_module SET position = ?1, version = version + 1 WHERE id = ?2";

    private void renumber(String away, String at, String parentId, List<String> idsInOrder) {
        em.createNativeQuery(away).setParameter(1, parentId).executeUpdate();
        for (int i = 0; i < idsInOrder.size(); i++) {
            em.createNativeQuery(at).setParameter(1, i + 1).setParameter(2, idsInOrder.get(i)).executeUpdate();
        }
    }

    /** Ids in their current order, read under the course's lock as they are now (not as the snapshot had them). */
    @SuppressWarnings("unchecked")
    private List<String> idsInOrder(String query, String parentId) {
        return ((List<Object>) em.createNativeQuery(query).setParameter(1, parentId).getResultList()).stream()
                .map(String::valueOf).toList();
    }

    /**
     * Deletes a lesson with its file and what trainees recorded in it; their course totals lose what the lesson
     * gave them, and the course counts one lesson fewer, so completion stays the share of the lessons there are.
     */
    @Transactional
    public void deleteLesson(String lessonId) {
        // A progress report of this course waits for the course's lock at its first write (which checks the course's
        // key), so no report slips in between the totals and the rows below.
        Lesson lesson = lockedLesson(lessonId);
        String courseId = lesson.courseId();
        Course course = find(courseId);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        em.createNativeQuery("UPDATE course_progress c JOIN lesson_progress l ON l.course_id = c.course_id AND l.person_id = c.person_id "
                        + "SET c.lessons_completed = c.lessons_completed - l.completed, c.seconds_spent = c.seconds_spent - l.seconds_spent, "
                        + "c.updated_at = ?1 WHERE l.lesson_id = ?2")
                .setParameter(1, now).setParameter(2, lessonId).executeUpdate();
        int records = em.createNativeQuery("DELETE FROM lesson_progress WHERE lesson_id = ?1").setParameter(1, lessonId).executeUpdate();
        String fileId = lesson.fileId();
        em.remove(lesson);
        course.lessonRemoved();
        // the lesson's row refers to its file: it goes first
        em.flush();
        // the lessons after it close up, as after a move
        renumber(LESSONS_AWAY, LESSON_AT, lesson.moduleId(),
                idsInOrder("SELECT id FROM lesson WHERE module_id = ?1 ORDER BY position FOR UPDATE", lesson.moduleId()));
        if (fileId != null) {
            StoredFile file = files.find(fileId);
            if (file != null) {
                files.delete(file);
            }
        }
        outlineChanges.fire(new CourseOutlines.Changed());
        audit.record("LESSON_DELETED", "lesson", lessonId, "course " + courseId + ", " + records + " progress record(s)");
    }

    @Transactional
    public Lesson attachFile(String lessonId, InputStream content, String filename) {
        Lesson unlocked = lesson(lessonId);
        manageable(unlocked.courseId(), false);
        if (unlocked.kind() != LessonKind.FILE) {
            throw new RuleViolation("not-a-file-lesson", "Only a FILE lesson takes a file; this one is " + unlocked.kind());
        }
        // the bytes are written before the course's lock is taken, so that trainees' progress reports on the course do
        // not wait for an upload (up to sakkaya.files.max-bytes) to be read and written; a refusal rolls the file back
        StoredFile file = files.store("file", content, filename, caller.personId());
        // then under the course's lock, as every change of it: a copy of the course, which holds the row shared, has
        // finished with the file replaced here before its bytes go at this commit
        Lesson lesson = lockedLesson(lessonId);
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
        readable(lesson.courseId(), "Lesson", lessonId);
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
        outlineChanges.fire(new CourseOutlines.Changed());
        audit.record("COURSE_ATTACHED", "cohort", cohortId, "course " + courseId);
    }

    @Transactional
    public void detachFromCohort(String cohortId, String courseId) {
        cohorts.find(cohortId);
        em.createNativeQuery("DELETE FROM cohort_course WHERE cohort_id = ?1 AND course_id = ?2")
                .setParameter(1, cohortId).setParameter(2, courseId).executeUpdate();
        outlineChanges.fire(new CourseOutlines.Changed());
        audit.record("COURSE_DETACHED", "cohort", cohortId, "course " + courseId);
    }

    /** A course with its modules and lessons in order: three queries, however large the course. */
    public CourseView outline(String courseId) {
        Course course = readable(courseId, "Course", courseId);
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

    /**
     * The courses as a list shows them, each with its length (the sum of its lessons' minutes, as the course's own page
     * has it; lists said 0), in one statement for all of them.
     */
    public List<CourseView> summaries(List<Course> list) {
        Map<String, Integer> minutes = list.isEmpty() ? Map.of() : em.createQuery(
                        "SELECT l.courseId, SUM(l.minutes) FROM Lesson l WHERE l.courseId IN :ids GROUP BY l.courseId", Object[].class)
                .setParameter("ids", list.stream().map(Course::id).toList()).getResultList().stream()
                .collect(Collectors.toMap(row -> (String) row[0], row -> ((Number) row[1]).intValue()));
        return list.stream().map(course -> CourseView.summary(course, minutes.getOrDefault(course.id(), 0))).toList();
    }

    /** Cohorts that study the course. */
    List<String> cohortsOf(String courseId) {
        return em.createQuery("SELECT cc.cohortId FROM CohortCourse cc WHERE cc.courseId = :course", String.class)
                .setParameter("course", courseId).getResultList();
    }

    /**
     * The course, when the caller may read it; otherwise 404 for what was asked ({@code kind} and {@code askedId}), so
     * that a refused lesson or module gives away neither its course nor that it exists.
     */
    private Course readable(String courseId, String kind, String askedId) {
        Course course = find(courseId);
        if (caller.isAny(Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR, Roles.EXECUTIVE, Roles.ADMIN)) {
            return course;
        }
        if (enrollments.seatedIn(caller.personId(), cohortsOf(courseId)).isEmpty()) {
            throw new NotFound(kind, askedId);
        }
        return course;
    }

    /**
     * The course, when the caller may change it: PROGRAM_ADMIN, its author, or a trainer of every cohort that studies
     * it. A course that also serves another trainer's cohort is not changed under that cohort by this one.
     */
    private Course manageable(String courseId, boolean lock) {
        Course course = lock
                ? Optional.ofNullable(em.find(Course.class, courseId, LockModeType.PESSIMISTIC_WRITE)).orElseThrow(() -> new NotFound("Course", courseId))
                : find(courseId);
        if (caller.is(Roles.PROGRAM_ADMIN) || caller.personId().equals(course.createdBy())) {
            return course;
        }
        List<String> studying = cohortsOf(courseId);
        List<String> trained = enrollments.cohortsTrainedBy(caller.personId());
        if (studying.isEmpty() || !trained.containsAll(studying)) {
            throw new Forbidden("A trainer changes the courses they wrote and those that only cohorts they train study; "
                    + "this course is " + (studying.isEmpty() ? "studied by no cohort" : "also studied by a cohort you do not train")
                    + ", so its author or a programme administrator changes it");
        }
        return course;
    }

    /**
     * The lesson, read after its course is locked for the caller's change: as it is now, not as the transaction's
     * snapshot (taken by the first read) had it, since another change of the course (a move, a deletion) may have just
     * committed.
     */
    private Lesson lockedLesson(String lessonId) {
        String courseId = em.createQuery("SELECT l.courseId FROM Lesson l WHERE l.id = :id", String.class)
                .setParameter("id", lessonId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("Lesson", lessonId));
        manageable(courseId, true);
        return Optional.ofNullable(em.find(Lesson.class, lessonId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Lesson", lessonId));
    }

    /**
     * A module to change, read under its course's lock as it is now, as {@link #lockedLesson} reads a lesson: a module
     * another administrator deleted while this change waited for the lock is 404 (it was a 500, and a new title of a
     * deleted module was answered 200).
     */
    private CourseModule lockedModule(String moduleId) {
        String courseId = em.createQuery("SELECT m.courseId FROM CourseModule m WHERE m.id = :id", String.class)
                .setParameter("id", moduleId).getResultStream().findFirst()
                .orElseThrow(() -> new NotFound("Module", moduleId));
        manageable(courseId, true);
        return Optional.ofNullable(em.find(CourseModule.class, moduleId, LockModeType.PESSIMISTIC_WRITE))
                .orElseThrow(() -> new NotFound("Module", moduleId));
    }

    private CourseModule moduleOf(String moduleId) {
        return Optional.ofNullable(em.find(CourseModule.class, moduleId)).orElseThrow(() -> new NotFound("Module", moduleId));
    }

    private CourseView.ModuleView moduleView(CourseModule module) {
        List<CourseView.LessonView> lessons = em.createQuery("SELECT l FROM Lesson l WHERE l.moduleId = :module ORDER BY l.position", Lesson.class)
                .setParameter("module", module.id()).getResultStream().map(CourseView.LessonView::of).toList();
        return new CourseView.ModuleView(module.id(), module.position(), module.title(), lessons);
    }

    /**
     * A new title as stored: {@code @NotBlank} trims only what {@code trim()} does, so a title of ideographic spaces
     * (U+3000) passes it and would be stored as nothing visible.
     */
    private static String title(String requested) {
        if (requested.isBlank()) {
            throw new InvalidInput("title", "must not be blank");
        }
        return requested.strip();
    }

    private static String requiredText(String content) {
        if (content == null || content.isBlank()) {
            throw new InvalidInput("content", "is required for a TEXT lesson");
        }
        String safe = LessonHtml.sanitize(content);
        if (!LessonHtml.showsSomething(safe)) {
            throw new InvalidInput("content", "shows nothing once scripts and other unsafe HTML are removed: it needs text or an https image");
        }
        return safe;
    }

    /** Shown to trainees as a link: parsed, with a host, nothing that could close an attribute. */
    private static String requiredUrl(LessonKind kind, String url) {
        if (url == null) {
            throw new InvalidInput("url", "is required for a " + kind + " lesson");
        }
        return Links.http(url, "url");
    }

    /** The place after the last, read as it is now under the course's lock (a lesson may have just moved in). */
    private int nextPosition(String maxQuery, String parentId) {
        Object max = em.createNativeQuery(maxQuery).setParameter(1, parentId).getSingleResult();
        return max == null ? 1 : ((Number) max).intValue() + 1;
    }

}
