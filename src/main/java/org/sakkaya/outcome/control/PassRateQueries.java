package org.sakkaya.outcome.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import jakarta.inject.Inject;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.program.control.FiscalYear;

/**
 * Pass rates of a fiscal year by programme, cohort or sending organisation: one GROUP BY over the persisted pass
 * decisions (one row per evaluated enrolment), never a loop over enrolments. A cohort belongs to the fiscal year in
 * which it starts, and counts once it has ended. The caller makes sure the decisions of the year's cohorts are current
 * first.
 */
@ApplicationScoped
public class PassRateQueries {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    public enum GroupBy {
        PROGRAM("หลักสูตร"), COHORT("รุ่น"), ORGANIZATION("หน่วยงานต้นสังกัด");

        private final String th;

        GroupBy(String th) {
            this.th = th;
        }

        public String th() {
            return th;
        }
    }

    /**
     * One group. {@code code} is the programme's or organisation's code (the programme's for a cohort);
     * {@code programNameTh}, {@code cohortNumber} and {@code startsOn} are filled for cohorts only.
     */
    public record Row(String id, String code, String nameTh, String programNameTh, Integer cohortNumber, LocalDate startsOn,
                      long evaluated, long passed, BigDecimal passRatePercent) {
    }

    /** {@code organizationIds} null: every sending organisation; else only trainees those organisations sent. */
    public List<Row> rows(FiscalYear year, GroupBy groupBy, Set<String> organizationIds) {
        // Group by the id alone, then name the groups: grouping 100,000 rows by a Thai-collated name as well costs
        // a temporary table and a sort key per row (7x slower on the benchmark).
        Query q = new Query().from("pass_decision d JOIN cohort c ON c.id = d.cohort_id");
        String key;
        String outer;
        switch (groupBy) {
            case PROGRAM -> {
                key = "c.program_id";
                outer = "SELECT p.id, p.code, p.name_th, NULL, NULL, NULL, g.evaluated, g.passed FROM (%s) g "
                        + "JOIN program p ON p.id = g.k ORDER BY p.name_th, p.id";
            }
            case COHORT -> {
                key = "c.id";
                outer = "SELECT c.id, p.code, c.name_th, p.name_th, c.number, c.starts_on, g.evaluated, g.passed FROM (%s) g "
                        + "JOIN cohort c ON c.id = g.k JOIN program p ON p.id = c.program_id ORDER BY c.starts_on, p.name_th, c.number, c.id";
            }
            case ORGANIZATION -> {
                key = "d.organization_id";
                outer = "SELECT o.id, o.code, o.name_th, NULL, NULL, NULL, g.evaluated, g.passed FROM (%s) g "
                        + "JOIN organization o ON o.id = g.k ORDER BY o.name_th, o.id";
            }
            default -> throw new IllegalArgumentException(groupBy.name());
        }
        q.where("c.starts_on BETWEEN ? AND ?", year.firstDay(), year.lastDay());
        // as the indicators count: a cohort once its last day is over, when who was enrolled at its end is known
        q.where("c.ends_on < ?", LocalDate.now(clock.withZone(Bangkok.ZONE)));
        if (organizationIds != null) {
            if (organizationIds.isEmpty()) {
                return List.of();
            }
            q.where("d.organization_id IN (" + Query.marks(organizationIds.size()) + ")", organizationIds.toArray());
        }
        String[] around = outer.split("%s");
        q.select(key + " AS k, COUNT(*) AS evaluated, COALESCE(SUM(d.passed), 0) AS passed").suffix(" GROUP BY " + key)
                .within(around[0], around[1]);
        List<Row> rows = new ArrayList<>();
        for (Object result : q.create(em).getResultList()) {
            Object[] r = (Object[]) result;
            long evaluated = ((Number) r[6]).longValue();
            long passed = ((Number) r[7]).longValue();
            rows.add(new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                    r[4] == null ? null : ((Number) r[4]).intValue(),
                    r[5] == null ? null : r[5] instanceof Date d ? d.toLocalDate() : (LocalDate) r[5],
                    evaluated, passed, Rates.percent(passed, evaluated)));
        }
        return rows;
    }
}
