package org.sakkaya.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.sakkaya.workshop.control.AttendanceCsv;
import org.sakkaya.workshop.entity.AttendanceStatus;

class AttendanceCsvTest {
    @Test
    void spreadsheetsGetUtf8WithABomAndThaiHeadings() throws Exception {
        byte[] file = AttendanceCsv.write(
                List.of(new AttendanceCsv.Column(1, LocalDate.of(2023, 9, 26)), new AttendanceCsv.Column(2, LocalDate.of(2023, 10, 26))),
                List.of(new AttendanceCsv.Row("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์",
                        Arrays.asList(AttendanceStatus.LATE, null), new BigDecimal("100.00"))));
        assertThat(Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<CSVRecord> rows = parse(file);
        assertThat(rows.get(0).toList()).containsExactly("ชื่อ-นามสกุล", "ครั้งที่ 1 (26 ก.ย. 66)", "ครั้งที่ 2 (26 ต.ค. 66)",
                "ร้อยละการเข้าร่วม");
        assertThat(rows.get(1).toList()).containsExactly("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "สาย", "", "100.00");
    }

    @Test
    void everyStatusHasItsThaiWordAndNoFigureIsAnEmptyCell() throws Exception {
        List<CSVRecord> rows = parse(AttendanceCsv.write(
                List.of(new AttendanceCsv.Column(1, LocalDate.of(2023, 12, 7))),
                List.of(new AttendanceCsv.Row("ก", List.of(AttendanceStatus.PRESENT), null),
                        new AttendanceCsv.Row("ข", List.of(AttendanceStatus.EXCUSED), null),
                        new AttendanceCsv.Row("ค", List.of(AttendanceStatus.ABSENT), new BigDecimal("0.00")))));
        assertThat(rows.get(0).get(1)).isEqualTo("ครั้งที่ 1 (7 ธ.ค. 66)");
        assertThat(rows.subList(1, 4)).extracting(r -> r.get(1)).containsExactly("มา", "ลา", "ขาด");
        assertThat(rows.get(1).get(2)).isEmpty();
    }

    @Test
    void cellsASpreadsheetWouldRunAsFormulasStayText() throws Exception {
        List<String> names = List.of("=HYPERLINK(\"http://evil.example\",\"x\")", "+66 2 590 1000", "-1", "@SUM(A1)",
                "\tcmd", "นาย =ปลอดภัย");
        List<CSVRecord> rows = parse(AttendanceCsv.write(List.of(),
                names.stream().map(n -> new AttendanceCsv.Row(n, List.of(), null)).toList()));
        assertThat(rows.subList(1, rows.size())).extracting(r -> r.get(0)).containsExactly(
                "'=HYPERLINK(\"http://evil.example\",\"x\")", "'+66 2 590 1000", "'-1", "'@SUM(A1)", "'\tcmd", "นาย =ปลอดภัย");
    }

    private static List<CSVRecord> parse(byte[] file) throws Exception {
        String text = new String(file, StandardCharsets.UTF_8).substring(1);
        return CSVFormat.DEFAULT.parse(new StringReader(text)).getRecords();
    }
}
