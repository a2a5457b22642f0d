package org.sakkaya.learning.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.text.Collator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import org.sakkaya.learning.entity.LessonKind;

/**
 * The courses of each cohort with their lessons in order, as the trainee's course page lists them, held in memory on
 * each instance, so that the page reads from the database only the trainee's own progress (one statement on one
 * table by its index, instead of four tables joined).
 * <p>
 * A change of a course's structure (its title, its lessons, their order, which cohorts study it) fires
 * {@link Changed} in its transaction; once that transaction ends, this instance forgets every outline it holds.
 * Another instance shows the change once its outline is {@link #LIFETIME} old, as it shows a seat given up
 * ({@code KnownSeats}). An outline is only kept if it was read from a snapshot taken after the last change ended
 * here: outside a transaction (each statement its own snapshot) and under the generation counted before the read.
 */
@ApplicationScoped
public class CourseOutlines {
    /** How long an outline is trusted: what another instance's change of a course may take to show here. */
    public static final Duration LIFETIME = Duration.ofSeconds(5);

    /** Past this many outlines held, those that have outlived their lifetime are dropped when one is added. */
    private static final int ROOM = 2_000;

    private static final Locale THAI = Locale.forLanguageTag("th-TH");

    /** A change of some course's structure, fired in the transaction that makes it. */
    public record Changed() {
    }

    public record LessonLine(String lessonId, String title, LessonKind kind) {
    }

    /** A course of the cohort, with its stored lesson count (which completion is the share of) and its lessons. */
    public record CourseLine(String courseId, String title, int lessonCount, List<LessonLine> lessons) {
    }

    private record Held(long generation, long readAtNanos, List<CourseLine> courses) {
        boolean holds(long currentGeneration, long nowNanos) {
            return generation == currentGeneration && nowNanos - readAtNanos < LIFETIME.toNanos();
        }
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();

    /**
     * The cohort's courses by title in Thai dictionary order (Java's Thai collator: leading vowels read after their
     * consonant, tone marks and case count last), then by id; each course's lessons by module, then place. The caller
     * has checked that the cohort may be read.
     */
    public List<CourseLine> of(String cohortId) {
        // ids compare without case in the database: one outline whatever the spelling asked with
        String key = cohortId.toLowerCase(Locale.ROOT);
        long current = generation.get();
        long now = System.nanoTime();
        Held known = held.get(key);
        if (known != null && known.holds(current, now)) {
            return known.courses();
        }
        List<CourseLine> courses = read(cohortId);
        if (transactions.getTransactionKey() == null) {
            if (held.size() >= ROOM) {
                held.values().removeIf(outline -> !outline.holds(generation.get(), now));
            }
            held.put(key, new Held(current, now, courses));
        }
        return courses;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
        generation.incrementAndGet();
        held.clear();
    }

    /**
     * One statement. Sorted here, not by ORDER BY: across the joined tables MariaDB sorts in a temporary table. The
     * collator's order is the column's utf8mb4_thai_520_w2 order for letters, vowels and marks; titles that first
     * differ in a space or punctuation may come out otherwise than MariaDB would sort them.
     */
    private List<CourseLine> read(String cohortId) {
        List<Object[]> rows = em.createQuery("SELECT c.id, c.title, c.lessonCount, l.id, l.title, l.kind, m.position, l.position "
                        + "FROM Course c LEFT JOIN Lesson l ON l.courseId = c.id LEFT JOIN CourseModule m ON m.id = l.moduleId "
                        + "WHERE c.id IN (SELECT cc.courseId FROM CohortCourse cc WHERE cc.cohortId = :cohort)", Object[].class)
                .setParameter("cohort", cohortId).getResultList();
        Map<String, List<Object[]>> byCourse = new LinkedHashMap<>();
        rows.forEach(row -> byCourse.computeIfAbsent((String) row[0], id -> new ArrayList<>()).add(row));
        Collator thai = Collator.getInstance(THAI);
        thai.setStrength(Collator.SECONDARY);
        Comparator<Integer> position = Comparator.nullsFirst(Comparator.naturalOrder());
        Comparator<Object[]> lessonOrder = Comparator.<Object[], Integer>comparing(row -> (Integer) row[6], position)
                .thenComparing(row -> (Integer) row[7], position);
        List<CourseLine> courses = new ArrayList<>();
        for (List<Object[]> course : byCourse.values()) {
            course.sort(lessonOrder);
            Object[] first = course.get(0);
            List<LessonLine> lessons = course.stream().filter(row -> row[3] != null)
                    .map(row -> new LessonLine((String) row[3], (String) row[4], (LessonKind) row[5])).toList();
            courses.add(new CourseLine((String) first[0], (String) first[1], ((Number) first[2]).intValue(), lessons));
        }
        courses.sort(Comparator.comparing(CourseLine::title, thai).thenComparing(CourseLine::courseId));
        return List.copyOf(courses);
    }
}
