package org.sakkaya.assessment.boundary;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.sakkaya.program.boundary.ResultInputsChanged;

/**
 * Pass decisions kept in the {@code pass_decision} table, so that reports over thousands of cohorts count them in
 * SQL (GROUP BY) instead of deciding every enrolment again.
 * <p>
 * The {@link Gradebook} stays the only place that decides. The table holds its answer for every evaluated enrolment
 * of a cohort, written by a cohort-level refresh ({@link PassResultRefresh}), and is read only after the cohorts a
 * report covers have been brought up to date:
 * <ul>
 * <li>Every change of something a decision reads (an enrolment, the cohort's policy or dates, an assessment, an
 * attempt graded, a grade, a session, attendance) fires {@link ResultInputsChanged}; {@link #inputsChanged} then
 * inserts a row into {@code pass_decision_change} inside the transaction of that change, once per transaction and
 * cohort. An insert, not an update of one row per cohort: a whole cohort submitting a quiz at its deadline would
 * otherwise wait in line for that row's lock.</li>
 * <li>A refresh deletes the changes it has seen and records as {@code valid_until} the end of the cohort's next
 * workshop session, because attendance percentages change when a session ends, with no write.</li>
 * <li>{@link #refreshStale} refreshes every cohort whose rows were never computed, that has a change not yet seen by a
 * refresh, or whose {@code valid_until} has passed. So a report always agrees with {@code GET /enrollments/{id}/result}.</li>
 * </ul>
 * Most reads find nothing stale and cost one indexed query; after a bulk import every cohort is refreshed once.
 */
@ApplicationScoped
public class PassResults {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    PassResultRefresh refresh;

    @Resource
    TransactionSynchronizationRegistry transaction;

    /** Runs in the transaction of the change: the change row commits or rolls back with it. */
    void inputsChanged(@Observes ResultInputsChanged change) {
        // one row says as much as many: a transaction that changes a cohort several times (a bulk enrolment) writes one
        String key = PassResults.class.getName() + ":" + change.cohortId();
        if (transaction.getResource(key) != null) {
            return;
        }
        em.createNativeQuery("INSERT INTO pass_decision_change (cohort_id, changed_at) VALUES (?1, UTC_TIMESTAMP(6))")
                .setParameter(1, change.cohortId())
                .executeUpdate();
        transaction.putResource(key, Boolean.TRUE);
    }

    /** Brings the decisions of every cohort starting between the two days (inclusive) up to date; answers how many were refreshed. */
    public int refreshStale(LocalDate startsFrom, LocalDate startsTo) {
        return refresh(stale(inYear(startsFrom, startsTo)));
    }

    /** The same for the cohorts named. */
    public int refreshStale(Collection<String> cohortIds) {
        return refresh(stale(named(cohortIds)));
    }

    /** The same for the cohorts of the programmes named that start between the two days (inclusive). */
    public int refreshStale(LocalDate startsFrom, LocalDate startsTo, Collection<String> programIds) {
        return refresh(stale(ofPrograms(startsFrom, startsTo, programIds)));
    }

    /**
     * Whether any of these cohorts is stale in the caller's transaction's view: every cohort starting between the two
     * days ({@code allPrograms}), or those of the programmes named that start between them, and the cohorts named. A
     * snapshot that froze decisions would otherwise freeze out-of-date ones.
     */
    public boolean anyStale(LocalDate startsFrom, LocalDate startsTo, boolean allPrograms, Collection<String> programIds,
                            Collection<String> cohortIds) {
        Cohorts year = allPrograms ? inYear(startsFrom, startsTo) : ofPrograms(startsFrom, startsTo, programIds);
        return !stale(year).isEmpty() || !stale(named(cohortIds)).isEmpty();
    }

    /** Which cohorts: a condition on {@code c}, with its values from {@code ?2} ({@code ?1} is now); null for none. */
    private record Cohorts(String condition, List<?> values) {
    }

    private static Cohorts inYear(LocalDate startsFrom, LocalDate startsTo) {
        return new Cohorts("c.starts_on BETWEEN ?2 AND ?3", List.of(startsFrom, startsTo));
    }

    private static Cohorts named(Collection<String> cohortIds) {
        return cohortIds.isEmpty() ? null : new Cohorts("c.id IN (" + marks(2, cohortIds.size()) + ")", List.copyOf(cohortIds));
    }

    private static Cohorts ofPrograms(LocalDate startsFrom, LocalDate startsTo, Collection<String> programIds) {
        if (programIds.isEmpty()) {
            return null;
        }
        List<Object> values = new ArrayList<>(List.of(startsFrom, startsTo));
        values.addAll(programIds);
        return new Cohorts("c.starts_on BETWEEN ?2 AND ?3 AND c.program_id IN (" + marks(4, programIds.size()) + ")", values);
    }

    /** The stale cohorts among these, as the caller's transaction sees them. */
    private List<String> stale(Cohorts which) {
        if (which == null) {
            return List.of();
        }
        var query = em.createNativeQuery("SELECT c.id FROM cohort c LEFT JOIN pass_decision_state s ON s.cohort_id = c.id "
                + "WHERE " + which.condition() + " AND " + STALE + " ORDER BY c.id");
        query.setParameter(1, now());
        for (int i = 0; i < which.values().size(); i++) {
            query.setParameter(i + 2, which.values().get(i));
        }
        @SuppressWarnings("unchecked")
        List<String> stale = query.getResultList();
        return stale;
    }

    /** Each in a transaction of its own; answers how many. */
    private int refresh(List<String> cohortIds) {
        cohortIds.forEach(refresh::refresh);
        return cohortIds.size();
    }

    /** {@code ?first, ?first+1, ...}: {@code count} numbered parameters of a native statement. */
    static String marks(int first, int count) {
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < count; i++) {
            marks.append(i == 0 ? "" : ", ").append('?').append(first + i);
        }
        return marks.toString();
    }

    /** Never computed, changed since, or a session has ended since ({@code ?1} is now). */
    private static final String STALE = "(s.cohort_id IS NULL OR s.valid_until <= ?1 "
            + "OR EXISTS (SELECT 1 FROM pass_decision_change ch WHERE ch.cohort_id = c.id))";

    private LocalDateTime now() {
        return LocalDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
