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
        // landscape by its size, not by a /Rotate entry: every viewer and printer agrees on it
        Rectangle page = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
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

        signatories(canvas, page, content.signatories(), ink);
        qr(canvas, content.verifyUrl(), page.getWidth() - 60 - 76, 60, 76);
        Font small = new Font(REGULAR, 11, Font.NORMAL, ink);
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                new com.lowagie.text.Phrase("เลขที่ " + Serials.grouped(content.serial()), small), page.getWidth() - 60, 50, 0);
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

    private static void signatories(PdfContentByte canvas, Rectangle page, List<Signatory> signatories, Color ink) {
        if (signatories.isEmpty()) {
            return;
        }
        // the right-hand corner belongs to the QR code and the serial
        float slot = (page.getWidth() - 2 * 60 - 220) / signatories.size();
        for (int i = 0; i < signatories.size(); i++) {
            float x = 60 + slot * i + slot / 2;
            Signatory s = signatories.get(i);
            if (s.signatureImage() != null) {
                Image signature = image(s.signatureImage());
                signature.scaleToFit(150, 40);
                signature.setAbsolutePosition(x - signature.getScaledWidth() / 2, 101);
                canvas.addImage(signature);
            }
            canvas.saveState();
            canvas.setColorStroke(ink);
            canvas.setLineWidth(0.5f);
            canvas.moveTo(x - 90, 98);
            canvas.lineTo(x + 90, 98);
            canvas.stroke();
            canvas.restoreState();
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                    new com.lowagie.text.Phrase("(" + s.name() + ")", new Font(REGULAR, 16, Font.NORMAL, ink)), x, 80, 0);
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                    new com.lowagie.text.Phrase(s.position(), new Font(REGULAR, 14, Font.NORMAL, ink)), x, 62, 0);
        }
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
