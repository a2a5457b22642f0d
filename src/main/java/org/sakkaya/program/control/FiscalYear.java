package org.sakkaya.program.control;

import java.time.LocalDate;
import java.time.Month;

/**
 * The Thai government fiscal year (ปีงบประมาณ), numbered in the Buddhist era: fiscal year N runs from 1 October of
 * N-1 to 30 September of N (B.E.), so FY 2564 is 2020-10-01 to 2021-09-30.
 */
public record FiscalYear(int buddhistYear) {
    /** Buddhist era = common era + 543. */
    public static final int BUDDHIST_ERA_OFFSET = 543;

    public FiscalYear {
        if (buddhistYear < 2400 || buddhistYear > 2800) {
            throw new IllegalArgumentException("A fiscal year is a Buddhist-era year such as 2564, not " + buddhistYear);
        }
    }

    public static FiscalYear of(LocalDate date) {
        int gregorianEndYear = date.getMonthValue() >= Month.OCTOBER.getValue() ? date.getYear() + 1 : date.getYear();
        return new FiscalYear(gregorianEndYear + BUDDHIST_ERA_OFFSET);
    }

    /** 1 October of the year before. */
    public LocalDate firstDay() {
        return LocalDate.of(buddhistYear - BUDDHIST_ERA_OFFSET - 1, Month.OCTOBER, 1);
    }

    /** 30 September. */
    public LocalDate lastDay() {
        return LocalDate.of(buddhistYear - BUDDHIST_ERA_OFFSET, Month.SEPTEMBER, 30);
    }

    public boolean contains(LocalDate date) {
        return !date.isBefore(firstDay()) && !date.isAfter(lastDay());
    }
}
