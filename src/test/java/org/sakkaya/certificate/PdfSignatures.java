package org.sakkaya.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;

/** Checks a PDF's signature the way a validator does, for the unit and the integration tests. */
final class PdfSignatures {
    /** What was signed, the CMS, its signer and its signer's certificate. */
    record Signed(byte[] signedBytes, CMSSignedData cms, SignerInformation signer, X509CertificateHolder certificate) {
        boolean validates() throws Exception {
            try {
                return signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(certificate));
            } catch (org.bouncycastle.cms.CMSSignerDigestMismatchException e) {
                return false;
            }
        }
    }

    private PdfSignatures() {
    }

    /** The one signature of {@code pdf}, asserting that it covers the whole file and validates; answers the signer's subject. */
    static String validSigner(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            List<PDSignature> signatures = document.getSignatureDictionaries();
            assertThat(signatures).hasSize(1);
            PDSignature signature = signatures.get(0);
            assertThat(signature.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            int[] range = signature.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).as("the byte range reaches the end of the file").isEqualTo(pdf.length);
            Signed signed = of(signature.getSignedContent(pdf), signature.getContents(pdf));
            assertThat(signed.validates()).as("the signature validates").isTrue();
            return signed.certificate().getSubject().toString();
        }
    }

    /** /Contents is zero-padded to the room kept for it; a validator reads the one DER object at its start. */
    static Signed of(byte[] signedBytes, byte[] contents) throws Exception {
        CMSSignedData cms;
        try (ASN1InputStream in = new ASN1InputStream(contents)) {
            cms = new CMSSignedData(new CMSProcessableByteArray(signedBytes), ContentInfo.getInstance(in.readObject()));
        }
        SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
        X509CertificateHolder certificate = (X509CertificateHolder) cms.getCertificates().getMatches(signer.getSID()).iterator().next();
        return new Signed(signedBytes, cms, signer, certificate);
    }
}
