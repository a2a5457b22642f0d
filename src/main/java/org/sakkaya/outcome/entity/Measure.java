package org.sakkaya.outcome.entity;

/**
 * What a plan activity counts, and the unit it is counted in.
 * <ul>
 * <li>PASS_RATE: trainees who passed ÷ trainees evaluated, in percent.</li>
 * <li>TRAINEES_SENT: trainees evaluated (enrolled at the cohort's end, or withdrew after it started), in persons.</li>
 * <li>TRAINEES_PASSED: trainees who passed, in persons.</li>
 * <li>OUTPUTS_PRESENTED: works presented or published with confirmed evidence, in works.</li>
 * <li>CERTIFICATES_ISSUED: valid certificates, in persons.</li>
 * </ul>
 */
public enum Measure {
    PASS_RATE(Unit.PERCENT), TRAINEES_SENT(Unit.PERSON), TRAINEES_PASSED(Unit.PERSON), OUTPUTS_PRESENTED(Unit.WORK),
    CERTIFICATES_ISSUED(Unit.PERSON);

    private final Unit unit;

    Measure(Unit unit) {
        this.unit = unit;
    }

    public Unit unit() {
        return unit;
    }

    /** Counted from the trainees' pass decisions (and so kept current by deciding the cohorts in scope first). */
    public boolean countsTrainees() {
        return this == PASS_RATE || this == TRAINEES_SENT || this == TRAINEES_PASSED;
    }
}
