package org.sakkaya.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.text.PDFTextStripper;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cms.SignerInformation;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakkaya.certificate.control.CertificatePdf;
import org.sakkaya.certificate.control.PadesSigner;
import org.sakkaya.certificate.control.Serials;

/**
 * The signature checked as a PDF validator checks it: the byte range covers the whole file but the signature, the
 * CMS verifies against the signer certificate it carries, its message digest is the digest of those bytes, it is a
 * PAdES signature (ETSI.CAdES.detached, signing-certificate-v2, no signing-time attribute), and an edit breaks it.
 */
class PadesSignerTest {
    @TempDir
    static Path keys;

    static PadesSigner signer;

    @BeforeAll
    static void key() throws Exception {
        signer = TestSigner.in(keys);
    }

    private static byte[] signedCertificate() {
        String serial = Serials.next();
        byte[] pdf = CertificatePdf.render(new CertificatePdf.Content("กรมอนามัย", "วุฒิบัตร", "ดร.ฤทัยรัตน์ ภู่ผึ้ง",
                List.of("ได้ผ่านการอบรมและผ่านเกณฑ์การประเมินผล หลักสูตร"), "นักวิทยาการข้อมูล (Data Scientist)", "รุ่นที่ 1",
                java.time.LocalDate.of(2020, 11, 26), serial, "https://sakkaya.example.go.th/verify/" + serial, List.of(),
                java.awt.Color.BLUE));
        return signer.sign(pdf, Instant.parse("2020-11-26T03:00:00Z"), "วุฒิบัตร นักวิทยาการข้อมูล", "Thailand");
    }

    @Test
    void theSignatureValidatesOverTheWholeFileAndIsPades() throws Exception {
        byte[] pdf = signedCertificate();
        assertThat(PdfSignatures.validSigner(pdf)).contains("CN=Sakkaya demo certificate signer");
        assertThat(pdf.length).as("a signed certificate stays small enough to mail and to ZIP by the thousand").isLessThan(50 * 1024);
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            byte[] signedBytes = signature.getSignedContent(pdf);
            SignerInformation info = PdfSignatures.of(signedBytes, signature.getContents(pdf)).signer();
            byte[] digest = ASN1OctetString.getInstance(info.getSignedAttributes().get(CMSAttributes.messageDigest)
                    .getAttrValues().getObjectAt(0)).getOctets();
            assertThat(digest).isEqualTo(MessageDigest.getInstance("SHA-256").digest(signedBytes));
            assertThat(info.getSignedAttributes().get(PKCSObjectIdentifiers.id_aa_signingCertificateV2)).isNotNull();
            assertThat(info.getSignedAttributes().get(CMSAttributes.signingTime)).as("PAdES keeps the time in /M").isNull();
            assertThat(signature.getSignDate().toInstant()).isEqualTo(Instant.parse("2020-11-26T03:00:00Z"));
            // signing left the Thai text as it was
            assertThat(new PDFTextStripper().getText(document)).contains("ดร.ฤทัยรัตน์ ภู่ผึ้ง", "26 พฤศจิกายน พ.ศ. 2563");
        }
        assertThat(signer.signerName()).contains("CN=Sakkaya demo certificate signer");
    }

    @Test
    void anEditedCopyNoLongerValidates() throws Exception {
        byte[] pdf = signedCertificate();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            PDSignature signature = document.getSignatureDictionaries().get(0);
            byte[] edited = signature.getSignedContent(pdf);
            // change one byte inside the signed range, as an edit of the title, name or date would
            int at = new String(edited, StandardCharsets.ISO_8859_1).indexOf("/Title");
            assertThat(at).isPositive();
            edited[at + 1] ^= 0x20;
            assertThat(PdfSignatures.of(edited, signature.getContents(pdf)).validates()).isFalse();
        }
    }
}
