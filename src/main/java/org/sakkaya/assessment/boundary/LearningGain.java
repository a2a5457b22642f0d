package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.sakkaya.assessment.boundary.LearningGainResource.Report;
import org.sakkaya.assessment.boundary.LearningGainResource.Row;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.AssessmentKind;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.problem.NotFound;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.boundary.Cohorts;
import org.sakkaya.program.boundary.Enrollments;
import org.sakkaya.program.entity.Cohort;
import org.sakkaya.program.entity.Enrollment;

/**
 * What the cohort learnt: each seated trainee's post-test against their pre-test, both in percent of the tests'
 * maximum scores. The gain is post minus pre in percentage points; averages count only trainees who took both.
 * The cohort's first pre-test and first post-test (by opening time) are compared.
 */
@ApplicationScoped
public class LearningGain {
    @Inject
    Assessments assessments;

    @Inject
    Scores scores;

    @Inject
    Cohorts cohorts;

    @Inject
    Enrollments enrollments;

    @Inject
    People people;

    public Report of(String cohortId) {
        Cohort cohort = cohorts.find(cohortId);
        if (!assessments.staffOf(cohort)) {
            throw new NotFound("Cohort", cohortId);
        }
        List<Assessment> all = assessments.ofCohort(cohortId);
        Assessment pre = all.stream().filter(a -> a.kind() == AssessmentKind.PRE_TEST).findFirst()
                .orElseThrow(() -> new RuleViolation("no-pre-test", "The cohort has no pre-test"));
        Assessment post = all.stream().filter(a -> a.kind() == AssessmentKind.POST_TEST).findFirst()
                .orElseThrow(() -> new RuleViolation("no-post-test", "The cohort has no post-test"));
        Map<String, Map<String, BigDecimal>> matrix = scores.of(List.of(pre, post));
        List<Enrollment> seated = enrollments.seated(cohortId);
        Map<String, PersonSummary> names = people.summaries(seated.stream().map(Enrollment::personId).toList());
        List<Row> rows = seated.stream().map(e -> {
            BigDecimal before = Scores.percentOf(matrix, pre, e.personId()).orElse(null);
            BigDecimal after = Scores.percentOf(matrix, post, e.personId()).orElse(null);
            PersonSummary name = names.get(e.personId());
            return new Row(e.personId(), name == null ? null : name.fullNameTh(), before, after,
                    before == null || after == null ? null : after.subtract(before));
        }).toList();
        List<Row> both = rows.stream().filter(r -> r.gain() != null).toList();
        return new Report(cohortId, pre.id(), post.id(), rows.size(), both.size(),
                mean(both.stream().map(Row::prePercent).toList()), mean(both.stream().map(Row::postPercent).toList()),
                mean(both.stream().map(Row::gain).toList()), rows);
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        List<BigDecimal> known = values.stream().filter(Objects::nonNull).toList();
        return known.isEmpty() ? null
                : known.stream().reduce(BigDecimal.ZERO, BigDecimal::add).divide(BigDecimal.valueOf(known.size()), 2, RoundingMode.HALF_UP);
    }
}
