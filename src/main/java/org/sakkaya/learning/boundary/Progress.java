package org.sakkaya.learning.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.learning.boundary.ProgressViews.CohortProgressView;
import org.sakkaya.learning.boundary.ProgressViews.CourseCell;
import org.sakkaya.learning.boundary.ProgressViews.CourseColumn;
import org.sakkaya.learning.boundary.ProgressViews.CourseProgressView;
import org.sakkaya.learning.boundary.ProgressViews.LessonProgressView;
import org.sakkaya.learning.boundary.ProgressViews.MyProgressView;
import org.sakkaya.learning.boundary.ProgressViews.RecordedProgressView;
import org.sakkaya.learning.boundary.ProgressViews.TraineeRow;
import org.sakkaya.learning.control.Completion;
import org.sakkaya.learning.control.CourseOutlines;
import org.sakkaya.learning.control.CourseOutlines.CourseLine;
import org.sakkaya.learning.control.CourseOutlines.LessonLine;
import org.sakkaya.learning.entity.Course;
import org.sakkaya.learning.entity.CourseProgress;
import org.sakkaya.learning.entity.Lesson;
import org.sakkaya.learning.entity.LessonProgress;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;

/**
 * Trainees' progress. A report changes one lesson_progress row and, in the same transaction, the trainee's running
 * totals for the course (course_progress); completion tables read those totals, never every lesson row. Reports are
 * idempotent: completion is one-way and the time spent is the largest total reported.
 */
@ApplicationScoped
public class Progress {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Courses courses;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    People people;

    @Inject
    OrganizationScope scope;

    @Inject
    CourseOutlines outlines;

    @Transactional
    public RecordedProgressView record(String lessonId, ProgressRequest request) {
        Lesson lesson = courses.lesson(lessonId);
        String person = caller.personId();
        if (!seatedLocking(person, courses.cohortsOf(lesson.courseId()))) {
            throw new NotFound("Lesson", lessonId);
        }
        Instant now = clock.instant();
        LocalDateTime utc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        // Both rows are created if missing and locked (ON DUPLICATE KEY UPDATE takes an exclusive lock, INSERT IGNORE
        // only a shared one, which deadlocks parallel reports). The course totals first: every report of this person
        // in this course queues on that one row, so the order of locks is always the same.
        em.createNativeQuery("INSERT INTO course_progress (course_id, person_id, lessons_completed, seconds_spent, updated_at) "
                        + "VALUES (?1, ?2, 0, 0, ?3) ON DUPLICATE KEY UPDATE course_id = course_id")
                .setParameter(1, lesson.courseId()).setParameter(2, person).setParameter(3, utc)
                .executeUpdate();
        em.createNativeQuery("INSERT INTO lesson_progress (lesson_id, person_id, course_id, updated_at) VALUES (?1, ?2, ?3, ?4) "
                        + "ON DUPLICATE KEY UPDATE lesson_id = lesson_id")
                .setParameter(1, lessonId).setParameter(2, person).setParameter(3, lesson.courseId()).setParameter(4, utc)
                .executeUpdate();
        LessonProgress progress = em.find(LessonProgress.class, new LessonProgress.Key(lessonId, person), LockModeType.PESSIMISTIC_WRITE);
        LessonProgress.Change change = progress.report(request.completed(),
                request.secondsSpent() == null ? 0 : request.secondsSpent(), now);
        if (change.any()) {
            em.createNativeQuery("UPDATE course_progress SET lessons_completed = lessons_completed + ?1, "
                            + "seconds_spent = seconds_spent + ?2, updated_at = ?3 WHERE course_id = ?4 AND person_id = ?5")
                    .setParameter(1, change.lessonsCompleted()).setParameter(2, change.secondsSpent()).setParameter(3, utc)
                    .setParameter(4, lesson.courseId()).setParameter(5, person)
                    .executeUpdate();
        }
        // the course as it is now, not as the transaction's snapshot has it: a lesson deleted meanwhile changed the
        // totals below (this report's update built on them) and the lesson count together; the row is already
        // share-locked by the foreign key check of the first insert, so this waits for nothing
        Object[] course = (Object[]) em.createNativeQuery("SELECT title, lesson_count FROM course WHERE id = ?1 LOCK IN SHARE MODE")
                .setParameter(1, lesson.courseId()).getSingleResult();
        String title = (String) course[0];
        int lessonCount = ((Number) course[1]).intValue();
        // the totals as they are now too (the row is locked by the first insert): a report that changed nothing would
        // otherwise read them from its snapshot, from before a deletion that lowered them
        Object[] totals = (Object[]) em.createNativeQuery("SELECT lessons_completed, seconds_spent FROM course_progress "
                        + "WHERE course_id = ?1 AND person_id = ?2 FOR UPDATE")
                .setParameter(1, lesson.courseId()).setParameter(2, person).getSingleResult();
        int completed = ((Number) totals[0]).intValue();
        long seconds = ((Number) totals[1]).longValue();
        return new RecordedProgressView(lessonId, progress.completed(), Bangkok.time(progress.completedAt()), progress.secondsSpent(),
                new CourseProgressView(lesson.courseId(), title, lessonCount, completed,
                        Completion.percent(completed, lessonCount), seconds, null));
    }

    /**
     * Whether the person holds a seat in one of the cohorts, read with a lock on that enrolment held until the report
     * commits: a withdrawal committing meanwhile is waited for and seen, so no progress is saved for a trainee who has
     * just left, as it was after a plain read. Most courses serve one cohort, whose seat is read locked at once, in as
     * many statements as the plain check took; with several, the seats are read plainly, then locked and read again
     * one by one until one holds. (EclipseLink locks it FOR UPDATE: a trainee's reports queue on their seat, as they
     * already do on their course totals.)
     * <p>
     * The enrolment is locked before the course's row and the progress rows, and nothing waits for an enrolment while
     * holding those: a withdrawal locks the cohort, the enrolment, the trainee's attempts and waitlisted enrolments,
     * never a course or progress row, and changes of a course never lock an enrolment. So no lock cycle forms.
     */
    private boolean seatedLocking(String person, List<String> cohortIds) {
        if (cohortIds.size() == 1) {
            return enrollments.isSeatedLocking(cohortIds.get(0), person);
        }
        for (String cohortId : enrollments.seatedIn(person, cohortIds)) {
            if (enrollments.isSeatedLocking(cohortId, person)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The caller's progress in every course of a cohort they hold a seat in. One query, whatever the number of courses
     * and lessons: the caller's progress in the cohort's courses, by its index. The courses with their lessons in order
     * come from this instance's {@link CourseOutlines} (a second query when it holds none for the cohort), and the seat
     * from the programme feature, which answers from memory once it has lately read it held (another query otherwise).
     * The course figures are summed from the lesson rows read, the same figures as the running totals
     * ({@code course_progress}) that tables read.
     */
    public MyProgressView mine(String cohortId) {
        String person = caller.personId();
        if (!enrollments.isSeatedToRead(cohortId, person)) {
            throw new NotFound("Cohort", cohortId);
        }
        List<CourseLine> outline = outlines.of(cohortId);
        Map<String, Object[]> recorded = new HashMap<>();
        if (!outline.isEmpty()) {
            em.createQuery("SELECT p.lessonId, p.completed, p.completedAt, p.secondsSpent FROM LessonProgress p "
                            + "WHERE p.personId = :person AND p.courseId IN :courses", Object[].class)
                    .setParameter("person", person)
                    .setParameter("courses", outline.stream().map(CourseLine::courseId).toList())
                    .getResultList()
                    // ids compare without case in the database, as the join this replaced matched them
                    .forEach(row -> recorded.put(((String) row[0]).toLowerCase(Locale.ROOT), row));
        }
        List<CourseProgressView> views = new ArrayList<>(outline.size());
        long completedAll = 0;
        long lessonsAll = 0;
        for (CourseLine line : outline) {
            CourseProgressView course = courseOf(line, recorded);
            completedAll += course.lessonsCompleted();
            lessonsAll += course.lessonCount();
            views.add(course);
        }
        return new MyProgressView(cohortId, Completion.percent(completedAll, lessonsAll), views);
    }

    /** One course of {@link #mine}: its lessons with what the trainee recorded in each (none: not started). */
    private static CourseProgressView courseOf(CourseLine line, Map<String, Object[]> recorded) {
        int completed = 0;
        long seconds = 0;
        List<LessonProgressView> lessons = new ArrayList<>(line.lessons().size());
        for (LessonLine lesson : line.lessons()) {
            Object[] row = recorded.get(lesson.lessonId().toLowerCase(Locale.ROOT));
            boolean done = row != null && Boolean.TRUE.equals(row[1]);
            int spent = row == null || row[3] == null ? 0 : ((Number) row[3]).intValue();
            completed += done ? 1 : 0;
            seconds += spent;
            lessons.add(new LessonProgressView(lesson.lessonId(), lesson.title(), lesson.kind(), done,
                    row == null || row[2] == null ? null : Bangkok.time((Instant) row[2]), spent));
        }
        return new CourseProgressView(line.courseId(), line.title(), line.lessonCount(), completed,
                Completion.percent(completed, line.lessonCount()), seconds, List.copyOf(lessons));
    }

    /**
     * The cohort's progress table: PROGRAM_ADMIN and the cohort's trainers see every seated trainee, HR its own
     * staff; others are told the cohort is not found. Four queries, whatever the cohort's size.
     */
    public CohortProgressView cohort(String cohortId, PageRequest page) {
        Cohort cohort = cohorts.find(cohortId);
        boolean all = cohorts.runByCaller(cohort);
        Set<String> orgs = all ? Set.of() : scope.hrOrganizationIds();
        if (!all && orgs.isEmpty()) {
            throw new NotFound("Cohort", cohortId);
        }
        List<Enrollment> visible = enrollments.seated(cohortId).stream()
                .filter(e -> all || orgs.contains(e.organizationId())).toList();
        List<Course> studied = courses.ofCohort(cohortId);
        List<String> courseIds = studied.stream().map(Course::id).toList();
        long lessonsAll = studied.stream().mapToLong(Course::lessonCount).sum();
        Map<String, Map<String, CourseProgress>> totals = totals(visible.stream().map(Enrollment::personId).toList(), courseIds);

        List<BigDecimal> everyone = visible.stream()
                .map(e -> overall(totals.getOrDefault(e.personId(), Map.of()), lessonsAll)).toList();
        int from = Math.min(visible.size(), page.page() * page.size());
        List<Enrollment> pageRows = visible.subList(from, Math.min(visible.size(), from + page.size()));
        Map<String, PersonSummary> names = people.summaries(pageRows.stream().map(Enrollment::personId).toList());
        List<TraineeRow> rows = pageRows.stream().map(e -> {
            Map<String, CourseProgress> mine = totals.getOrDefault(e.personId(), Map.of());
            List<CourseCell> cells = studied.stream().map(c -> {
                CourseProgress p = mine.get(c.id());
                int completed = p == null ? 0 : p.lessonsCompleted();
                return new CourseCell(c.id(), completed, Completion.percent(completed, c.lessonCount()), p == null ? 0 : p.secondsSpent());
            }).toList();
            PersonSummary name = names.get(e.personId());
            return new TraineeRow(e.id(), e.personId(), name == null ? null : name.fullNameTh(), e.organizationId(),
                    overall(mine, lessonsAll), cells);
        }).toList();
        return new CohortProgressView(cohortId,
                studied.stream().map(c -> new CourseColumn(c.id(), c.title(), c.lessonCount())).toList(),
                Completion.mean(everyone), page.page(), page.size(), visible.size(), rows);
    }

    private static BigDecimal overall(Map<String, CourseProgress> totals, long lessonsAll) {
        long completed = totals.values().stream().mapToLong(CourseProgress::lessonsCompleted).sum();
        return Completion.percent(completed, lessonsAll);
    }

    /** person -> course -> totals, in one query. */
    private Map<String, Map<String, CourseProgress>> totals(Collection<String> personIds, List<String> courseIds) {
        if (personIds.isEmpty() || courseIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Map<String, CourseProgress>> byPerson = new HashMap<>();
        em.createQuery("SELECT p FROM CourseProgress p WHERE p.courseId IN :courses AND p.personId IN :people", CourseProgress.class)
                .setParameter("courses", courseIds).setParameter("people", Set.copyOf(personIds))
                .getResultList()
                .forEach(p -> byPerson.computeIfAbsent(p.personId(), k -> new HashMap<>()).put(p.courseId(), p));
        return byPerson;
    }

}
