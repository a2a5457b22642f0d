package org.sakkaya.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.Serials;

/** The certificate PDF checked as a reader would check it: the text copied out, the fonts, the page, the QR code. */
class CertificatePdfTest {
    static final List<String> GLOSSARY_NAMES = List.of("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "นายปิติพัฒน์ ธีระวุฒิ",
            "ดร.ฤทัยรัตน์ ภู่ผึ้ง", "นพ.ศุภฤกษ์ ณ สงขลา", "นางพรรณี เลิศฤทธิ์", "ว่าที่ร้อยตรีธนพล ใจเย็น");

    private static CertificatePdf.Content content(String holder, String serial) {
        return new CertificatePdf.Content("กรมอนามัย กระทรวงสาธารณสุข", "วุฒิบัตร", holder,
                List.of("ได้ผ่านการอบรมและผ่านเกณฑ์การประเมินผล หลักสูตร"), "นักวิทยาการข้อมูล (Data Scientist)",
                "รุ่นที่ 1 ระหว่างวันที่ 23-26 พฤศจิกายน พ.ศ. 2563", LocalDate.of(2020, 11, 26), serial,
                "https://sakkaya.example.go.th/verify/" + serial,
                List.of(new CertificatePdf.Signatory("นายแพทย์ธีรพงศ์ อินทรสุวรรณ", "รองอธิบดีกรมอนามัย")),
                new Color(0x1f, 0x4e, 0x79));
    }

    @Test
    void everyGlossaryNameAndTheThaiDateComeBackExactly() throws Exception {
        for (String name : GLOSSARY_NAMES) {
            byte[] pdf = CertificatePdf.render(content(name, Serials.next()));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                String text = new PDFTextStripper().getText(document);
                assertThat(text).contains(name)
                        .contains("ให้ไว้ ณ วันที่ 26 พฤศจิกายน พ.ศ. 2563")
                        .contains("วุฒิบัตร")
                        .contains("รองอธิบดีกรมอนามัย");
            }
        }
    }

    @Test
    void itIsOneLandscapePageWithItsFontsEmbedded() throws Exception {
        byte[] pdf = CertificatePdf.render(content(GLOSSARY_NAMES.get(0), Serials.next()));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            PDPage page = document.getPage(0);
            assertThat(page.getMediaBox().getWidth()).isGreaterThan(page.getMediaBox().getHeight());
            List<PDFont> fonts = new ArrayList<>();
            for (var name : page.getResources().getFontNames()) {
                fonts.add(page.getResources().getFont(name));
            }
            assertThat(fonts).isNotEmpty().allMatch(PDFont::isEmbedded);
            assertThat(fonts).extracting(PDFont::getName).allMatch(n -> n.contains("Laksaman"));
        }
    }

    @Test
    void theQrCodeLeadsToTheVerificationPageAndTheSerialIsPrinted() throws Exception {
        String serial = Serials.next();
        byte[] pdf = CertificatePdf.render(content(GLOSSARY_NAMES.get(2), serial));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            BufferedImage image = new PDFRenderer(document).renderImageWithDPI(0, 150);
            String decoded = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
                    .getText();
            assertThat(decoded).isEqualTo("https://sakkaya.example.go.th/verify/" + serial);
            assertThat(new PDFTextStripper().getText(document)).contains(Serials.grouped(serial));
        }
    }
}
