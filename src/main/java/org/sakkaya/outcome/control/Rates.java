package org.sakkaya.outcome.control;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Percentages as reports print them: two decimals, half up; none when nobody was counted. */
public final class Rates {
    private Rates() {
    }

    public static BigDecimal percent(long part, long whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100).divide(BigDecimal.valueOf(whole), 2, RoundingMode.HALF_UP);
    }
}
