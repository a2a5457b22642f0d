package org.sakkaya.program.control;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.sakkaya.platform.problem.FieldError;

/**
 * HR's list of staff to nominate, as a spreadsheet saved as CSV (UTF-8): a heading row, then one person a row. Rows
 * are numbered as the spreadsheet numbers them (the heading is row 1), so that a mistake can be found where it was
 * typed; a cell's mistake is named {@code rows[5].email}.
 * <p>
 * A heading is a column's name ({@code email}), or any words followed by the name in brackets, as in
 * the README's example ({@code อีเมล (email)}); case does not matter. A heading this class does not know is refused rather than
 * ignored: a misspelt {@code firstnameTH} column would otherwise register people without the names it holds.
 */
public final class NominationSheet {
    /** At most this many people a file: a cohort is tens of people, and one file is one transaction. */
    public static final int MAX_ROWS = 500;

    /** At most this many cells in the heading row: nine columns, and the empty ones a spreadsheet may keep. */
    static final int MAX_HEADINGS = 100;

    /** At most this many mistakes are listed; a file wrong in every row is answered with its first ones. */
    public static final int MAX_ERRORS = 100;

    /** Spaces at a cell's edges, the no-break and zero-width ones a copied address or name brings along too. */
    private static final java.util.regex.Pattern EDGES =
            java.util.regex.Pattern.compile("^[\\p{Z}\\s\\u200B-\\u200D\\u2060\\uFEFF]+|[\\p{Z}\\s\\u200B-\\u200D\\u2060\\uFEFF]+$");

    public enum Column {
        EMAIL("email"), TITLE_TH("titleTh"), FIRST_NAME_TH("firstNameTh"), LAST_NAME_TH("lastNameTh"), TITLE_EN("titleEn"),
        FIRST_NAME_EN("firstNameEn"), LAST_NAME_EN("lastNameEn"), POSITION("position"), ORGANIZATION_CODE("organizationCode");

        private final String field;

        Column(String field) {
            this.field = field;
        }

        public String field() {
            return field;
        }

        static Optional<Column> named(String heading) {
            String name = heading.strip();
            int open = name.lastIndexOf('(');
            if (name.endsWith(")") && open >= 0) {
                name = name.substring(open + 1, name.length() - 1).strip();
            }
            String wanted = name.toLowerCase(Locale.ROOT);
            return Arrays.stream(values()).filter(c -> c.field.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
        }
    }

    /** One person's row: its number in the spreadsheet and its cells, stripped, a blank cell absent. */
    public record Row(long number, Map<Column, String> cells) {
        public String get(Column column) {
            return cells.get(column);
        }

        public String field(Column column) {
            return "rows[" + number + "]." + column.field();
        }
    }

    /** The rows, or the mistakes that make the file unreadable as a whole (nothing is read from such a file). */
    public record Read(List<Row> rows, List<FieldError> errors) {
    }

    private NominationSheet() {
    }

    public static Read read(String text) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<FieldError> errors = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        // empty lines are records too, so that every row keeps the number the spreadsheet shows (Excel writes a blank
        // row of a one-column sheet as an empty line)
        CSVFormat format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).build();
        try (CSVParser parser = CSVParser.parse(new StringReader(body), format)) {
            Column[] columns = null;
            int people = 0;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = headings(record, errors);
                    if (!errors.isEmpty()) {
                        return new Read(List.of(), errors);
                    }
                    continue;
                }
                if (blank(record)) {
                    continue; // a spreadsheet's blank rows
                }
                if (++people > MAX_ROWS) {
                    return new Read(List.of(), List.of(new FieldError("body",
                            "has more than " + MAX_ROWS + " people; split it into files of at most " + MAX_ROWS)));
                }
                read(record, columns, rows, errors);
                if (errors.size() >= MAX_ERRORS) {
                    break; // a file wrong in every row is answered with its first mistakes, not held whole in memory
                }
            }
            if (columns == null) {
                errors.add(new FieldError("body", "is empty: the first row names the columns, one person a row below it"));
            } else if (rows.isEmpty() && errors.isEmpty()) {
                errors.add(new FieldError("body", "has a heading row and nobody below it"));
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // commons-csv says where it stopped: an opening quote without its closing one, text after a closing quote
            return new Read(List.of(), List.of(new FieldError("body", "is not CSV as a spreadsheet saves it: " + reason(e))));
        }
        return errors.isEmpty() ? new Read(rows, List.of()) : new Read(List.of(), errors);
    }

    private static void read(CSVRecord record, Column[] columns, List<Row> rows, List<FieldError> errors) {
        long number = record.getRecordNumber();
        if (record.size() > columns.length) {
            errors.add(new FieldError("rows[" + number + "]", "has " + record.size()
                    + " cells, more than the heading row's " + columns.length + " (a comma inside a cell needs quotes)"));
            return;
        }
        Map<Column, String> cells = new EnumMap<>(Column.class);
        for (int i = 0; i < record.size(); i++) {
            String value = EDGES.matcher(record.get(i)).replaceAll("");
            if (value.isEmpty()) {
                continue;
            }
            if (columns[i] == null) {
                errors.add(new FieldError("rows[" + number + "][" + (i + 1) + "]", "is a value in a column without a heading"));
                return;
            }
            cells.put(columns[i], value);
        }
        rows.add(new Row(number, cells));
    }

    /** The columns by position; null for a column without a heading (an empty column Excel saved), which must stay empty. */
    private static Column[] headings(CSVRecord record, List<FieldError> errors) {
        Column[] columns = new Column[record.size()];
        if (record.size() > MAX_HEADINGS) {
            errors.add(new FieldError("rows[1]", "has " + record.size() + " cells; the heading row names at most the "
                    + Column.values().length + " columns (" + known() + "), a few empty ones allowed"));
            return columns;
        }
        for (int i = 0; i < record.size(); i++) {
            String heading = EDGES.matcher(record.get(i)).replaceAll("");
            if (heading.isEmpty()) {
                continue;
            }
            String field = "rows[1][" + (i + 1) + "]";
            Optional<Column> column = Column.named(heading);
            if (column.isEmpty()) {
                errors.add(new FieldError(field, "is not a column Sakkaya knows (" + known() + ")" + (heading.contains(";")
                        ? "; the file seems separated by semicolons: save it as CSV UTF-8, which separates cells by commas" : "")));
            } else if (Arrays.asList(columns).contains(column.get())) {
                errors.add(new FieldError(field, "names " + column.get().field() + " a second time"));
            } else {
                columns[i] = column.get();
            }
        }
        if (errors.isEmpty() && Arrays.stream(columns).allMatch(java.util.Objects::isNull)) {
            errors.add(new FieldError("rows[1]", "is empty; the first row names the columns (an empty line before it counts as a row)"));
        } else if (errors.isEmpty() && !Arrays.asList(columns).contains(Column.EMAIL)) {
            errors.add(new FieldError("rows[1]", "has no email column; every person is found or registered by their address"));
        }
        return columns;
    }

    private static String known() {
        return String.join(", ", Arrays.stream(Column.values()).map(Column::field).toList());
    }

    private static boolean blank(CSVRecord record) {
        for (String cell : record) {
            if (!EDGES.matcher(cell).replaceAll("").isEmpty()) {
                return false;
            }
        }
        return true;
    }

    private static String reason(Exception e) {
        Throwable cause = e instanceof UncheckedIOException && e.getCause() != null ? e.getCause() : e;
        // commons-csv names the line and the position where it stopped, and nothing of the cells
        return cause.getMessage() == null ? "unreadable" : cause.getMessage();
    }
}
