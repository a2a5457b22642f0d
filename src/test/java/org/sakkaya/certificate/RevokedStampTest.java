package org.sakkaya.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.PadesSigner;
import org.sakkaya.certificate.control.RevokedStamp;
import org.sakkaya.certificate.control.Serials;

/** The revoked copy read back as a holder's reader would read it: the stamp's words, dates and replacement, on every page. */
class RevokedStampTest {
    @TempDir
    static Path keys;

    static PadesSigner signer;

    @BeforeAll
    static void key() throws Exception {
        signer = TestSigner.in(keys);
    }

    private static byte[] signedCertificate(String holder) {
        String serial = Serials.next();
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Content("กรมอนามัย", "วุฒิบัตร", holder,
                List.of("ได้ผ่านการอบรมและผ่านเกณฑ์การประเมินผล หลักสูตร"), "นักวิทยาการข้อมูล (Data Scientist)", "รุ่นที่ 1",
                LocalDate.of(2020, 11, 26), serial, "https://sakkaya.example.go.th/verify/" + serial, List.of(),
                java.awt.Color.BLUE));
        return signer.sign(pdf, Instant.parse("2020-11-26T03:00:00Z"), "วุฒิบัตร นักวิทยาการข้อมูล", "Thailand");
    }

    @Test
    void theStampSaysRevokedInThaiAndEnglishWithTheBuddhistEraDateAndTheReplacement() throws Exception {
        String replacement = Serials.next();
        for (String holder : CertificatePdfTest.GLOSSARY_NAMES) {
            byte[] issued = signedCertificate(holder);
            byte[] copy = issued.clone();
            byte[] stamped = RevokedStamp.stamp(issued, LocalDate.of(2021, 2, 14), replacement);
            assertThat(issued).as("the issued bytes are left as they were").isEqualTo(copy);
            try (PDDocument document = Loader.loadPDF(stamped)) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains("ถูกเพิกถอน / REVOKED", "เพิกถอนเมื่อวันที่ 14 กุมภาพันธ์ พ.ศ. 2564",
                        "Revoked on 14 February 2021", "ออกฉบับใหม่แทนแล้ว เลขที่ " + Serials.grouped(replacement),
                        "Replaced by certificate " + Serials.grouped(replacement))
                        // the certificate is still there under the band
                        .contains(holder, "ให้ไว้ ณ วันที่ 26 พฤศจิกายน พ.ศ. 2563");
                // no signature left that a viewer would report broken, nor its value in the file
                assertThat(document.getSignatureDictionaries()).isEmpty();
                PDPage page = document.getPage(0);
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).isTrue();
                    assertThat(font.getName()).contains("Laksaman");
                }
            }
            assertThat(new String(stamped, StandardCharsets.ISO_8859_1)).doesNotContain("ETSI.CAdES.detached");
        }
    }

    @Test
    void aRevokedCertificateNotReplacedSaysNoReplacement() throws Exception {
        byte[] stamped = RevokedStamp.stamp(signedCertificate("นายปิติพัฒน์ ธีระวุฒิ"), LocalDate.of(2020, 12, 1), null);
        try (PDDocument document = Loader.loadPDF(stamped)) {
            assertThat(new PDFTextStripper().getText(document)).contains("ถูกเพิกถอน / REVOKED",
                    "เพิกถอนเมื่อวันที่ 1 ธันวาคม พ.ศ. 2563", "Revoked on 1 December 2020").doesNotContain("ฉบับใหม่", "Replaced");
        }
    }

    @Test
    void everyPageIsStamped() throws Exception {
        // certificates are one page today; a stamp that only covered the first would leave the rest of a longer one clean
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        com.lowagie.text.Document two = new com.lowagie.text.Document(com.lowagie.text.PageSize.A4);
        com.lowagie.text.pdf.PdfWriter.getInstance(two, out);
        two.open();
        two.add(new com.lowagie.text.Paragraph("one"));
        two.newPage();
        two.add(new com.lowagie.text.Paragraph("two"));
        two.close();
        byte[] stamped = RevokedStamp.stamp(out.toByteArray(), LocalDate.of(2020, 12, 1), null);
        try (PDDocument document = Loader.loadPDF(stamped)) {
            assertThat(document.getNumberOfPages()).isEqualTo(2);
            for (int page = 1; page <= 2; page++) {
                PDFTextStripper stripper = new PDFTextStripper();
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                assertThat(stripper.getText(document)).contains("ถูกเพิกถอน / REVOKED", "เพิกถอนเมื่อวันที่ 1 ธันวาคม พ.ศ. 2563");
            }
        }
    }
}
