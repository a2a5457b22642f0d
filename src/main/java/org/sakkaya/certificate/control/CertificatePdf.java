package org.sakkaya.certificate.control;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.pdf.ThaiFonts;
import org.sakkaya.platform.pdf.ThaiLineBreaks;

/**
 * Renders one certificate: an A4 landscape page in Thai with the Laksaman font embedded (IDENTITY_H, from
 * {@link ThaiFonts}), so that stacked tone marks, ำ, ฤ and thanthakhat sit right and the text extracts back exactly.
 * A QR code, drawn as vector squares, and the printed short address lead to the verification page. Lines break only at
 * Thai word boundaries ({@link ThaiLineBreaks}).
 */
public final class CertificatePdf {
    private static final float LOGO_HEIGHT = 48;
    /** A4 landscape by its size, not by a /Rotate entry: every viewer and printer agrees on it. */
    private static final float PAGE_WIDTH = PageSize.A4.getHeight();
    private static final float PAGE_HEIGHT = PageSize.A4.getWidth();
    /**
     * The bottom right corner is kept for the QR code and the serial, whose line ("เลขที่ " and 32 characters at 11 pt)
     * is about 222 pt long; the signatories share the band from the left margin to it.
     */
    private static final float CORNER = 230;
    private static final float SLOTS_LEFT = 60;
    private static final float SLOTS_RIGHT = PAGE_WIDTH - 60 - CORNER;
    /** Each signatory's text keeps this far from the edges of its slot, so neighbours never touch. */
    private static final float SLOT_PADDING = 4;
    /**
     * A signature image stands on the signature line and reaches no higher than the flowing text's bottom margin (136)
     * and its last line's descenders.
     */
    private static final float SIGNATURE_LINE = 104;
    private static final float SIGNATURE_TOP = 141;
    /** Name and position stay under the signature line and above the verification address (baseline 38, 11 pt). */
    private static final float SIGNATORY_TOP = SIGNATURE_LINE - 2;
    private static final float SIGNATORY_BOTTOM = 47;
    private static final float NAME_SIZE = 16;
    private static final float POSITION_SIZE = 14;
    /**
     * Laksaman's marks reach 1.26 em above the baseline (a tone mark over an upper vowel) and 0.37 em below it (ู); lines
     * of a signatory are 1.25 em apart.
     */
    private static final float ASCENT = 1.26f;
    private static final float DESCENT = 0.37f;
    private static final float LEADING = 1.25f;
    /** Names and positions shrink by fortieths of their size, to 25/40 at the least (10 pt names, 8.75 pt positions). */
    private static final int FULL_SCALE = 40;
    private static final int MIN_SCALE = 25;
    private static final int MAX_NAME_LINES = 3;
    private static final int MAX_POSITION_LINES = 3;
    private static final BaseFont REGULAR;
    private static final BaseFont BOLD;

    static {
        REGULAR = ThaiFonts.regular();
        BOLD = ThaiFonts.bold();
    }

    /** A signatory under the text: name and position, as printed, and optionally the signature (PNG/JPEG) above the line. */
    public record Signatory(String name, String position, byte[] signatureImage) {
        public Signatory(String name, String position) {
            this(name, position, null);
        }
    }

    /** Thrown when what a template asks for does not fit on one page. */
    public static final class DoesNotFit extends RuntimeException {
        DoesNotFit(int pages) {
            super("The certificate would take " + pages + " pages; it must fit on one");
        }
    }

    /** Thrown by {@link #checkSignatories} for the first signatory whose name or position cannot fit its place. */
    public static final class SignatoryDoesNotFit extends RuntimeException {
        private final String field;

        SignatoryDoesNotFit(int index, String part, int signatories, float width) {
            super("does not fit under the certificate: with " + signatories + " signatories each has " + Math.round(width)
                    + " pt across, and at the smallest sizes (" + size(NAME_SIZE, MIN_SCALE) + " and " + size(POSITION_SIZE, MIN_SCALE)
                    + " pt) room for about four lines of name and position together, at most " + MAX_NAME_LINES + " of either;"
                    + " shorten it or use fewer signatories");
            this.field = "signatories[" + index + "]." + part;
        }

        /** The request field to blame, {@code signatories[i].name} or {@code signatories[i].position}. */
        public String field() {
            return field;
        }
    }

    /**
     * What one certificate says. {@code title} is เกียรติบัตร (participation) or วุฒิบัตร (achievement); {@code
     * bodyLines} come from the programme's template; {@code accent} colours the border and the title; {@code logo}
     * (PNG/JPEG, may be null) stands above the issuer.
     */
    public record Content(String issuer, String title, String holderName, List<String> bodyLines, String programName,
                          String cohortName, LocalDate issuedOn, String serial, String verifyUrl,
                          List<Signatory> signatories, Color accent, byte[] logo) {
        public Content(String issuer, String title, String holderName, List<String> bodyLines, String programName,
                       String cohortName, LocalDate issuedOn, String serial, String verifyUrl,
                       List<Signatory> signatories, Color accent) {
            this(issuer, title, holderName, bodyLines, programName, cohortName, issuedOn, serial, verifyUrl, signatories,
                    accent, null);
        }
    }

    private CertificatePdf() {
    }

    public static byte[] render(Content content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Rectangle page = new Rectangle(PAGE_WIDTH, PAGE_HEIGHT);
        // the bottom margin keeps the flowing text above the signatories, their signatures, the QR code and the serial
        // a logo stands above the text, drawn where it belongs rather than flowed
        float logoRoom = content.logo() == null ? 0 : LOGO_HEIGHT;
        Document document = new Document(page, 60, 60, 44 + logoRoom, 136);
        PdfWriter writer = PdfWriter.getInstance(document, out);
        document.addTitle(content.title() + " " + content.holderName());
        document.addCreator("Sakkaya");
        document.open();
        PdfContentByte canvas = writer.getDirectContent();
        border(canvas, page, content.accent());

        Color ink = new Color(0x22, 0x22, 0x22);
        if (content.logo() != null) {
            Image logo = image(content.logo());
            logo.scaleToFit(3 * LOGO_HEIGHT, LOGO_HEIGHT);
            logo.setAbsolutePosition((page.getWidth() - logo.getScaledWidth()) / 2, page.getHeight() - 38 - logo.getScaledHeight());
            canvas.addImage(logo);
        }
        center(document, content.issuer(), new Font(BOLD, 18, Font.NORMAL, ink), 4);
        // room under the title for a vowel below it (วุฒิบัตร) above the next line's tone marks
        center(document, content.title(), new Font(BOLD, 40, Font.NORMAL, content.accent()), 8);
        center(document, "ขอมอบให้ไว้เพื่อแสดงว่า", new Font(REGULAR, 18, Font.NORMAL, ink), 2);
        center(document, content.holderName(), new Font(BOLD, 30, Font.NORMAL, ink), 4);
        for (String line : content.bodyLines()) {
            center(document, line, new Font(REGULAR, 18, Font.NORMAL, ink), 0);
        }
        center(document, content.programName(), new Font(BOLD, 22, Font.NORMAL, ink), 2);
        center(document, content.cohortName(), new Font(REGULAR, 18, Font.NORMAL, ink), 2);
        center(document, "ให้ไว้ ณ วันที่ " + ThaiDates.longForm(content.issuedOn()), new Font(REGULAR, 18, Font.NORMAL, ink), 0);

        signatories(canvas, content.signatories(), ink);
        qr(canvas, content.verifyUrl(), page.getWidth() - 60 - 76, 60, 76);
        Font small = new Font(REGULAR, 11, Font.NORMAL, ink);
        String serial = "เลขที่ " + Serials.grouped(content.serial());
        // a serial of many wide letters (W, M) would reach into the last signatory's slot: it prints a little smaller
        float serialSize = Math.min(11, 11 * (CORNER - 2 * SLOT_PADDING) / REGULAR.getWidthPoint(serial, 11));
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                new com.lowagie.text.Phrase(serial, new Font(REGULAR, serialSize, Font.NORMAL, ink)), page.getWidth() - 60, 50, 0);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                new com.lowagie.text.Phrase(content.verifyUrl(), small), page.getWidth() - 60, 38, 0);
        int pages = writer.getPageNumber();
        document.close();
        if (pages > 1) {
            throw new DoesNotFit(pages);
        }
        return out.toByteArray();
    }

    private static void center(Document document, String text, Font font, float spacingAfter) {
        // 1.3 lines: room for stacked tone marks above and vowels below without wasting the page
        Paragraph paragraph = ThaiLineBreaks.paragraph(font.getSize() * 1.3f, text, font);
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setSpacingAfter(spacingAfter);
        document.add(paragraph);
    }

    private static void border(PdfContentByte canvas, Rectangle page, Color accent) {
        canvas.saveState();
        canvas.setColorStroke(accent);
        canvas.setLineWidth(4);
        canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
        canvas.stroke();
        canvas.setLineWidth(1);
        canvas.rectangle(32, 32, page.getWidth() - 64, page.getHeight() - 64);
        canvas.stroke();
        canvas.restoreState();
    }

    /**
     * Refuses signatories that cannot fit their place at the smallest size: checked when a template is saved, so that
     * every certificate printed from it fits. {@link #render} itself never refuses them: a template saved before this
     * check prints its signatories smaller than the smallest size instead.
     *
     * @throws SignatoryDoesNotFit naming the first signatory's name or position that does not fit
     */
    public static void checkSignatories(List<Signatory> signatories) {
        float width = textWidth(signatories.size());
        for (int i = 0; i < signatories.size(); i++) {
            Signatory s = signatories.get(i);
            if (largestScale(s, width, MIN_SCALE, true) < 0) {
                boolean nameFits = largestScale(new Signatory(s.name(), "-"), width, MIN_SCALE, true) >= 0;
                throw new SignatoryDoesNotFit(i, nameFits ? "position" : "name", signatories.size(), width);
            }
        }
    }

    /**
     * Each signatory gets an equal slot of the band left of the QR code. Name and position wrap inside it (the position
     * also at each line break it was given, as in "ปฏิบัติราชการแทน..."), and shrink together, by the same factor for all
     * signatories so that they print alike, as far as the longest needs.
     */
    private static void signatories(PdfContentByte canvas, List<Signatory> signatories, Color ink) {
        if (signatories.isEmpty()) {
            return;
        }
        float slot = (SLOTS_RIGHT - SLOTS_LEFT) / signatories.size();
        float width = textWidth(signatories.size());
        int scale = FULL_SCALE;
        for (Signatory s : signatories) {
            int fits = largestScale(s, width, MIN_SCALE, true);
            if (fits < 0) {
                fits = Math.max(largestScale(s, width, 1, false), 1);
            }
            scale = Math.min(scale, fits);
        }
        Font nameFont = new Font(REGULAR, size(NAME_SIZE, scale), Font.NORMAL, ink);
        Font positionFont = new Font(REGULAR, size(POSITION_SIZE, scale), Font.NORMAL, ink);
        for (int i = 0; i < signatories.size(); i++) {
            float x = SLOTS_LEFT + slot * i + slot / 2;
            Signatory s = signatories.get(i);
            if (s.signatureImage() != null) {
                Image signature = image(s.signatureImage());
                signature.scaleToFit(Math.min(150, width), SIGNATURE_TOP - SIGNATURE_LINE - 3);
                signature.setAbsolutePosition(x - signature.getScaledWidth() / 2, SIGNATURE_LINE + 3);
                canvas.addImage(signature);
            }
            float halfLine = Math.min(90, width / 2);
            canvas.saveState();
            canvas.setColorStroke(ink);
            canvas.setLineWidth(0.5f);
            canvas.moveTo(x - halfLine, SIGNATURE_LINE);
            canvas.lineTo(x + halfLine, SIGNATURE_LINE);
            canvas.stroke();
            canvas.restoreState();
            Block block = block(s, width, scale);
            float baseline = SIGNATORY_TOP - ASCENT * nameFont.getSize();
            for (int line = 0; line < block.lines(); line++) {
                boolean name = line < block.name().size();
                Font font = name ? nameFont : positionFont;
                if (line > 0) {
                    baseline -= LEADING * font.getSize();
                }
                String text = name ? block.name().get(line) : block.position().get(line - block.name().size());
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new com.lowagie.text.Phrase(text, font), x, baseline, 0);
            }
        }
    }

    /** A signatory's text broken into lines at a scale; the name in parentheses, as Thai signature blocks print it. */
    private record Block(List<String> name, List<String> position, float nameSize, float positionSize) {
        int lines() {
            return name.size() + position.size();
        }

        float height() {
            return ASCENT * nameSize + (name.size() - 1) * LEADING * nameSize + position.size() * LEADING * positionSize
                    + DESCENT * positionSize;
        }
    }

    private static Block block(Signatory s, float width, int scale) {
        float nameSize = size(NAME_SIZE, scale);
        float positionSize = size(POSITION_SIZE, scale);
        List<String> position = new ArrayList<>();
        for (String line : ThaiLineBreaks.lines(s.position().strip(), REGULAR, positionSize, width)) {
            if (!line.isEmpty()) {
                position.add(line);
            }
        }
        return new Block(ThaiLineBreaks.lines("(" + s.name().strip() + ")", REGULAR, nameSize, width), position, nameSize, positionSize);
    }

    /**
     * The largest scale, in fortieths, from full size down to {@code smallest}, at which the signatory's lines are no
     * wider than {@code width}, fit between the signature line and the address and, if {@code limitLines}, number no
     * more than the maximum; -1 if none. Smaller type never needs more lines, so the answer is found by halving.
     */
    private static int largestScale(Signatory s, float width, int smallest, boolean limitLines) {
        if (fits(s, width, FULL_SCALE, limitLines)) {
            return FULL_SCALE;
        }
        if (!fits(s, width, smallest, limitLines)) {
            return -1;
        }
        int fits = smallest;
        int tooLarge = FULL_SCALE;
        while (tooLarge - fits > 1) {
            int middle = (fits + tooLarge) / 2;
            if (fits(s, width, middle, limitLines)) {
                fits = middle;
            } else {
                tooLarge = middle;
            }
        }
        return fits;
    }

    private static boolean fits(Signatory s, float width, int scale, boolean limitLines) {
        Block block = block(s, width, scale);
        boolean narrow = block.name().stream().allMatch(l -> REGULAR.getWidthPoint(l, block.nameSize()) <= width)
                && block.position().stream().allMatch(l -> REGULAR.getWidthPoint(l, block.positionSize()) <= width);
        boolean few = !limitLines || block.name().size() <= MAX_NAME_LINES && block.position().size() <= MAX_POSITION_LINES;
        return narrow && few && block.height() <= SIGNATORY_TOP - SIGNATORY_BOTTOM;
    }

    private static float textWidth(int signatories) {
        return (SLOTS_RIGHT - SLOTS_LEFT) / Math.max(signatories, 1) - 2 * SLOT_PADDING;
    }

    private static float size(float fullSize, int scale) {
        return fullSize * scale / FULL_SCALE;
    }

    /**
     * A PNG or JPEG as OpenPDF reads it.
     *
     * @throws IllegalArgumentException when the bytes are no image OpenPDF can place
     */
    public static Image image(byte[] bytes) {
        try {
            return Image.getInstance(bytes);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a PNG or JPEG image that can be printed", e);
        }
    }

    /**
     * How the QR code is encoded: the standard four-module quiet zone, and the compact encoding, which puts the serial
     * in alphanumeric mode, so the code is version 4 (33 modules) rather than 5 and each module is larger in the same
     * corner. Public for the benchmarks' floor, which must print the same code.
     */
    public static final Map<EncodeHintType, Object> QR_HINTS = Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4, EncodeHintType.QR_COMPACT, true);

    /** The QR matrix as filled squares: sharp at any zoom, and no image to embed. */
    private static void qr(PdfContentByte canvas, String text, float x, float y, float size) {
        BitMatrix matrix;
        try {
            matrix = new QRCodeWriter().encode(text, BarcodeFormat.QR_CODE, 0, 0, QR_HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("Cannot encode " + text + " as a QR code", e);
        }
        float cell = size / matrix.getWidth();
        canvas.saveState();
        canvas.setColorFill(Color.WHITE);
        canvas.rectangle(x, y, size, size);
        canvas.fill();
        canvas.setColorFill(Color.BLACK);
        for (int row = 0; row < matrix.getHeight(); row++) {
            for (int column = 0; column < matrix.getWidth(); column++) {
                if (matrix.get(column, row)) {
                    canvas.rectangle(x + column * cell, y + size - (row + 1) * cell, cell, cell);
                }
            }
        }
        canvas.fill();
        canvas.restoreState();
    }
}
