package org.sakkaya.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sakkaya.outcome.control.Rates;
import org.sakkaya.outcome.control.ReportPdf;
import org.sakkaya.outcome.entity.AcademicOutput;
import org.sakkaya.outcome.entity.Author;
import org.sakkaya.outcome.entity.Indicator;
import org.sakkaya.outcome.entity.IndicatorActivity;
import org.sakkaya.outcome.entity.Measure;
import org.sakkaya.outcome.entity.OutputKind;
import org.sakkaya.outcome.entity.OutputStatus;
import org.sakkaya.outcome.entity.Scope;
import org.sakkaya.outcome.entity.Strategy;
import org.sakkaya.outcome.entity.Unit;
import org.sakkaya.platform.pdf.PdfWord;
import org.sakkaya.platform.problem.Conflict;
import org.sakkaya.platform.problem.RuleViolation;
import org.sakkaya.program.control.FiscalYear;

/** The rules of works, indicators and the report that need no container. */
class OutcomeRulesTest {
    private static final Instant NOW = Instant.parse("2021-10-01T03:00:00Z");

    @Test
    void anIndicatorClosesOnlyAfterTheLastDayOfItsFiscalYearAndOnce() {
        Indicator indicator = new Indicator("1.33", "ร้อยละ 80 ของการผ่านเกณฑ์การประเมินผล", new FiscalYear(2564), "org", "me", NOW);
        assertThatThrownBy(() -> indicator.close(LocalDate.of(2021, 9, 30), "me", NOW)).isInstanceOf(RuleViolation.class);
        indicator.close(LocalDate.of(2021, 10, 1), "me", NOW);
        assertThat(indicator.closed()).isTrue();
        assertThatThrownBy(() -> indicator.close(LocalDate.of(2021, 10, 2), "me", NOW)).isInstanceOf(Conflict.class);
    }

    @Test
    void aWorkCountsOncePresentedWithConfirmedEvidenceAndNewEvidenceTakesTheConfirmationBack() {
        AcademicOutput work = new AcademicOutput("อินโฟกราฟิก", OutputKind.MEDIA, "cohort", "program", List.of(new Author("p", "o")),
                OutputStatus.IN_PROGRESS, null, null, null, null, "https://example.org/a.png", "p", NOW);
        assertThatThrownBy(() -> work.confirmEvidence("trainer", NOW)).isInstanceOf(RuleViolation.class);
        assertThatThrownBy(() -> work.revise(null, null, OutputStatus.PRESENTED, null, null, null, null, null))
                .isInstanceOf(RuleViolation.class);
        work.revise(null, null, OutputStatus.PRESENTED, null, LocalDate.of(2021, 9, 30), null, null, null);
        work.confirmEvidence("trainer", NOW);
        assertThat(work.counts()).isTrue();
        assertThat(FiscalYear.of(work.countedOn()).buddhistYear()).isEqualTo(2564);
        work.revise(null, null, null, null, null, null, null, "https://example.org/b.png");
        assertThat(work.counts()).isFalse();
        work.confirmEvidence("trainer", NOW);
        work.revise(null, null, null, null, LocalDate.of(2021, 10, 1), null, null, null);
        assertThat(work.counts()).isFalse();
        assertThat(FiscalYear.of(work.countedOn()).buddhistYear()).isEqualTo(2565);
    }

    @Test
    void aRateReachesItsTargetByTheFractionNotByItsRoundedPercentage() {
        IndicatorActivity passRate = new IndicatorActivity("indicator", 0, "ผู้เข้ารับการอบรมผ่านเกณฑ์", Measure.PASS_RATE,
                new Scope("program", java.util.Set.of(), null), new BigDecimal("80"), Unit.PERCENT, null, null, null, Strategy.PARTNERSHIP);
        // 3,203 of 4,004 is 79.995%: shown as 80.00, and still short of 80%
        assertThat(Rates.percent(3203, 4004)).isEqualByComparingTo("80.00");
        assertThat(passRate.achievedBy(3203, 4004L, Rates.percent(3203, 4004))).isFalse();
        assertThat(passRate.achievedBy(3204, 4004L, Rates.percent(3204, 4004))).isTrue();
        assertThat(passRate.achievedBy(4, 5L, Rates.percent(4, 5))).isTrue();
        assertThat(passRate.achievedBy(0, 0L, null)).isFalse();
        IndicatorActivity works = new IndicatorActivity("indicator", 1, "ผลงานวิชาการ", Measure.OUTPUTS_PRESENTED,
                new Scope("program", java.util.Set.of(), null), new BigDecimal("2"), Unit.WORK, null, null, null, Strategy.PARTNERSHIP);
        assertThat(works.achievedBy(2, null, new BigDecimal("2.00"))).isTrue();
        assertThat(works.achievedBy(1, null, new BigDecimal("1.00"))).isFalse();
    }

    @Test
    void measuresHaveTheirUnitsAndRatesTwoDecimals() {
        assertThat(Measure.PASS_RATE.unit()).isEqualTo(Unit.PERCENT);
        assertThat(Measure.OUTPUTS_PRESENTED.unit().th()).isEqualTo("งาน");
        assertThat(Rates.percent(21, 25)).isEqualByComparingTo("84.00");
        assertThat(Rates.percent(2, 3)).isEqualByComparingTo("66.67");
        assertThat(Rates.percent(0, 0)).isNull();
    }

    @Test
    void theReportPdfIsThaiWithBuddhistEraDatesAndExtractsExactly() throws Exception {
        byte[] pdf = ReportPdf.render(new ReportPdf.Content(2564, LocalDate.of(2020, 10, 1), LocalDate.of(2021, 9, 30), "หลักสูตร",
                LocalDate.of(2021, 10, 1),
                List.of(new ReportPdf.Line("นักวิทยาการข้อมูล (Data Scientist)", null, 25, 21, new BigDecimal("84.00"))),
                25, 21, new BigDecimal("84.00"),
                List.of(new ReportPdf.Chart("1.33", "ร้อยละ 80 ของการผ่านเกณฑ์การประเมินผล", "กรมอนามัย", List.of(
                        new ReportPdf.Bar("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "ร้อยละ", "23 พ.ย. 63 - 26 พ.ย. 63",
                                new BigDecimal("80.00"), new BigDecimal("84.00"), true, false),
                        new ReportPdf.Bar("ส่งบุคลากรเข้ารับการอบรม รุ่นที่ 2", "คน", "กองแผนงานกำหนด",
                                new BigDecimal("2.00"), new BigDecimal("1.00"), false, true))))));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("ปีงบประมาณ พ.ศ. 2564").contains("1 ตุลาคม พ.ศ. 2563").contains("30 กันยายน พ.ศ. 2564")
                    .contains("นักวิทยาการข้อมูล (Data Scientist)").contains("84.00")
                    .contains("ผล ร้อยละ 84.00 / เป้าหมาย ร้อยละ 80.00 (บรรลุ)")
                    .contains("ผล 1 คน / เป้าหมาย 2 คน (ยังไม่บรรลุ) ณ วันปิดตัวชี้วัด")
                    .contains("23 พ.ย. 63 - 26 พ.ย. 63")
                    .contains("ตัวชี้วัด 1.33 ร้อยละ 80 ของการผ่านเกณฑ์การประเมินผล (กรมอนามัย)");
            assertThat(document.getNumberOfPages()).isEqualTo(1);
        }
    }

    @Test
    void aLongNameInTheReportsTableBreaksOnlyBetweenThaiWords() throws Exception {
        // 238 pt at 13 pt in a column of about 227: it used to be cut inside ข้อมูล
        String name = "หลักสูตรการพัฒนาศักยภาพนักวิทยาการข้อมูล";
        byte[] pdf = ReportPdf.render(new ReportPdf.Content(2564, LocalDate.of(2020, 10, 1), LocalDate.of(2021, 9, 30), "รุ่น",
                LocalDate.of(2021, 10, 1), List.of(new ReportPdf.Line(name, null, 25, 21, new BigDecimal("84.00"))),
                25, 21, new BigDecimal("84.00"), List.of()));
        // the first column: 46% of the 515 pt between the margins
        List<String> column = PdfWord.lines(PdfWord.on(pdf).stream().filter(w -> w.right() < 40 + 515 * 0.46).toList());
        List<String> lines = column.subList(column.indexOf("รุ่น") + 1, column.indexOf("รวม"));
        assertThat(lines).hasSizeGreaterThan(1);
        PdfWord.assertBrokenAtWordBoundaries(name, lines);
        // the headings wrap too: ผู้ได้รับการประเมิน was cut after its leading vowel
        List<String> second = PdfWord.lines(PdfWord.on(pdf).stream().filter(w -> w.left() > 40 + 515 * 0.46 && w.right() < 40 + 515 * 0.64).toList());
        PdfWord.assertBrokenAtWordBoundaries("ผู้ได้รับการประเมิน (คน)", second.subList(0, second.indexOf("25")));
    }
}
