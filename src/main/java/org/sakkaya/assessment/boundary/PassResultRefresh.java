package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.sakkaya.workshop.boundary.Sessions;

/**
 * Recomputes one cohort's persisted pass decisions from the {@link Gradebook}, in a transaction of its own.
 * <p>
 * Order matters. The refresh first writes the cohort's state row (an upsert, never a locking read of a row that may
 * be absent), which holds that row until commit, so two refreshes of one cohort take turns and the second reads what
 * the first wrote. Only then does it read, all from one snapshot (InnoDB's repeatable read takes it at the first
 * read): the cohort's rows in {@code pass_decision_change}, then the gradebook's inputs. Every change it finds has
 * committed in that snapshot, so its data is read too; the refresh deletes exactly those change rows, by key. A change
 * that commits after the snapshot is neither read nor deleted, and leaves the cohort stale for the next refresh.
 * Changes never wait for a refresh, nor for each other. The decision rows are deleted by primary key and upserted, so
 * two cohorts' refreshes never lock each other's ranges.
 */
@ApplicationScoped
public class PassResultRefresh {
    private static final int BATCH = 500;

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    Gradebook gradebook;

    @Inject
    Sessions sessions;

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void refresh(String cohortId) {
        Instant now = clock.instant();
        LocalDateTime nowUtc = LocalDateTime.ofInstant(now, ZoneOffset.UTC);
        em.createNativeQuery("INSERT INTO pass_decision_state (cohort_id, refreshed_at) VALUES (?1, ?2) "
                        + "ON DUPLICATE KEY UPDATE refreshed_at = ?2")
                .setParameter(1, cohortId).setParameter(2, nowUtc).executeUpdate();
        @SuppressWarnings("unchecked")
        List<Number> seen = em.createNativeQuery("SELECT id FROM pass_decision_change WHERE cohort_id = ?1")
                .setParameter(1, cohortId).getResultList();

        Gradebook.Book book = gradebook.decisions(cohortId);
        Set<String> evaluated = new HashSet<>();
        book.rows().forEach(row -> evaluated.add(row.enrollmentId()));
        @SuppressWarnings("unchecked")
        List<String> kept = em.createNativeQuery("SELECT enrollment_id FROM pass_decision WHERE cohort_id = ?1")
                .setParameter(1, cohortId).getResultList();
        for (String enrollmentId : kept) {
            if (!evaluated.contains(enrollmentId)) {
                em.createNativeQuery("DELETE FROM pass_decision WHERE enrollment_id = ?1").setParameter(1, enrollmentId).executeUpdate();
            }
        }
        List<Gradebook.Row> rows = book.rows();
        for (int from = 0; from < rows.size(); from += BATCH) {
            upsert(cohortId, rows.subList(from, Math.min(rows.size(), from + BATCH)));
        }
        for (int from = 0; from < seen.size(); from += BATCH) {
            deleteChanges(seen.subList(from, Math.min(seen.size(), from + BATCH)));
        }
        LocalDateTime validUntil = sessions.nextEndAfter(cohortId, now)
                .map(end -> LocalDateTime.ofInstant(end, ZoneOffset.UTC)).orElse(null);
        em.createNativeQuery("UPDATE pass_decision_state SET valid_until = ?1 WHERE cohort_id = ?2")
                .setParameter(1, validUntil).setParameter(2, cohortId).executeUpdate();
    }

    /** The changes this refresh has seen, by primary key: a change it has not seen is left for the next. */
    private void deleteChanges(List<Number> ids) {
        StringBuilder in = new StringBuilder();
        for (int i = 0; i < ids.size(); i++) {
            in.append(i == 0 ? "?" : ", ?").append(i + 1);
        }
        var delete = em.createNativeQuery("DELETE FROM pass_decision_change WHERE id IN (" + in + ")");
        for (int i = 0; i < ids.size(); i++) {
            delete.setParameter(i + 1, ids.get(i).longValue());
        }
        delete.executeUpdate();
    }

    /** One statement for a batch of rows. */
    private void upsert(String cohortId, List<Gradebook.Row> rows) {
        StringBuilder sql = new StringBuilder("INSERT INTO pass_decision (enrollment_id, cohort_id, person_id, organization_id, "
                + "passed, score_percent, attendance_percent, computed_at) VALUES ");
        for (int i = 0; i < rows.size(); i++) {
            int p = i * 7;
            sql.append(i == 0 ? "" : ", ").append("(?").append(p + 1).append(", ?").append(p + 2).append(", ?").append(p + 3)
                    .append(", ?").append(p + 4).append(", ?").append(p + 5).append(", ?").append(p + 6).append(", ?")
                    .append(p + 7).append(", UTC_TIMESTAMP(6))");
        }
        sql.append(" ON DUPLICATE KEY UPDATE passed = VALUES(passed), score_percent = VALUES(score_percent), "
                + "attendance_percent = VALUES(attendance_percent), organization_id = VALUES(organization_id), "
                + "computed_at = VALUES(computed_at)");
        var query = em.createNativeQuery(sql.toString());
        for (int i = 0; i < rows.size(); i++) {
            Gradebook.Row row = rows.get(i);
            int p = i * 7;
            query.setParameter(p + 1, row.enrollmentId());
            query.setParameter(p + 2, cohortId);
            query.setParameter(p + 3, row.personId());
            query.setParameter(p + 4, row.organizationId());
            query.setParameter(p + 5, row.passed());
            query.setParameter(p + 6, row.scorePercent());
            query.setParameter(p + 7, row.attendancePercent());
        }
        query.executeUpdate();
    }
}
