package org.sakkaya.dev;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.PadesSigner;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.platform.pdf.ThaiFonts;

/**
 * What the certificate benchmarks share: the trainees' names, the content of one certificate, the floor (raw OpenPDF
 * rendering of the same text in the same fonts) and a signer with the demo's kind of key. The in-process benchmark
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

    /** {@code pdf} signed as issuing signs it: now, with the certificate's reason and place. */
    static byte[] sign(PadesSigner signer, byte[] pdf) {
        return signer.sign(pdf, Instant.now(), "วุฒิบัตร", "Thailand");
    }

    /** The floor: the same lines in the same fonts with OpenPDF's own calls, nothing else on the page. */
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
            line(document, c.issuer(), bold, 18);
            line(document, c.title(), bold, 40);
            line(document, "ขอมอบให้ไว้เพื่อแสดงว่า", regular, 18);
            line(document, c.holderName(), bold, 30);
            c.bodyLines().forEach(l -> line(document, l, regular, 18));
            line(document, c.programName(), bold, 22);
            line(document, c.cohortName(), regular, 18);
            line(document, "ให้ไว้ ณ วันที่ 26 พฤศจิกายน พ.ศ. 2563", regular, 18);
            document.close();
            return out.toByteArray();
        }

        private static void line(Document document, String text, BaseFont font, float size) {
            Paragraph paragraph = new Paragraph(size * 1.3f, text, new Font(font, size));
            paragraph.setAlignment(Element.ALIGN_CENTER);
            document.add(paragraph);
        }
    }
}
