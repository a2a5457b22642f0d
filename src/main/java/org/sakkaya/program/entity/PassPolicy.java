package org.sakkaya.program.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * What a trainee of the cohort must reach to pass (ผ่านเกณฑ์การประเมินผล): a final score, an attendance, and the
 * assessments that must be done. A missing threshold does not apply.
 */
@Embeddable
public class PassPolicy {
    @Column(name = "min_score_percent")
    private BigDecimal minScorePercent;

    @Column(name = "min_attendance_percent")
    private BigDecimal minAttendancePercent;

    @Convert(converter = StringListJson.class)
    @Column(name = "required_assessment_ids", nullable = false)
    private List<String> requiredAssessmentIds = new ArrayList<>();

    protected PassPolicy() {
    }

    public PassPolicy(BigDecimal minScorePercent, BigDecimal minAttendancePercent, List<String> requiredAssessmentIds) {
        this.minScorePercent = minScorePercent;
        this.minAttendancePercent = minAttendancePercent;
        this.requiredAssessmentIds = requiredAssessmentIds == null ? new ArrayList<>() : new ArrayList<>(requiredAssessmentIds);
    }

    public static PassPolicy none() {
        return new PassPolicy(null, null, List.of());
    }

    public BigDecimal minScorePercent() {
        return minScorePercent;
    }

    public BigDecimal minAttendancePercent() {
        return minAttendancePercent;
    }

    public List<String> requiredAssessmentIds() {
        return requiredAssessmentIds == null ? List.of() : List.copyOf(requiredAssessmentIds);
    }
}
