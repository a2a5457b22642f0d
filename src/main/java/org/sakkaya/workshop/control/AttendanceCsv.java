package org.sakkaya.workshop.control;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.export.Csv;
import org.sakkaya.workshop.entity.AttendanceStatus;

/**
 * The attendance table as a CSV file for people: it opens in Excel with Thai intact (UTF-8 with a byte-order mark)
 * and in Thai words, with sessions headed by their Thai short date (ครั้งที่ 1 (26 ก.ย. 66)). Writing, the BOM and
 * formula neutralising are {@link Csv}'s.
 */
public final class AttendanceCsv {
    public record Column(int number, LocalDate date) {
    }

    /** @param statuses one per column, null where nothing is recorded */
    public record Row(String name, List<AttendanceStatus> statuses, BigDecimal percent) {
    }

    private AttendanceCsv() {
    }

    public static byte[] write(List<Column> columns, List<Row> rows) {
        List<String> header = new ArrayList<>();
        header.add("ชื่อ-นามสกุล");
        for (Column column : columns) {
            header.add("ครั้งที่ " + column.number() + " (" + thaiShortDate(column.date()) + ")");
        }
        header.add("ร้อยละการเข้าร่วม");
        List<List<?>> lines = new ArrayList<>();
        for (Row row : rows) {
            List<Object> cells = new ArrayList<>();
            cells.add(row.name());
            row.statuses().forEach(status -> cells.add(thai(status)));
            cells.add(row.percent());
            lines.add(cells);
        }
        return Csv.bytes(header, lines);
    }

    /** 26 ก.ย. 66: the short form Thai tables use. */
    public static String thaiShortDate(LocalDate date) {
        return ThaiDates.shortForm(date);
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
