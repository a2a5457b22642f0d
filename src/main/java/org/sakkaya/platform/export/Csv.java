package org.sakkaya.platform.export;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV meant to be opened in Excel: UTF-8 with a byte-order mark (so Thai shows right), and cells that a
 * spreadsheet would run as a formula (starting with = + - @, tab or carriage return) neutralised with a quote.
 */
public final class Csv {
    public static final String MEDIA_TYPE = "text/csv";

    private Csv() {
    }

    /** Rows streamed as they are written; {@code filename} is offered for saving. */
    public static Response attachment(String filename, List<String> header, Iterable<List<?>> rows) {
        StreamingOutput body = out -> {
            BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            writer.write('\uFEFF');
            try (CSVPrinter printer = new CSVPrinter(writer, CSVFormat.EXCEL)) {
                printer.printRecord(header.stream().map(Csv::cell).toList());
                for (List<?> row : rows) {
                    printer.printRecord(row.stream().map(Csv::cell).toList());
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        };
        return Response.ok(body, MEDIA_TYPE + "; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + filename + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** The same file in memory, for small tables. */
    public static byte[] bytes(List<String> header, Iterable<List<?>> rows) {
        StringBuilder out = new StringBuilder("\uFEFF");
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.EXCEL)) {
            printer.printRecord(header.stream().map(Csv::cell).toList());
            for (List<?> row : rows) {
                printer.printRecord(row.stream().map(Csv::cell).toList());
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The cell as text, with formula starters neutralised. */
    public static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof java.math.BigDecimal decimal ? decimal.toPlainString() : value.toString();
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !(value instanceof Number)) {
            return "'" + text;
        }
        return text;
    }
}
