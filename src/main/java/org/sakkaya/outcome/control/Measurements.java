package org.sakkaya.outcome.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.outcome.entity.Measure;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.outcome.entity.Scope;
import org.sakkaya.program.control.FiscalYear;

/**
 * An activity's figure and the records behind it, counted by the database (COUNT / SUM with GROUP BY-free
 * aggregates) so that an indicator over 100,000 enrolments never loads them. This is reporting code: it reads the
 * tables of the features whose data it counts (persisted pass decisions, certificates, cohorts, organisations) and
 * never writes them. The caller makes sure the pass decisions of the cohorts in scope are current first.
 * <ul>
 * <li>Trainee measures count rows of {@code pass_decision}: the trainees evaluated, by the rule of the gradebook,
 * of cohorts whose last day is over (evaluated means enrolled at the cohort's end). A trainee in two cohorts counts
 * in each.</li>
 * <li>Cohorts belong to the fiscal year in which they start; named cohorts are counted as named.</li>
 * <li>Works belong to the fiscal year of the day they were presented (or published), and count once their evidence
 * is confirmed.</li>
 * </ul>
 */
@ApplicationScoped
public class Measurements {
    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    /** What was counted: numerator over denominator (a rate), or a plain count (no denominator). */
    public record Figure(long numerator, Long denominator, BigDecimal actual) {
        static Figure count(long n) {
            return new Figure(n, null, BigDecimal.valueOf(n).setScale(2, RoundingMode.UNNECESSARY));
        }

        static Figure rate(long passed, long evaluated) {
            return new Figure(passed, evaluated, Rates.percent(passed, evaluated));
        }

        /** How many records were counted: the denominator of a rate, else the count. */
        public long total() {
            return denominator != null ? denominator : numerator;
        }
    }

    /** One record counted: an enrolment, a certificate or a work. */
    public record Counted(String type, String id, String personId, String organizationId, String cohortId,
                          Boolean passed, String title, LocalDate on) {
    }

    public Figure figure(Measure measure, Scope scope, FiscalYear year) {
        Query q = from(measure, scope, year);
        if (measure == Measure.PASS_RATE) {
            Object[] row = (Object[]) q.select("COUNT(*), COALESCE(SUM(d.passed), 0)").create(em).getSingleResult();
            return Figure.rate(number(row[1]), number(row[0]));
        }
        return Figure.count(number(q.select("COUNT(*)").create(em).getSingleResult()));
    }

    /**
     * Counts the activities of one request together: trainee measures (pass rate, trainees sent, trainees passed)
     * over the same scope are one aggregate of {@code pass_decision}, whatever their number, and their drill-downs
     * share their pages. With {@code drillDown}, that aggregate is grouped by cohort, in the drill-down's order, so that
     * a page of records reads only the cohorts it covers instead of sorting every record counted.
     */
    public Counting counting(FiscalYear year, boolean drillDown) {
        return new Counting(year, drillDown);
    }

    /** The trainees of one scope: in all, and per cohort in the drill-down's order when asked for. */
    private record Tally(long evaluated, long passed, List<CohortTally> cohorts) {
    }

    private record CohortTally(String cohortId, long evaluated, long passed) {
    }

    /** One request's counting; see {@link #counting}. Not thread-safe, and meant to live for one request. */
    public final class Counting {
        private final FiscalYear year;
        private final boolean drillDown;
        private final Map<Scope, Tally> tallies = new HashMap<>();
        private final Map<List<Object>, List<Counted>> pages = new HashMap<>();

        private Counting(FiscalYear year, boolean drillDown) {
            this.year = year;
            this.drillDown = drillDown;
        }

        public Figure figure(Measure measure, Scope scope) {
            if (!measure.countsTrainees()) {
                return Measurements.this.figure(measure, scope, year);
            }
            Tally t = tally(scope);
            return switch (measure) {
                case PASS_RATE -> Figure.rate(t.passed(), t.evaluated());
                case TRAINEES_PASSED -> Figure.count(t.passed());
                default -> Figure.count(t.evaluated());
            };
        }

        /** How many records {@link #records} has: the denominator of a rate, else the count. */
        public long recordCount(Measure measure, Scope scope) {
            return figure(measure, scope).total();
        }

        /** The records counted, in the order of {@link Measurements#records}, a page at a time. */
        public List<Counted> records(Measure measure, Scope scope, int offset, int limit) {
            if (!measure.countsTrainees() || !drillDown) {
                return Measurements.this.records(measure, scope, year, offset, limit);
            }
            boolean passedOnly = measure == Measure.TRAINEES_PASSED;
            return pages.computeIfAbsent(List.of(scope, passedOnly, offset, limit), k -> {
                // the cohorts that hold records offset .. offset + limit, and where in the first one the page starts
                List<String> covered = new ArrayList<>();
                long before = 0;
                long skip = 0;
                for (CohortTally c : tally(scope).cohorts()) {
                    long n = passedOnly ? c.passed() : c.evaluated();
                    if (n == 0 || before + n <= offset) {
                        before += n;
                        continue;
                    }
                    if (covered.isEmpty()) {
                        skip = offset - before;
                    }
                    covered.add(c.cohortId());
                    before += n;
                    if (before >= (long) offset + limit) {
                        break;
                    }
                }
                return covered.isEmpty() ? List.of()
                        : Measurements.this.records(measure, new Scope(scope.programId(), Set.copyOf(covered), scope.organizationId()),
                        year, Math.toIntExact(skip), limit);
            });
        }

        private Tally tally(Scope scope) {
            return tallies.computeIfAbsent(scope, s -> {
                Query q = from(Measure.TRAINEES_SENT, s, year);
                if (!drillDown) {
                    Object[] row = (Object[]) q.select("COUNT(*), COALESCE(SUM(d.passed), 0)").create(em).getSingleResult();
                    return new Tally(number(row[0]), number(row[1]), null);
                }
                List<CohortTally> cohorts = new ArrayList<>();
                long evaluated = 0;
                long passed = 0;
                for (Object r : q.select("d.cohort_id, COUNT(*), COALESCE(SUM(d.passed), 0)")
                        .suffix(" GROUP BY c.starts_on, c.id ORDER BY c.starts_on, c.id").create(em).getResultList()) {
                    Object[] row = (Object[]) r;
                    CohortTally c = new CohortTally((String) row[0], number(row[1]), number(row[2]));
                    evaluated += c.evaluated();
                    passed += c.passed();
                    cohorts.add(c);
                }
                return new Tally(evaluated, passed, cohorts);
            });
        }
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** The records counted, in a stable order, a page at a time. */
    public List<Counted> records(Measure measure, Scope scope, FiscalYear year, int offset, int limit) {
        var query = from(measure, scope, year).select(columns(measure)).suffix(order(measure) + " LIMIT " + limit + " OFFSET " + offset)
                .create(em);
        return counted(query.getResultList());
    }

    /**
     * Freezes an activity's records: every record counted, in {@link #records}' order, written to
     * {@code indicator_snapshot_record} by one statement in the database (no record passes through the service, however
     * many); answers the figure of the rows written, so that figure and records agree whatever commits meanwhile.
     */
    public Figure freeze(Measure measure, Scope scope, FiscalYear year, String activityId) {
        from(measure, scope, year)
                .select("?, ROW_NUMBER() OVER (" + order(measure).strip() + ") - 1, " + columns(measure), activityId)
                .within("INSERT INTO indicator_snapshot_record (activity_id, position, record_type, record_id, person_id, "
                        + "organization_id, cohort_id, passed, title, on_date) ", "")
                .create(em).executeUpdate();
        Object[] row = (Object[]) em.createNativeQuery("SELECT COUNT(*), COALESCE(SUM(passed), 0) FROM indicator_snapshot_record "
                + "WHERE activity_id = ?1").setParameter(1, activityId).getSingleResult();
        return measure == Measure.PASS_RATE ? Figure.rate(number(row[1]), number(row[0])) : Figure.count(number(row[0]));
    }

    /** A page of a frozen activity's records, in the order they were counted. */
    public List<Counted> frozenRecords(String activityId, int offset, int limit) {
        return counted(em.createNativeQuery("SELECT record_type, record_id, person_id, organization_id, cohort_id, passed, title, "
                        + "on_date FROM indicator_snapshot_record WHERE activity_id = ?1 ORDER BY position LIMIT " + limit
                        + " OFFSET " + offset)
                .setParameter(1, activityId).getResultList());
    }

    private static String columns(Measure measure) {
        return switch (measure) {
            case PASS_RATE, TRAINEES_SENT, TRAINEES_PASSED ->
                    "'ENROLLMENT', d.enrollment_id, d.person_id, d.organization_id, d.cohort_id, d.passed, NULL, c.starts_on";
            case CERTIFICATES_ISSUED -> "'CERTIFICATE', x.serial, x.person_id, x.organization_id, x.cohort_id, NULL, NULL, x.issued_on";
            case OUTPUTS_PRESENTED -> "'OUTPUT', w.id, NULL, NULL, w.cohort_id, NULL, w.title, w.counted_on";
        };
    }

    private static String order(Measure measure) {
        return switch (measure) {
            case PASS_RATE, TRAINEES_SENT, TRAINEES_PASSED -> " ORDER BY c.starts_on, c.id, d.enrollment_id";
            case CERTIFICATES_ISSUED -> " ORDER BY x.issued_on, x.serial";
            case OUTPUTS_PRESENTED -> " ORDER BY w.counted_on, w.id";
        };
    }

    private static List<Counted> counted(List<?> rows) {
        List<Counted> out = new ArrayList<>();
        for (Object r : rows) {
            Object[] c = (Object[]) r;
            out.add(new Counted((String) c[0], (String) c[1], (String) c[2], (String) c[3], (String) c[4],
                    c[5] == null ? null : flag(c[5]), (String) c[6], date(c[7])));
        }
        return out;
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof Date d ? d.toLocalDate() : (LocalDate) value;
    }

    /**
     * The cohorts a trainee or certificate measure counts in the scope and year whose last day is not over yet, by
     * end: their figures may still change. (A work counts by its own date, not by its cohort's.)
     */
    public List<String> runningCohorts(Scope scope, FiscalYear year, LocalDate today) {
        return cohortIds(scope, year, today);
    }

    /**
     * Every cohort a trainee or certificate measure counts in the scope and year, ended or not, by end: whose
     * assessments must have closed before their figures are final.
     */
    public List<String> countedCohorts(Scope scope, FiscalYear year) {
        return cohortIds(scope, year, null);
    }

    private List<String> cohortIds(Scope scope, FiscalYear year, LocalDate endingFrom) {
        Query q = new Query();
        q.from("cohort c");
        cohorts(q, scope, year);
        if (endingFrom != null) {
            q.where("c.ends_on >= ?", endingFrom);
        }
        List<String> ids = new ArrayList<>();
        for (Object id : q.select("c.id").suffix(" ORDER BY c.ends_on, c.id").create(em).getResultList()) {
            ids.add((String) id);
        }
        return ids;
    }

    /** The FROM and WHERE of a measure in a scope and year. */
    private Query from(Measure measure, Scope scope, FiscalYear year) {
        Query q = new Query();
        switch (measure) {
            case PASS_RATE, TRAINEES_SENT, TRAINEES_PASSED -> {
                q.from("pass_decision d JOIN cohort c ON c.id = d.cohort_id");
                cohorts(q, scope, year);
                // evaluated means enrolled at the cohort's end: a cohort counts once its last day is over, not while
                // its trainees are still taking it (they counted as not passed; a close waits for it anyway)
                q.where("c.ends_on < ?", LocalDate.now(clock.withZone(Bangkok.ZONE)));
                subtree(q, "d.organization_id", scope.organizationId());
                if (measure == Measure.TRAINEES_PASSED) {
                    q.where("d.passed = TRUE");
                }
            }
            case CERTIFICATES_ISSUED -> {
                q.from("certificate x JOIN cohort c ON c.id = x.cohort_id");
                // certificates of achievement only: a participation certificate (เกียรติบัตร) proves attendance, not the result
                q.where("x.status = 'VALID' AND x.kind = 'ACHIEVEMENT'");
                cohorts(q, scope, year);
                subtree(q, "x.organization_id", scope.organizationId());
            }
            case OUTPUTS_PRESENTED -> {
                q.from("academic_output w");
                q.where("w.status IN ('PRESENTED', 'PUBLISHED') AND w.evidence_confirmed_at IS NOT NULL");
                q.where("w.counted_on BETWEEN ? AND ?", year.firstDay(), year.lastDay());
                if (!scope.cohortIds().isEmpty()) {
                    q.where("w.cohort_id IN (" + Query.marks(scope.cohortIds().size()) + ")", scope.cohortIds().toArray());
                } else if (scope.programId() != null) {
                    q.where("w.program_id = ?", scope.programId());
                }
                if (scope.organizationId() != null) {
                    q.where("EXISTS (SELECT 1 FROM academic_output_author a WHERE a.output_id = w.id AND "
                            + String.format(SUBTREE, "a.organization_id") + ")", scope.organizationId());
                }
            }
        }
        return q;
    }

    private static final String SUBTREE = "%s IN (SELECT o.id FROM organization o WHERE o.path LIKE "
            + "CONCAT((SELECT r.path FROM organization r WHERE r.id = ?), '%%'))";

    private static void cohorts(Query q, Scope scope, FiscalYear year) {
        if (!scope.cohortIds().isEmpty()) {
            q.where("c.id IN (" + Query.marks(scope.cohortIds().size()) + ")", scope.cohortIds().toArray());
            return;
        }
        q.where("c.starts_on BETWEEN ? AND ?", year.firstDay(), year.lastDay());
        if (scope.programId() != null) {
            q.where("c.program_id = ?", scope.programId());
        }
    }

    private static void subtree(Query q, String column, String organizationId) {
        if (organizationId != null) {
            q.where(String.format(SUBTREE, column), organizationId);
        }
    }
}
