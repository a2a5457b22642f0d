package org.sakkaya.certificate.control;

import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.AcroFields;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.sakkaya.platform.ThaiDates;
import org.sakkaya.platform.pdf.ThaiFonts;

/**
 * The copy of a revoked certificate that is handed out: the PDF as issued with a band across the middle of every
 * page saying, in Thai and English, that it was revoked, when (in the Buddhist era for Thai readers) and, when it was
 * re-issued, which serial replaced it. A printed or e-mailed copy then says what the verification page says.
 * <p>
 * The copy is written out whole rather than as an incremental update: an update keeps the issued bytes, signature
 * and all, in front of it, and cutting the file there gives the clean certificate back. Its signature is taken out,
 * as it no longer covers the file and the copy is not the issuer's signed document any more. The stamp is text in
 * the certificate's own embedded font, so it is copied and searched like the rest. The issued PDF and its SHA-256 are
 * never touched: this is made at each download.
 */
public final class RevokedStamp {
    /** The Thai and English words of the stamp, also in the verification page's title. */
    public static final String THAI = "ถูกเพิกถอน";
    public static final String ENGLISH = "REVOKED";

    private static final Color RED = new Color(0xb0, 0x10, 0x10);

    private RevokedStamp() {
    }

    /**
     * {@code issued} with the stamp on every page. {@code revokedOn} may be null (a revocation recorded without its
     * time), and {@code replacedBy} is null unless the certificate was re-issued.
     */
    public static byte[] stamp(byte[] issued, LocalDate revokedOn, String replacedBy) {
        try {
            PdfReader reader = new PdfReader(issued);
            ByteArrayOutputStream out = new ByteArrayOutputStream(issued.length + 16 * 1024);
            PdfStamper stamper = new PdfStamper(reader, out);
            withoutSignatures(reader, stamper);
            List<String> lines = lines(revokedOn, replacedBy);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                band(stamper.getOverContent(page), reader.getPageSizeWithRotation(page), lines);
            }
            stamper.close();
            reader.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException("Could not stamp the revoked certificate's PDF", e);
        }
    }

    /** The small lines under the big words: when, that it no longer stands, and what replaced it. */
    static List<String> lines(LocalDate revokedOn, String replacedBy) {
        List<String> lines = new ArrayList<>();
        lines.add(revokedOn == null ? "ใช้อ้างอิงไม่ได้อีกต่อไป"
                : "เพิกถอนเมื่อวันที่ " + ThaiDates.longForm(revokedOn) + " ใช้อ้างอิงไม่ได้อีกต่อไป");
        lines.add(revokedOn == null ? "This certificate is no longer valid"
                : "Revoked on " + ThaiDates.english(revokedOn) + "; this certificate is no longer valid");
        if (replacedBy != null) {
            String serial = Serials.grouped(replacedBy);
            lines.add("ออกฉบับใหม่แทนแล้ว เลขที่ " + serial);
            lines.add("Replaced by certificate " + serial);
        }
        return lines;
    }

    /**
     * Removes the signature fields, their dictionaries (with the signature value) and the catalogue's flag saying the
     * document is signed: left in, a viewer would report a signature broken by an unknown hand.
     */
    private static void withoutSignatures(PdfReader reader, PdfStamper stamper) {
        AcroFields fields = stamper.getAcroFields();
        List<String> signatures = new ArrayList<>(fields.getSignedFieldNames());
        signatures.addAll(fields.getFieldNamesWithBlankSignatures());
        if (signatures.isEmpty()) {
            return;
        }
        for (String name : signatures) {
            fields.removeField(name);
        }
        PdfDictionary form = reader.getCatalog().getAsDict(PdfName.ACROFORM);
        if (form != null) {
            form.remove(PdfName.SIGFLAGS);
        }
        reader.removeUnusedObjects();
    }

    /** A pale band across the page's middle, framed in red, with the words in red over it. */
    private static void band(PdfContentByte canvas, Rectangle page, List<String> lines) {
        BaseFont bold = ThaiFonts.bold();
        BaseFont regular = ThaiFonts.regular();
        float big = Math.min(56, page.getWidth() / 14);
        float small = Math.min(17, page.getWidth() / 46);
        float height = big * 1.6f + lines.size() * small * 1.45f + 24;
        float bottom = (page.getHeight() - height) / 2;
        float left = page.getLeft() + 16;
        float width = page.getWidth() - 32;

        canvas.saveState();
        PdfGState veil = new PdfGState();
        // the certificate stays legible under the band, the words over it read first
        veil.setFillOpacity(0.82f);
        canvas.setGState(veil);
        canvas.setColorFill(Color.WHITE);
        canvas.rectangle(left, bottom, width, height);
        canvas.fill();
        canvas.restoreState();

        canvas.saveState();
        canvas.setColorStroke(RED);
        canvas.setLineWidth(3);
        canvas.rectangle(left, bottom, width, height);
        canvas.stroke();
        canvas.restoreState();

        float x = page.getLeft() + page.getWidth() / 2;
        float y = bottom + height - 12 - big * 1.1f;
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                new Phrase(THAI + " / " + ENGLISH, new Font(bold, big, Font.NORMAL, RED)), x, y, 0);
        Font font = new Font(regular, small, Font.NORMAL, RED);
        y -= big * 0.5f;
        for (String line : lines) {
            y -= small * 1.45f;
            ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(line, font), x, y, 0);
        }
    }
}
