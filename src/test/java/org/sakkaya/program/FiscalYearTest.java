package org.sakkaya.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.sakkaya.program.control.FiscalYear;

class FiscalYearTest {
    @Test
    void fiscalYear2564RunsFromOctober2020ToSeptember2021() {
        FiscalYear fy = new FiscalYear(2564);
        assertThat(fy.firstDay()).isEqualTo(LocalDate.of(2020, 10, 1));
        assertThat(fy.lastDay()).isEqualTo(LocalDate.of(2021, 9, 30));
    }

    @Test
    void the30thOfSeptemberAndThe1stOfOctoberFallInDifferentYears() {
        assertThat(FiscalYear.of(LocalDate.of(2020, 9, 30)).buddhistYear()).isEqualTo(2563);
        assertThat(FiscalYear.of(LocalDate.of(2020, 10, 1)).buddhistYear()).isEqualTo(2564);
        assertThat(FiscalYear.of(LocalDate.of(2021, 9, 30)).buddhistYear()).isEqualTo(2564);
    }

    @Test
    void theDataScientistCohortOfNovember2563IsInFiscalYear2564() {
        assertThat(FiscalYear.of(LocalDate.of(2020, 11, 23)).buddhistYear()).isEqualTo(2564);
        assertThat(new FiscalYear(2564).contains(LocalDate.of(2020, 11, 26))).isTrue();
        assertThat(new FiscalYear(2564).contains(LocalDate.of(2021, 10, 1))).isFalse();
    }

    @Test
    void aGregorianYearIsRefusedWithAHint() {
        assertThatThrownBy(() -> new FiscalYear(2021)).hasMessageContaining("Buddhist-era");
    }
}
