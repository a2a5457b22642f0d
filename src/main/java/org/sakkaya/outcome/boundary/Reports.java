package org.sakkaya.outcome.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.sakkaya.assessment.boundary.PassResults;
import org.sakkaya.identity.boundary.OrganizationScope;
import org.sakkaya.identity.boundary.Organizations;
import org.sakkaya.outcome.control.PassRateQueries;
import org.sakkaya.outcome.control.PassRateQueries.GroupBy;
import org.sakkaya.outcome.control.Rates;
import org.sakkaya.outcome.control.ReportPdf;
import org.sakkaya.outcome.entity.Indicator;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.audit.Audit;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.security.Caller;
import org.sakkaya.platform.security.Roles;
import org.sakkaya.program.control.FiscalYear;

/**
 * Pass-rate reports of a fiscal year, grouped by programme, cohort or the organisation that sent the trainees.
 * PROGRAM_ADMIN and EXECUTIVE see everything; HR sees only the trainees its organisation subtree sent (the groups
 * and counts are of those trainees only). Pass rate = passed ÷ evaluated, both always given; a cohort belongs to
 * the fiscal year in which it starts. JSON, CSV, XLSX and PDF are the same rows.
 */
@ApplicationScoped
public class Reports {
    @Inject
    Clock clock;

    @Inject
    Caller caller;

    @Inject
    Audit audit;

    @Inject
    OrganizationScope scope;

    @Inject
    PassResults passResults;

    @Inject
    PassRateQueries queries;

    @Inject
    Indicators indicators;

    /** The owners' names, for the PDF's charts. */
    @Inject
    Organizations organizations;

    /** The rows, the totals and how the report was asked for. {@code scopedToOrganizations} is HR's view. */
    public record PassRates(int fiscalYear, LocalDate firstDay, LocalDate lastDay, String groupBy, boolean scopedToOrganizations,
                            OffsetDateTime asOf, long evaluated, long passed, BigDecimal passRatePercent,
                            List<PassRateQueries.Row> rows) {
    }

    public PassRates passRates(Integer fiscalYear, String groupBy) {
        FiscalYear year = fiscalYear(fiscalYear);
        GroupBy grouping = groupBy(groupBy);
        Set<String> organizations = caller.isAny(Roles.PROGRAM_ADMIN, Roles.EXECUTIVE) ? null : scope.hrOrganizationIds();
        passResults.refreshStale(year.firstDay(), year.lastDay());
        List<PassRateQueries.Row> rows = queries.rows(year, grouping, organizations);
        long evaluated = rows.stream().mapToLong(PassRateQueries.Row::evaluated).sum();
        long passed = rows.stream().mapToLong(PassRateQueries.Row::passed).sum();
        return new PassRates(year.buddhistYear(), year.firstDay(), year.lastDay(), grouping.name().toLowerCase(Locale.ROOT),
                organizations != null, Bangkok.time(clock.instant()), evaluated, passed, Rates.percent(passed, evaluated), rows);
    }

    /** The header and cells of the CSV and XLSX files: the JSON rows, column for column. */
    public static List<String> header(String groupBy) {
        List<String> header = new ArrayList<>(List.of("id", "รหัส", "ชื่อ"));
        if (groupBy.equals("cohort")) {
            header.addAll(List.of("หลักสูตร", "รุ่นที่", "วันเริ่ม"));
        }
        header.addAll(List.of("ผู้ได้รับการประเมิน (คน)", "ผ่านเกณฑ์ (คน)", "ร้อยละที่ผ่าน"));
        return header;
    }

    /** The columns of {@link #header} that hold names (the row's, and by cohort its programme's): a file gives them room. */
    public static Set<Integer> nameColumns(String groupBy) {
        return groupBy.equals("cohort") ? Set.of(2, 3) : Set.of(2);
    }

    public static List<List<Object>> cells(PassRates report) {
        List<List<Object>> rows = new ArrayList<>();
        for (PassRateQueries.Row r : report.rows()) {
            List<Object> cells = new ArrayList<>(List.of(r.id(), r.code(), r.nameTh()));
            if (report.groupBy().equals("cohort")) {
                cells.add(r.programNameTh());
                cells.add(r.cohortNumber());
                // a file for people: the Thai short form, as the PDF and the attendance CSV have it (23 พ.ย. 63)
                cells.add(r.startsOn() == null ? null : ThaiDates.shortForm(r.startsOn()));
            }
            cells.add(r.evaluated());
            cells.add(r.passed());
            cells.add(r.passRatePercent());
            rows.add(cells);
        }
        // the totals last, as the PDF has them: a row without an id, so that a program reading the file can tell it
        List<Object> total = new ArrayList<>(Arrays.asList(null, null, TOTAL));
        if (report.groupBy().equals("cohort")) {
            total.addAll(Arrays.asList(null, null, null));
        }
        total.addAll(List.of(report.evaluated(), report.passed(), report.passRatePercent()));
        rows.add(total);
        return rows;
    }

    /** The name of the files' last row, which sums the others. */
    public static final String TOTAL = "รวม (Total)";

    /** The PDF: the same rows, then (for those who read indicators) each indicator of the year charted. */
    public byte[] pdf(PassRates report) {
        List<ReportPdf.Chart> charts = new ArrayList<>();
        if (caller.isAny(Roles.PROGRAM_ADMIN, Roles.EXECUTIVE)) {
            List<Indicator> ofYear = indicators.ofYear(new FiscalYear(report.fiscalYear()));
            Map<String, String> owners = organizations.namesTh(ofYear.stream().map(Indicator::ownerOrganizationId).distinct().toList());
            for (Indicator indicator : ofYear) {
                IndicatorStatus status = indicators.status(indicator.id(), 0);
                charts.add(new ReportPdf.Chart(status.code(), status.nameTh(), owners.get(indicator.ownerOrganizationId()), status.activities().stream()
                        .map(a -> a.snapshot() == null
                                ? new ReportPdf.Bar(a.title(), a.unitTh(), period(a), a.target(), a.actual(), a.achieved(), false)
                                : new ReportPdf.Bar(a.title(), a.unitTh(), period(a), a.target(), a.snapshot().actual(),
                                a.snapshot().achieved(), true))
                        .toList()));
            }
        }
        GroupBy grouping = GroupBy.valueOf(report.groupBy().toUpperCase(Locale.ROOT));
        List<ReportPdf.Line> lines = report.rows().stream().map(r -> new ReportPdf.Line(r.nameTh(),
                grouping == GroupBy.COHORT ? r.programNameTh() + " · เริ่ม " + ThaiDates.shortForm(r.startsOn()) : null,
                r.evaluated(), r.passed(), r.passRatePercent())).toList();
        return ReportPdf.render(new ReportPdf.Content(report.fiscalYear(), report.firstDay(), report.lastDay(), grouping.th(),
                report.asOf().toLocalDate(), lines, report.evaluated(), report.passed(), report.passRatePercent(), charts));
    }

    private static String period(IndicatorStatus.Activity a) {
        StringBuilder text = new StringBuilder();
        if (a.startsOn() != null && a.dueOn() != null) {
            text.append(ThaiDates.shortForm(a.startsOn())).append(" - ").append(ThaiDates.shortForm(a.dueOn()));
        } else if (a.dueOn() != null) {
            text.append("ภายใน ").append(ThaiDates.shortForm(a.dueOn()));
        }
        if (a.periodNote() != null) {
            text.append(text.length() == 0 ? "" : " ").append(a.periodNote());
        }
        return text.length() == 0 ? null : text.toString();
    }

    /** A Buddhist-era fiscal year from a request: required, and such as 2564. */
    static FiscalYear fiscalYear(Integer buddhistYear) {
        if (buddhistYear == null) {
            throw new InvalidInput("fiscalYear", "is required: a Buddhist-era fiscal year such as 2564");
        }
        try {
            return new FiscalYear(buddhistYear);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("fiscalYear", "must be a Buddhist-era year such as 2564, not " + buddhistYear);
        }
    }

    private static GroupBy groupBy(String value) {
        if (value == null || value.isBlank()) {
            return GroupBy.PROGRAM;
        }
        try {
            return GroupBy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInput("groupBy", "must be program, cohort or organization");
        }
    }

    /** Downloads of reports go to the audit log: they carry figures about people. */
    @jakarta.transaction.Transactional
    public void recordDownload(PassRates report, String format) {
        audit.record("REPORT_DOWNLOADED", "report", "pass-rates", report.fiscalYear() + " " + report.groupBy() + " " + format);
    }
}
