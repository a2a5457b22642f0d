package org.sakkaya.workshop.control;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.sakkaya.workshop.entity.AttendanceStatus;

/**
 * The attendance table as a CSV file for people: it opens in Excel with Thai intact (UTF-8 with a byte-order mark)
 * and in Thai words, with sessions headed by their Thai short date (ครั้งที่ 1 (26 ก.ย. 66)). Names come from
 * users, so a cell that a spreadsheet would run as a formula (starting with = + - @, tab or carriage return) gets a
 * leading apostrophe and stays text.
 */
public final class AttendanceCsv {
    private static final DateTimeFormatter THAI_SHORT = DateTimeFormatter.ofPattern("d MMM yy", Locale.forLanguageTag("th-TH"))
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    public record Column(int number, LocalDate date) {
    }

    /** @param statuses one per column, null where nothing is recorded */
    public record Row(String name, List<AttendanceStatus> statuses, BigDecimal percent) {
    }

    private AttendanceCsv() {
    }

    public static byte[] write(List<Column> columns, List<Row> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>();
            header.add("ชื่อ-นามสกุล");
            for (Column column : columns) {
                header.add("ครั้งที่ " + column.number() + " (" + thaiShortDate(column.date()) + ")");
            }
            header.add("ร้อยละการเข้าร่วม");
            printer.printRecord(header);
            for (Row row : rows) {
                List<String> cells = new ArrayList<>();
                cells.add(neutralize(row.name()));
                row.statuses().forEach(status -> cells.add(thai(status)));
                cells.add(row.percent() == null ? "" : row.percent().toPlainString());
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** 26 ก.ย. 66: the short form Thai tables use. */
    public static String thaiShortDate(LocalDate date) {
        return THAI_SHORT.format(date);
    }

    private static String neutralize(String cell) {
        if (cell == null || cell.isEmpty()) {
            return "";
        }
        return "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
    }

    private static String thai(AttendanceStatus status) {
        if (status == null) {
            return "";
        }
        return switch (status) {
            case PRESENT -> "มา";
            case LATE -> "สาย";
            case EXCUSED -> "ลา";
            case ABSENT -> "ขาด";
        };
    }
}
