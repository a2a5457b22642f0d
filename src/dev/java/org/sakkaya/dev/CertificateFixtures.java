package org.sakkaya.dev;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.time.Instant;
import java.util.Calendar;
import java.time.LocalDate;
import java.util.List;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.PadesSigner;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.platform.pdf.ThaiFonts;

/**
 * What the certificate benchmarks share: the trainees' names, the content of one certificate, the floors (raw OpenPDF
 * rendering of the same text in the same fonts, and of the same page) and a signer with the demo's kind of key. The in-process benchmark
 * ({@link CertificateRenderingJmh}) renders with them; the service benchmark ({@link CertificateBenchmark}) loads the
 * same names.
 */
final class CertificateFixtures {
    static final List<String> NAMES = List.of("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "นายปิติพัฒน์ ธีระวุฒิ", "ดร.ฤทัยรัตน์ ภู่ผึ้ง",
            "นพ.ศุภฤกษ์ ณ สงขลา", "นางพรรณี เลิศฤทธิ์", "ว่าที่ร้อยตรีธนพล ใจเย็น");

    private CertificateFixtures() {
    }

    /** Certificate {@code i}: the i-th name of {@link #NAMES} (round robin), a fresh serial, two signatories. */
    static CertificatePdf.Content content(int i) {
        String serial = Serials.next();
        return new CertificatePdf.Content("กรมอนามัย กระทรวงสาธารณสุข", "วุฒิบัตร", NAMES.get(Math.floorMod(i, NAMES.size())),
                List.of("ได้ผ่านการอบรมและผ่านเกณฑ์การประเมินผล หลักสูตร"), "นักวิทยาการข้อมูล (Data Scientist)",
                "รุ่นที่ 1 ระหว่างวันที่ 23-26 พฤศจิกายน พ.ศ. 2563", LocalDate.of(2020, 11, 26), serial,
                "https://sakkaya.example.go.th/verify/" + serial,
                List.of(new CertificatePdf.Signatory("นพ.ศุภฤกษ์ ณ สงขลา", "อธิบดีกรมอนามัย"),
                        new CertificatePdf.Signatory("ดร.ฤทัยรัตน์ ภู่ผึ้ง", "ผู้อำนวยการศูนย์เทคโนโลยีสารสนเทศ")),
                new java.awt.Color(0x1f, 0x4e, 0x79));
    }

    /** A signer with a new RSA-2048 key and self-signed certificate (as the demo's) kept in {@code folder}. */
    static PadesSigner signer(Path folder) throws java.io.IOException {
        Path store = DevKeys.ensureSigningStore(folder);
        return PadesSigner.fromKeyStore(store,
                Files.readString(folder.resolve(DevKeys.SIGNING_PASSWORD), StandardCharsets.US_ASCII).toCharArray(), null);
    }

    /**
     * The floor of signing (issue 7's C_pdf for the signed page): OpenPDF's own signature calls (a PKCS#7 made by
     * OpenPDF, {@code WINCER_SIGNED}) with the same RSA key as {@link #signer}. Nothing of Sakkaya's: no PAdES
     * attributes, no room reckoned for the CMS.
     */
    static final class RawSigner {
        private final PrivateKey key;
        private final Certificate[] chain;

        RawSigner(Path folder) throws Exception {
            Path store = DevKeys.ensureSigningStore(folder);
            char[] password = Files.readString(folder.resolve(DevKeys.SIGNING_PASSWORD), StandardCharsets.US_ASCII).toCharArray();
            KeyStore keys = KeyStore.getInstance(store.toFile(), password);
            String alias = keys.aliases().nextElement();
            key = (PrivateKey) keys.getKey(alias, password);
            chain = keys.getCertificateChain(alias);
        }

        byte[] sign(byte[] pdf) {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 16 * 1024);
                PdfStamper stamper = PdfStamper.createSignature(new PdfReader(pdf), out, '\0', null, true);
                PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
                appearance.setCrypto(key, chain, null, PdfSignatureAppearance.WINCER_SIGNED);
                appearance.setSignDate(Calendar.getInstance());
                appearance.setReason("วุฒิบัตร");
                appearance.setLocation("Thailand");
                stamper.close();
                return out.toByteArray();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** {@code pdf} signed as issuing signs it: now, with the certificate's reason and place. */
    static byte[] sign(PadesSigner signer, byte[] pdf) {
        return signer.sign(pdf, Instant.now(), "วุฒิบัตร", "Thailand");
    }

    /**
     * The floors: {@link #render} the same lines in the same fonts with OpenPDF's own calls, nothing else on the page;
     * {@link #renderSamePage} the whole page.
     */
    static final class Raw {
        private final BaseFont regular;
        private final BaseFont bold;

        Raw() {
            regular = ThaiFonts.regular();
            bold = ThaiFonts.bold();
        }

        byte[] render(CertificatePdf.Content c) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
            Document document = new Document(new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth()), 60, 60, 44, 136);
            PdfWriter.getInstance(document, out);
            document.open();
            text(document, c);
            document.close();
            return out.toByteArray();
        }

        /**
         * The floor of the same certificate page (issue 7's C_pdf): everything our page shows (the lines, the border,
         * the two signatories, the QR code, serial and address, at the same places) written with OpenPDF's own calls
         * and nothing of Sakkaya's: no content record turned into fonts, no Thai date formatting, no page-count
         * check. OpenPDF draws no QR code, so its squares come from ZXing's matrix, as on our page.
         */
        byte[] renderSamePage(CertificatePdf.Content c) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            Rectangle page = new Rectangle(PageSize.A4.getHeight(), PageSize.A4.getWidth());
            Document document = new Document(page, 60, 60, 44, 136);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            document.open();
            PdfContentByte canvas = writer.getDirectContent();
            canvas.setColorStroke(c.accent());
            canvas.setLineWidth(4);
            canvas.rectangle(24, 24, page.getWidth() - 48, page.getHeight() - 48);
            canvas.stroke();
            canvas.setLineWidth(1);
            canvas.rectangle(32, 32, page.getWidth() - 64, page.getHeight() - 64);
            canvas.stroke();
            text(document, c);
            float slot = (page.getWidth() - 340) / c.signatories().size();
            for (int i = 0; i < c.signatories().size(); i++) {
                float x = 60 + slot * i + slot / 2;
                canvas.setLineWidth(0.5f);
                canvas.moveTo(x - 90, 98);
                canvas.lineTo(x + 90, 98);
                canvas.stroke();
                at(canvas, "(" + c.signatories().get(i).name() + ")", Element.ALIGN_CENTER, regular, 16, x, 80);
                at(canvas, c.signatories().get(i).position(), Element.ALIGN_CENTER, regular, 14, x, 62);
            }
            BitMatrix qr;
            try {
                qr = new QRCodeWriter().encode(c.verifyUrl(), BarcodeFormat.QR_CODE, 0, 0, CertificatePdf.QR_HINTS);
            } catch (WriterException e) {
                throw new IllegalStateException(e);
            }
            float x0 = page.getWidth() - 136;
            float cell = 76f / qr.getWidth();
            canvas.setColorFill(Color.BLACK);
            for (int row = 0; row < qr.getHeight(); row++) {
                for (int column = 0; column < qr.getWidth(); column++) {
                    if (qr.get(column, row)) {
                        canvas.rectangle(x0 + column * cell, 60 + 76 - (row + 1) * cell, cell, cell);
                    }
                }
            }
            canvas.fill();
            at(canvas, "เลขที่ " + c.serial(), Element.ALIGN_RIGHT, regular, 11, page.getWidth() - 60, 50);
            at(canvas, c.verifyUrl(), Element.ALIGN_RIGHT, regular, 11, page.getWidth() - 60, 38);
            document.close();
            return out.toByteArray();
        }

        /** The certificate's lines, centred, in the same fonts and sizes as our page. */
        private void text(Document document, CertificatePdf.Content c) {
            line(document, c.issuer(), bold, 18);
            line(document, c.title(), bold, 40);
            line(document, "ขอมอบให้ไว้เพื่อแสดงว่า", regular, 18);
            line(document, c.holderName(), bold, 30);
            c.bodyLines().forEach(l -> line(document, l, regular, 18));
            line(document, c.programName(), bold, 22);
            line(document, c.cohortName(), regular, 18);
            line(document, "ให้ไว้ ณ วันที่ 26 พฤศจิกายน พ.ศ. 2563", regular, 18);
        }

        private static void line(Document document, String text, BaseFont font, float size) {
            Paragraph paragraph = new Paragraph(size * 1.3f, text, new Font(font, size));
            paragraph.setAlignment(Element.ALIGN_CENTER);
            document.add(paragraph);
        }

        private static void at(PdfContentByte canvas, String text, int alignment, BaseFont font, float size, float x, float y) {
            ColumnText.showTextAligned(canvas, alignment, new Phrase(text, new Font(font, size)), x, y, 0);
        }
    }
}
