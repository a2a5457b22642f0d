package org.sakkaya.outcome.control;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.List;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.pdf.ThaiFonts;
import org.sakkaya.platform.pdf.ThaiLineBreaks;

/**
 * The PDF report of a fiscal year: the pass-rate rows (the same rows as the JSON, CSV and XLSX), then each
 * indicator of the year with a bar chart of actual against target per plan activity. In Thai, dates in the
 * Buddhist era, A4 portrait, Laksaman embedded; lines break only at Thai word boundaries ({@link ThaiLineBreaks}).
 */
public final class ReportPdf {
    private static final Color INK = new Color(0x22, 0x22, 0x22);
    private static final Color TARGET = new Color(0xb0, 0xb7, 0xc3);
    private static final Color MET = new Color(0x2e, 0x7d, 0x32);
    private static final Color NOT_MET = new Color(0xe6, 0x7e, 0x22);
    private static final Color HEAD = new Color(0xe8, 0xee, 0xf6);

    static {
        ThaiFonts.enableLayout();
    }

    /** One row of the table. */
    public record Line(String name, String detail, long evaluated, long passed, BigDecimal passRatePercent) {
    }

    /** One bar pair of a chart: an activity's actual against its target. */
    public record Bar(String title, String unitTh, String period, BigDecimal target, BigDecimal actual, boolean achieved,
                      boolean frozen) {
    }

    /**
     * An indicator's chart, headed by its code, name and owner: two owners may each have a 1.33 in one year, and the
     * report showed two blocks headed alike with different figures.
     */
    public record Chart(String code, String nameTh, String ownerTh, List<Bar> bars) {
    }

    public record Content(int fiscalYear, LocalDate firstDay, LocalDate lastDay, String groupByTh, LocalDate asOf,
                          List<Line> lines, long evaluated, long passed, BigDecimal passRatePercent, List<Chart> charts) {
    }

    private ReportPdf() {
    }

    public static byte[] render(Content content) {
        BaseFont regular = ThaiFonts.regular();
        BaseFont bold = ThaiFonts.bold();
        Font title = new Font(bold, 18, Font.NORMAL, INK);
        Font text = new Font(regular, 13, Font.NORMAL, INK);
        Font small = new Font(regular, 11, Font.NORMAL, INK);
        Font strong = new Font(bold, 13, Font.NORMAL, INK);

        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        Document document = new Document(PageSize.A4, 40, 40, 40, 40);
        PdfWriter.getInstance(document, out);
        document.addTitle("รายงานผลการดำเนินงาน ปีงบประมาณ พ.ศ. " + content.fiscalYear());
        document.addCreator("Sakkaya");
        document.open();

        paragraph(document, "รายงานผลการผ่านเกณฑ์การประเมินผล ปีงบประมาณ พ.ศ. " + content.fiscalYear(), title, Element.ALIGN_CENTER, 2);
        paragraph(document, "ระหว่างวันที่ " + ThaiDates.longForm(content.firstDay()) + " ถึงวันที่ " + ThaiDates.longForm(content.lastDay()),
                text, Element.ALIGN_CENTER, 0);
        paragraph(document, "จำแนกตาม" + content.groupByTh() + " · ข้อมูล ณ วันที่ " + ThaiDates.longForm(content.asOf()),
                small, Element.ALIGN_CENTER, 10);

        PdfPTable table = new PdfPTable(new float[] {46, 18, 18, 18});
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String heading : List.of(content.groupByTh(), "ผู้ได้รับการประเมิน (คน)", "ผ่านเกณฑ์ (คน)", "ร้อยละที่ผ่าน")) {
            PdfPCell cell = new PdfPCell(ThaiLineBreaks.phrase(heading, strong));
            cell.setBackgroundColor(HEAD);
            cell.setPadding(5);
            table.addCell(cell);
        }
        for (Line line : content.lines()) {
            PdfPCell name = new PdfPCell(ThaiLineBreaks.phrase(line.detail() == null ? line.name() : line.name() + "\n" + line.detail(), text));
            name.setPadding(5);
            table.addCell(name);
            table.addCell(number(String.valueOf(line.evaluated()), text));
            table.addCell(number(String.valueOf(line.passed()), text));
            table.addCell(number(plain(line.passRatePercent()), text));
        }
        PdfPCell total = new PdfPCell(ThaiLineBreaks.phrase("รวม", strong));
        total.setPadding(5);
        table.addCell(total);
        table.addCell(number(String.valueOf(content.evaluated()), strong));
        table.addCell(number(String.valueOf(content.passed()), strong));
        table.addCell(number(plain(content.passRatePercent()), strong));
        document.add(table);

        for (Chart chart : content.charts()) {
            paragraph(document, " ", text, Element.ALIGN_LEFT, 4);
            paragraph(document, "ตัวชี้วัด " + chart.code() + " " + chart.nameTh()
                    + (chart.ownerTh() == null ? "" : " (" + chart.ownerTh() + ")"), strong, Element.ALIGN_LEFT, 6);
            PdfPTable bars = new PdfPTable(new float[] {58, 42});
            bars.setWidthPercentage(100);
            for (Bar bar : chart.bars()) {
                String figures = "ผล " + withUnit(bar.actual(), bar.unitTh()) + " / เป้าหมาย " + withUnit(bar.target(), bar.unitTh())
                        + (bar.achieved() ? " (บรรลุ)" : " (ยังไม่บรรลุ)") + (bar.frozen() ? " ณ วันปิดตัวชี้วัด" : "");
                PdfPCell label = new PdfPCell(ThaiLineBreaks.phrase(bar.title() + "\n" + figures
                        + (bar.period() == null ? "" : "\nระยะเวลา " + bar.period()), small));
                label.setBorder(Rectangle.BOTTOM);
                label.setBorderColor(TARGET);
                label.setPadding(4);
                bars.addCell(label);
                PdfPCell drawing = new PdfPCell(ThaiLineBreaks.phrase(" ", small));
                drawing.setBorder(Rectangle.BOTTOM);
                drawing.setBorderColor(TARGET);
                drawing.setMinimumHeight(46);
                drawing.setCellEvent(new Bars(bar, small));
                bars.addCell(drawing);
            }
            document.add(bars);
        }
        paragraph(document, " ", text, Element.ALIGN_LEFT, 0);
        paragraph(document, "แถบสีเทา: ค่าเป้าหมาย · แถบสีเขียว: ผลที่บรรลุเป้าหมาย · แถบสีส้ม: ผลที่ยังไม่บรรลุเป้าหมาย", small,
                Element.ALIGN_LEFT, 0);
        document.close();
        return out.toByteArray();
    }

    /** Draws the target bar over the actual bar, both on the scale of the larger of the two. */
    private record Bars(Bar bar, Font font) implements PdfPCellEvent {
        @Override
        public void cellLayout(PdfPCell cell, Rectangle box, PdfContentByte[] canvases) {
            PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
            BigDecimal actual = bar.actual() == null ? BigDecimal.ZERO : bar.actual();
            BigDecimal max = actual.max(bar.target());
            float width = box.getWidth() - 16;
            float x = box.getLeft() + 8;
            float height = 12;
            float top = box.getTop() - 10;
            canvas.saveState();
            canvas.setColorFill(TARGET);
            canvas.rectangle(x, top - height, scaled(bar.target(), max, width), height);
            canvas.fill();
            canvas.setColorFill(bar.achieved() ? MET : NOT_MET);
            canvas.rectangle(x, top - 2 * height - 4, scaled(actual, max, width), height);
            canvas.fill();
            canvas.restoreState();
        }

        private static float scaled(BigDecimal value, BigDecimal max, float width) {
            if (max.signum() <= 0) {
                return 0;
            }
            return Math.max(1, value.divide(max, 6, RoundingMode.HALF_UP).floatValue() * width);
        }
    }

    private static PdfPCell number(String text, Font font) {
        PdfPCell cell = new PdfPCell(ThaiLineBreaks.phrase(text, font));
        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
        cell.setPadding(5);
        return cell;
    }

    private static void paragraph(Document document, String text, Font font, int alignment, float after) {
        Paragraph paragraph = ThaiLineBreaks.paragraph(text, font);
        paragraph.setAlignment(alignment);
        paragraph.setSpacingAfter(after);
        document.add(paragraph);
    }

    /** As Thai reads a figure: {@code ร้อยละ 80.00} with the word first, {@code 40 คน} and {@code 2 งาน} with it after. */
    static String withUnit(BigDecimal value, String unitTh) {
        return "ร้อยละ".equals(unitTh) ? unitTh + " " + figure(value, unitTh) : figure(value, unitTh) + " " + unitTh;
    }

    /** Percentages with two decimals as in the JSON; persons and works are counted, so they print as whole numbers. */
    static String figure(BigDecimal value, String unitTh) {
        if (value == null || "ร้อยละ".equals(unitTh) || value.stripTrailingZeros().scale() > 0) {
            return plain(value);
        }
        return value.setScale(0, RoundingMode.UNNECESSARY).toPlainString();
    }

    /** Two decimals, as in the JSON; no figure prints a dash. */
    static String plain(BigDecimal value) {
        return value == null ? "-" : value.setScale(2, RoundingMode.HALF_UP).toPlainString();
    }
}
