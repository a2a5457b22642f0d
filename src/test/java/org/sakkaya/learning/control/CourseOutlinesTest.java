package org.sakkaya.learning.control;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.sakkaya.learning.control.CourseOutlines.CourseLine;
import org.sakkaya.learning.control.CourseOutlines.LessonLine;
import org.sakkaya.learning.entity.LessonKind;

/** When a trainee's course page may list a cohort's courses from memory, and when it must read them again. */
class CourseOutlinesTest {
    private static final Duration LIFETIME = Duration.ofSeconds(5);
    private static final String COHORT = "0b9f7c3e-8a51-4d2c-9e6f-1a2b3c4d5e6f";
    private static final String OTHER = "5d0e6a1f-2b3c-4d5e-8f90-a1b2c3d4e5f6";

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final CourseOutlines outlines = new CourseOutlines(LIFETIME, nanos::get);
    private final AtomicInteger reads = new AtomicInteger();

    private static List<CourseLine> titled(String title) {
        return List.of(new CourseLine("c1", title, 1, List.of(new LessonLine("l1", "อ่านก่อนเรียน", LessonKind.TEXT))));
    }

    /** The database holding a course of this title. */
    private Supplier<List<CourseLine>> stored(String title) {
        return () -> {
            reads.incrementAndGet();
            return titled(title);
        };
    }

    private List<CourseLine> read(String cohortId, Supplier<List<CourseLine>> database) {
        return outlines.of(cohortId, database, () -> false);
    }

    private void later(Duration by) {
        nanos.addAndGet(by.toNanos());
    }

    @Test
    void anOutlineIsListedFromMemoryUntilItsLifetimeEnds() {
        assertThat(read(COHORT, stored("การวิเคราะห์ข้อมูล")).get(0).title()).isEqualTo("การวิเคราะห์ข้อมูล");
        later(LIFETIME.minusMillis(1));
        assertThat(read(COHORT, stored("ชื่อใหม่ที่อื่น")).get(0).title()).isEqualTo("การวิเคราะห์ข้อมูล");
        assertThat(reads).hasValue(1);
        // what another instance changed shows a lifetime after the outline was read
        later(Duration.ofMillis(1));
        assertThat(read(COHORT, stored("ชื่อใหม่ที่อื่น")).get(0).title()).isEqualTo("ชื่อใหม่ที่อื่น");
        assertThat(reads).hasValue(2);
    }

    @Test
    void aChangeEndedHereIsListedAtTheNextRead() {
        read(COHORT, stored("ก่อน"));
        read(OTHER, stored("ก่อน"));
        outlines.changed(new CourseOutlines.Changed());
        assertThat(read(COHORT, stored("หลัง")).get(0).title()).isEqualTo("หลัง");
        assertThat(read(OTHER, stored("หลัง")).get(0).title()).isEqualTo("หลัง");
        assertThat(reads).hasValue(4);
        assertThat(read(COHORT, stored("ไม่ถูกอ่าน")).get(0).title()).isEqualTo("หลัง");
        assertThat(reads).hasValue(4);
    }

    @Test
    void anOutlineReadWhileAChangeEndedIsNotListedAgain() {
        // the read took its snapshot before the change committed, and comes back after the change has ended
        List<CourseLine> stale = read(COHORT, () -> {
            reads.incrementAndGet();
            outlines.changed(new CourseOutlines.Changed());
            return titled("ก่อน");
        });
        assertThat(stale.get(0).title()).isEqualTo("ก่อน");
        assertThat(outlines.size()).isZero();
        assertThat(read(COHORT, stored("หลัง")).get(0).title()).isEqualTo("หลัง");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anOutlineReadInsideATransactionIsNotKept() {
        // a transaction's snapshot may have been taken before the last change committed
        assertThat(outlines.of(COHORT, stored("ก่อน"), () -> true).get(0).title()).isEqualTo("ก่อน");
        assertThat(outlines.size()).isZero();
        read(COHORT, stored("หลัง"));
        assertThat(reads).hasValue(2);
    }

    @Test
    void anIdInAnotherSpellingIsOneOutlineAndOutlinesNoLongerReadAreDropped() {
        read(COHORT, stored("ก่อน"));
        assertThat(read(COHORT.toUpperCase(Locale.ROOT), stored("อื่น")).get(0).title()).isEqualTo("ก่อน");
        assertThat(outlines.size()).isEqualTo(1);
        later(LIFETIME);
        read(OTHER, stored("ก่อน"));
        assertThat(outlines.size()).as("the first cohort's outline outlived its lifetime unread").isEqualTo(1);
    }
}
