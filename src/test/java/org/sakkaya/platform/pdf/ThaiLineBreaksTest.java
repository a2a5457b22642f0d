package org.sakkaya.platform.pdf;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.Font;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Thai line breaking as the PDFs use it, read back from real PDFs where OpenPDF does the breaking. */
class ThaiLineBreaksTest {
    private static final String POSITION = "ผู้อำนวยการสำนักสุขภาพดิจิทัล ปฏิบัติราชการแทนปลัดกระทรวงสาธารณสุข";
    private static final String NO_SPACES = "หลักสูตรการพัฒนาศักยภาพนักวิทยาการข้อมูลเพื่อการบริหารจัดการสาธารณสุข";

    @Test
    void linesPlacedOneByOneBreakAtWordsAndAtEveryLineBreakGiven() {
        List<String> lines = ThaiLineBreaks.lines("ผู้อำนวยการสำนักสุขภาพดิจิทัล\nปฏิบัติราชการแทนปลัดกระทรวงสาธารณสุข",
                ThaiFonts.regular(), 14, 180);
        assertThat(lines.get(0)).isEqualTo("ผู้อำนวยการสำนักสุขภาพดิจิทัล");
        PdfWord.assertBrokenAtWordBoundaries("ปฏิบัติราชการแทนปลัดกระทรวงสาธารณสุข", lines.subList(1, lines.size()));
        assertThat(lines).hasSizeGreaterThan(2).allSatisfy(l -> assertThat(ThaiFonts.regular().getWidthPoint(l, 14)).isLessThanOrEqualTo(180));
        // a space where a line breaks is not printed, as OpenPDF does not print it
        List<String> spaced = ThaiLineBreaks.lines(POSITION, ThaiFonts.regular(), 14, 200);
        assertThat(spaced.get(0)).isEqualTo("ผู้อำนวยการสำนักสุขภาพดิจิทัล");
        assertThat(String.join("", spaced)).isEqualTo(POSITION.replace(" ", ""));
    }

    @Test
    void aWordLongerThanTheLineBreaksBetweenSyllablePartsNeverBeforeAMarkOrAfterALeadingVowel() {
        List<String> lines = ThaiLineBreaks.lines("ปฏิบัติราชการแทนเจ้าหน้าที่", ThaiFonts.regular(), 14, 24);
        assertThat(lines).hasSizeGreaterThan(4);
        assertCutOnlyBetweenSyllableParts("ปฏิบัติราชการแทนเจ้าหน้าที่", lines);
    }

    @Test
    void paragraphsAndTableCellsBreakBetweenThaiWordsAndCopyOutExactly() throws Exception {
        Font font = new Font(ThaiFonts.regular(), 14);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // a page 200 pt wide: the paragraph flows through OpenPDF's document lines, the cell through a column
        Document document = new Document(new Rectangle(200, 600), 20, 20, 20, 20);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(ThaiLineBreaks.paragraph(NO_SPACES, font));
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSpacingBefore(20);
        table.addCell(new PdfPCell(ThaiLineBreaks.phrase(NO_SPACES, font)));
        document.add(table);
        document.close();
        List<String> lines = PdfWord.lines(PdfWord.on(out.toByteArray()));
        int half = firstLinesMaking(NO_SPACES, lines);
        assertThat(lines).hasSizeGreaterThan(4);
        PdfWord.assertBrokenAtWordBoundaries(NO_SPACES, lines.subList(0, half));
        PdfWord.assertBrokenAtWordBoundaries(NO_SPACES, lines.subList(half, lines.size()));
    }

    @Test
    void aWordWiderThanItsColumnIsCutBetweenSyllablePartsInThePdfToo() throws Exception {
        Font font = new Font(ThaiFonts.regular(), 14);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        // 36 pt across: no word fits, every syllable does
        Document document = new Document(new Rectangle(76, 600), 20, 20, 20, 20);
        PdfWriter.getInstance(document, out);
        document.open();
        document.add(ThaiLineBreaks.paragraph("ปฏิบัติราชการแทนเจ้าหน้าที่", font));
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSpacingBefore(20);
        table.addCell(new PdfPCell(ThaiLineBreaks.phrase("ปฏิบัติราชการแทนเจ้าหน้าที่", font)));
        document.add(table);
        document.close();
        List<String> lines = PdfWord.lines(PdfWord.on(out.toByteArray()));
        assertThat(String.join("", lines)).isEqualTo("ปฏิบัติราชการแทนเจ้าหน้าที่".repeat(2));
        int half = firstLinesMaking("ปฏิบัติราชการแทนเจ้าหน้าที่", lines);
        assertCutOnlyBetweenSyllableParts("ปฏิบัติราชการแทนเจ้าหน้าที่", lines.subList(0, half));
        assertCutOnlyBetweenSyllableParts("ปฏิบัติราชการแทนเจ้าหน้าที่", lines.subList(half, lines.size()));
    }

    /** How many of the first lines make up {@code text}: the paragraph's, before the table's. */
    private static int firstLinesMaking(String text, List<String> lines) {
        for (int n = 1; n <= lines.size(); n++) {
            if (String.join("", lines.subList(0, n)).length() >= text.length()) {
                return n;
            }
        }
        return lines.size();
    }

    private static void assertCutOnlyBetweenSyllableParts(String text, List<String> lines) {
        assertThat(String.join("", lines)).isEqualTo(text);
        for (int i = 1; i < lines.size(); i++) {
            char first = lines.get(i).charAt(0);
            String before = lines.get(i - 1);
            assertThat(Character.getType(first)).as("line %d starts with a mark: %s", i, lines).isNotEqualTo((int) Character.NON_SPACING_MARK);
            assertThat("ะาำ".indexOf(first)).as("line %d starts with a following vowel: %s", i, lines).isNegative();
            assertThat("เแโใไ".indexOf(before.charAt(before.length() - 1))).as("line %d ends with a leading vowel: %s", i - 1, lines).isNegative();
        }
    }
}
