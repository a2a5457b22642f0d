package org.sakkaya.assessment.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The final score in percent: each assessment's percentage weighted by its weight; missing work counts 0. */
public final class WeightedScore {
    public record Part(BigDecimal weight, BigDecimal percent) {
    }

    private WeightedScore() {
    }

    /** Null when there is nothing to weigh (no assessments, or all weights zero). */
    public static BigDecimal of(List<Part> parts) {
        BigDecimal weights = parts.stream().map(Part::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (weights.signum() == 0) {
            return null;
        }
        BigDecimal sum = parts.stream()
                .map(p -> p.weight().multiply(p.percent() == null ? BigDecimal.ZERO : p.percent()))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(weights, 2, RoundingMode.HALF_UP);
    }
}
