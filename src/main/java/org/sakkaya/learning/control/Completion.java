package org.sakkaya.learning.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Completion in percent with two decimals; a course without lessons has nothing to complete (null). */
public final class Completion {
    private Completion() {
    }

    public static BigDecimal percent(long completed, long total) {
        if (total <= 0) {
            return null;
        }
        return BigDecimal.valueOf(Math.min(completed, total) * 100L).divide(BigDecimal.valueOf(total), 2, RoundingMode.HALF_UP);
    }

    /** The mean of the known percentages, or null when there are none. */
    public static BigDecimal mean(Iterable<BigDecimal> percentages) {
        BigDecimal sum = BigDecimal.ZERO;
        int count = 0;
        for (BigDecimal p : percentages) {
            if (p != null) {
                sum = sum.add(p);
                count++;
            }
        }
        return count == 0 ? null : sum.divide(BigDecimal.valueOf(count), 2, RoundingMode.HALF_UP);
    }
}
