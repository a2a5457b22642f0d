package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.sakkaya.assessment.control.PassDecision;
import org.sakkaya.assessment.control.WeightedScore;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;
import org.sakkaya.program.entity.PassPolicy;
import org.sakkaya.workshop.boundary.Attendance;

/**
 * Every evaluated trainee of a cohort against every assessment, their weighted final score, attendance and pass
 * decision. Pass rate = trainees who passed / trainees evaluated, where evaluated means enrolled at the cohort's
 * end plus those who withdrew after it started (see {@link Enrollments#evaluated}); both counts come with the rate.
 */
@ApplicationScoped
public class Gradebook {
    @Inject
    Clock clock;

    @Inject
    Assessments assessments;

    @Inject
    Scores scores;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    Attendance attendance;

    @Inject
    People people;

    @Inject
    OrganizationScope scope;

    public record Column(String assessmentId, String title, String kind, BigDecimal weight, BigDecimal maxScore, boolean required) {
    }

    public record Row(String enrollmentId, String personId, String personName, String organizationId, String status,
                      List<BigDecimal> scorePercents, BigDecimal scorePercent, BigDecimal attendancePercent,
                      boolean passed, List<PassDecision.Reason> reasons) {
    }

    public record Book(String cohortId, PassPolicyView passPolicy, List<Column> assessments, long evaluated, long passed,
                       BigDecimal passRatePercent, List<Row> rows) {
    }

    public record PassPolicyView(BigDecimal minScorePercent, BigDecimal minAttendancePercent, List<String> requiredAssessmentIds) {
    }

    /** PROGRAM_ADMIN and the cohort's trainers. */
    public Book of(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        if (!cohorts.runByCaller(cohort)) {
            throw new NotFound("Cohort", cohortId);
        }
        return compute(cohort, enrollments.evaluated(cohortId), false);
    }

    /** The same book without an access check, for callers inside the application that decided access themselves. */
    public Book decisions(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        return compute(cohort, enrollments.evaluated(cohortId), false);
    }

    /** One enrolment's result: the trainee, the cohort's trainers, PROGRAM_ADMIN, HR of the sending organisation. */
    public Row result(String enrollmentId) {
        Enrollment enrollment = enrollments.get(enrollmentId);
        Cohort cohort = cohorts.find(enrollment.cohortId());
        // the trainee's own scores and attendance only: one result costs the same in a cohort of five or of five thousand
        Row row = compute(cohort, List.of(enrollment), true).rows().get(0);
        if (enrollment.evaluated(cohort.startsOn().atStartOfDay(Bangkok.ZONE).toInstant())) {
            return row;
        }
        PassDecision.Outcome outcome = PassDecision.notEvaluated(enrollment.status().name(), enrollment.enrolledAt() != null);
        return new Row(row.enrollmentId(), row.personId(), row.personName(), row.organizationId(), row.status(), row.scorePercents(),
                row.scorePercent(), row.attendancePercent(), outcome.passed(), outcome.reasons());
    }

    /** {@code theseOnly}: read the scores of the evaluated given alone (a few), not the whole cohort's (a book). */
    private Book compute(Cohort cohort, List<Enrollment> evaluated, boolean theseOnly) {
        List<Assessment> all = assessments.all(cohort.id());
        PassPolicy policy = cohort.passPolicy();
        Set<String> required = Set.copyOf(policy.requiredAssessmentIds());
        List<String> personIds = evaluated.stream().map(Enrollment::personId).toList();
        Map<String, Map<String, BigDecimal>> matrix = scores.of(all, theseOnly ? personIds : null);
        Map<String, BigDecimal> attended = attendance.percentsFor(cohort.id(), personIds);
        Map<String, PersonSummary> names = people.summaries(personIds);
        List<Row> rows = new ArrayList<>();
        LocalDate today = LocalDate.now(clock.withZone(Bangkok.ZONE));
        long passed = 0;
        for (Enrollment e : evaluated) {
            List<BigDecimal> percents = new ArrayList<>();
            List<WeightedScore.Part> parts = new ArrayList<>();
            List<String> missing = new ArrayList<>();
            for (Assessment a : all) {
                BigDecimal percent = Scores.percentOf(matrix, a, e.personId()).orElse(null);
                percents.add(percent);
                parts.add(new WeightedScore.Part(a.weight(), percent));
                if (percent == null && required.contains(a.id())) {
                    missing.add(a.title());
                }
            }
            BigDecimal finalScore = WeightedScore.of(parts);
            BigDecimal attendancePercent = attended.get(e.personId());
            PassDecision.Outcome outcome = PassDecision.decide(policy.minScorePercent(), policy.minAttendancePercent(),
                    finalScore, attendancePercent, missing, !e.status().takesSeat());
            if (outcome.passed()) {
                passed++;
            }
            PersonSummary name = names.get(e.personId());
            // as the programme feature shows it: a seat held past the cohort's end reads COMPLETED
            rows.add(new Row(e.id(), e.personId(), name == null ? null : name.fullNameTh(), e.organizationId(),
                    e.statusOn(cohort.endsOn(), today).name(),
                    percents, finalScore, attendancePercent, outcome.passed(), outcome.reasons()));
        }
        BigDecimal rate = evaluated.isEmpty() ? null
                : BigDecimal.valueOf(passed * 100).divide(BigDecimal.valueOf(evaluated.size()), 2, RoundingMode.HALF_UP);
        return new Book(cohort.id(), new PassPolicyView(policy.minScorePercent(), policy.minAttendancePercent(), policy.requiredAssessmentIds()),
                all.stream().map(a -> new Column(a.id(), a.title(), a.kind().name(), a.weight(), a.maxScore(), required.contains(a.id()))).toList(),
                evaluated.size(), passed, rate, rows);
    }
}
