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
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
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
 * Outlines no cohort has read within a lifetime are dropped as others are read.
 */
@ApplicationScoped
public class CourseOutlines {
    /** How long an outline is trusted: what another instance's change of a course may take to show here. */
    public static final Duration LIFETIME = Duration.ofSeconds(5);

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
    }

    @PersistenceContext
    EntityManager em;

    @Resource
    TransactionSynchronizationRegistry transactions;

    private final long lifetimeNanos;
    private final LongSupplier nanoTime;
    private final AtomicLong generation = new AtomicLong();
    private final ConcurrentMap<String, Held> held = new ConcurrentHashMap<>();
    private final AtomicLong prunedAtNanos;

    public CourseOutlines() {
        this(LIFETIME, System::nanoTime);
    }

    CourseOutlines(Duration lifetime, LongSupplier nanoTime) {
        this.lifetimeNanos = lifetime.toNanos();
        this.nanoTime = nanoTime;
        this.prunedAtNanos = new AtomicLong(nanoTime.getAsLong());
    }

    /**
     * The cohort's courses by title in Thai dictionary order (Java's Thai collator: leading vowels read after their
     * consonant, tone marks and case count last), then by id; each course's lessons by module, then place. The caller
     * has checked that the cohort may be read.
     */
    public List<CourseLine> of(String cohortId) {
        return of(cohortId, () -> read(cohortId), () -> transactions.getTransactionKey() != null);
    }

    /**
     * From memory if this instance holds the cohort's outline, read since the last change ended here and within the
     * lifetime; otherwise from {@code read}, kept only if no change ended meanwhile and the read took a snapshot of its
     * own (no transaction was open, whose snapshot may predate the change).
     */
    List<CourseLine> of(String cohortId, Supplier<List<CourseLine>> read, BooleanSupplier inTransaction) {
        // ids compare without case in the database: one outline whatever the spelling asked with
        String key = cohortId.toLowerCase(Locale.ROOT);
        long current = generation.get();
        long now = nanoTime.getAsLong();
        Held known = held.get(key);
        if (known != null && holds(known, current, now)) {
            return known.courses();
        }
        List<CourseLine> courses = read.get();
        if (!inTransaction.getAsBoolean()) {
            held.compute(key, (k, old) -> generation.get() == current ? new Held(current, now, courses) : old);
            prune(now);
        }
        return courses;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_COMPLETION) Changed change) {
        generation.incrementAndGet();
        held.clear();
    }

    /** How many outlines this instance holds. */
    int size() {
        return held.size();
    }

    private boolean holds(Held outline, long currentGeneration, long now) {
        return outline.generation() == currentGeneration && now - outline.readAtNanos() < lifetimeNanos;
    }

    /** Drops what has outlived its lifetime, at most once a lifetime, so that cohorts no longer read take no room. */
    private void prune(long now) {
        long last = prunedAtNanos.get();
        if (now - last >= lifetimeNanos && prunedAtNanos.compareAndSet(last, now)) {
            long current = generation.get();
            held.values().removeIf(outline -> !holds(outline, current, now));
        }
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
