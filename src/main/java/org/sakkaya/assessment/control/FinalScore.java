package org.sakkaya.assessment.control;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Optional;
import org.sakkaya.assessment.entity.GradingRule;

/** The score that counts for an assessment, from its graded attempts in the order they were made. */
public final class FinalScore {
    private FinalScore() {
    }

    public static Optional<BigDecimal> of(GradingRule rule, List<BigDecimal> attemptsInOrder) {
        if (attemptsInOrder.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(switch (rule) {
            case HIGHEST -> attemptsInOrder.stream().max(BigDecimal::compareTo).orElseThrow();
            case LAST -> attemptsInOrder.get(attemptsInOrder.size() - 1);
            case AVERAGE -> attemptsInOrder.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .divide(BigDecimal.valueOf(attemptsInOrder.size()), 4, RoundingMode.HALF_UP);
        });
    }
}
