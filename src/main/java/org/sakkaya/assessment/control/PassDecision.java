package org.sakkaya.assessment.control;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Whether a trainee passed (ผ่านเกณฑ์การประเมินผล) under the cohort's pass policy, and why not, in Thai and English.
 * <ul>
 * <li>Final score: the weighted mean of every assessment's percentage (missing work counts 0) must reach
 * {@code minScorePercent}. A cohort without assessments has no final score and nobody passes a score threshold.</li>
 * <li>Attendance: must reach {@code minAttendancePercent}. When no workshop session has ended there is nothing to
 * attend and this rule does not apply.</li>
 * <li>Every required assessment must have a score (a finished attempt or a released grade).</li>
 * <li>A trainee who withdrew during the cohort has not passed.</li>
 * </ul>
 * The final score is compared as shown, rounded to two decimals (half up): 79.995 shows and counts as 80.00, so no
 * trainee reads "80.00% is below the minimum 80.00%". (An indicator's rate is compared exactly instead, as its
 * numerator and denominator are counts, see {@code IndicatorActivity.achievedBy}.)
 * Thresholds that the policy leaves empty do not apply. The decision is computed from the data when asked, so a
 * changed policy or a late grade changes it at once.
 */
public final class PassDecision {
    public record Reason(String code, String th, String en) {
    }

    public record Outcome(boolean passed, List<Reason> reasons) {
    }

    private PassDecision() {
    }

    public static Outcome decide(BigDecimal minScore, BigDecimal minAttendance, BigDecimal finalScore,
                                 BigDecimal attendance, List<String> missingRequiredTitles, boolean withdrawn) {
        List<Reason> reasons = new ArrayList<>();
        if (withdrawn) {
            reasons.add(new Reason("WITHDRAWN", "ถอนตัวระหว่างการอบรม", "Withdrew during the cohort"));
        }
        if (minScore != null) {
            if (finalScore == null) {
                reasons.add(new Reason("NO_SCORE", "ยังไม่มีคะแนนจากการประเมิน", "There is no assessed score yet"));
            } else if (finalScore.compareTo(minScore) < 0) {
                reasons.add(new Reason("SCORE_BELOW_MINIMUM",
                        "คะแนนรวมร้อยละ " + plain(finalScore) + " ต่ำกว่าเกณฑ์ร้อยละ " + plain(minScore),
                        "Final score " + plain(finalScore) + "% is below the minimum " + plain(minScore) + "%"));
            }
        }
        if (minAttendance != null && attendance != null && attendance.compareTo(minAttendance) < 0) {
            reasons.add(new Reason("ATTENDANCE_BELOW_MINIMUM",
                    "เข้าร่วมร้อยละ " + plain(attendance) + " ต่ำกว่าเกณฑ์ร้อยละ " + plain(minAttendance),
                    "Attendance " + plain(attendance) + "% is below the minimum " + plain(minAttendance) + "%"));
        }
        for (String title : missingRequiredTitles) {
            reasons.add(new Reason("REQUIRED_ASSESSMENT_MISSING", "ยังไม่มีผลงาน/คะแนน: " + title,
                    "Required assessment not done: " + title));
        }
        return new Outcome(reasons.isEmpty(), List.copyOf(reasons));
    }

    /**
     * The decision for an enrolment the pass rate does not count (see {@code Enrollment.evaluated}): not passed, with
     * why it is not evaluated at all, so that a declined nomination does not read as a drop-out.
     */
    public static Outcome notEvaluated(String status, boolean heldSeat) {
        Reason reason = switch (status) {
            case "NOMINATED" -> new Reason("NOT_EVALUATED", "การเสนอชื่อยังไม่ได้รับการอนุมัติ ไม่นับในการประเมินผล",
                    "The nomination is not approved; not evaluated");
            case "WAITLISTED" -> new Reason("NOT_EVALUATED", "อยู่ในรายชื่อสำรอง ยังไม่ได้ที่นั่ง ไม่นับในการประเมินผล",
                    "On the waitlist without a seat; not evaluated");
            default -> heldSeat
                    ? new Reason("NOT_EVALUATED", "ถอนตัวก่อนเริ่มการอบรม ไม่นับในการประเมินผล",
                            "Withdrew before the cohort started; not evaluated")
                    : new Reason("NOT_EVALUATED", "สละสิทธิ์ก่อนได้ที่นั่ง ไม่นับในการประเมินผล",
                            "Withdrew (or was declined) before holding a seat; not evaluated");
        };
        return new Outcome(false, List.of(reason));
    }

    private static String plain(BigDecimal value) {
        return value.setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }
}
