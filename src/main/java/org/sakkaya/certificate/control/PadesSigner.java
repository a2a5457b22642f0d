package org.sakkaya.certificate.control;

import com.lowagie.text.DocumentException;
import com.lowagie.text.pdf.PdfDate;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfSignature;
import com.lowagie.text.pdf.PdfSignatureAppearance;
import com.lowagie.text.pdf.PdfStamper;
import com.lowagie.text.pdf.PdfString;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collections;
import java.util.GregorianCalendar;
import java.util.List;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.sakkaya.platform.Bangkok;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.SignerInfoGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs a rendered certificate PDF the PAdES way (baseline B): an invisible signature field whose /Contents is a
 * detached CMS (SubFilter ETSI.CAdES.detached) over the byte ranges of the whole file, with the signing certificate
 * bound by an ESS signing-certificate-v2 attribute and the signing time in the signature dictionary (/M), not in the
 * CMS, as PAdES asks. The signature is an incremental update, so the rendered bytes stay as they were in front of
 * it. Any viewer that checks signatures (Acrobat, Foxit, pdfsig) reports a later edit as breaking it.
 */
public final class PadesSigner {

    private final PrivateKey key;
    private final List<X509Certificate> chain;
    private final String signatureAlgorithm;
    /** Room kept for the CMS in the file (written as hex, so twice this): the chain, the signature and attributes. */
    private final int reservedBytes;

    public PadesSigner(PrivateKey key, List<X509Certificate> chain) {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("A signing key needs its certificate");
        }
        this.key = key;
        this.chain = List.copyOf(chain);
        this.signatureAlgorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            default -> throw new IllegalArgumentException("Unsupported signing key algorithm " + key.getAlgorithm());
        };
        int chainBytes = 0;
        for (X509Certificate certificate : chain) {
            try {
                chainBytes += certificate.getEncoded().length;
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalArgumentException("Unreadable signing certificate", e);
            }
        }
        // a 4096-bit signature is 512 bytes; signed attributes and CMS structure stay under 1.5 KB
        this.reservedBytes = chainBytes + 2048;
    }

    /**
     * The key in a PKCS#12 (or JKS) key store; {@code alias} may be null when the store holds one key.
     *
     * @throws IllegalStateException naming the file when it cannot be read, so a wrong configuration is plain at start-up
     */
    public static PadesSigner fromKeyStore(Path file, char[] password, String alias) {
        try {
            // the type (PKCS#12, JKS) is recognised from the file
            KeyStore store = KeyStore.getInstance(file.toFile(), password);
            String name = alias;
            if (name == null || name.isBlank()) {
                name = Collections.list(store.aliases()).stream().filter(a -> isKey(store, a)).findFirst()
                        .orElseThrow(() -> new IllegalStateException("The key store " + file + " holds no private key"));
            }
            if (!(store.getKey(name, password) instanceof PrivateKey privateKey)) {
                throw new IllegalStateException("The key store " + file + " has no private key named " + name);
            }
            Certificate[] certificates = store.getCertificateChain(name);
            return new PadesSigner(privateKey, Arrays.stream(certificates).map(X509Certificate.class::cast).toList());
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the certificate signing key store " + file + ": " + e.getMessage(), e);
        }
    }

    private static boolean isKey(KeyStore store, String alias) {
        try {
            return store.isKeyEntry(alias);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** Who signs, as the signer certificate names it (its subject). */
    public String signerName() {
        X500Principal subject = chain.get(0).getSubjectX500Principal();
        return subject.getName(X500Principal.RFC2253);
    }

    /** The signed copy of {@code pdf}. */
    public byte[] sign(byte[] pdf, Instant signedAt, String reason, String location) {
        try {
            PdfReader reader = new PdfReader(pdf);
            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * reservedBytes + 4096);
            PdfStamper stamper = PdfStamper.createSignature(reader, out, '\0', null, true);
            PdfSignatureAppearance appearance = stamper.getSignatureAppearance();
            Calendar when = GregorianCalendar.from(ZonedDateTime.ofInstant(signedAt, Bangkok.ZONE));
            appearance.setSignDate(when);
            appearance.setReason(reason);
            appearance.setLocation(location);
            PdfSignature dictionary = new PdfSignature(PdfName.ADOBE_PPKLITE, new PdfName("ETSI.CAdES.detached"));
            dictionary.setDate(new PdfDate(when));
            dictionary.setReason(reason);
            dictionary.setLocation(location);
            appearance.setCryptoDictionary(dictionary);
            appearance.preClose(Map.of(PdfName.CONTENTS, 2 * reservedBytes + 2));
            byte[] cms;
            try (InputStream signed = appearance.getRangeStream()) {
                cms = cms(signed.readAllBytes());
            }
            if (cms.length > reservedBytes) {
                throw new IllegalStateException("The signature (" + cms.length + " bytes) does not fit the room kept for it");
            }
            PdfDictionary contents = new PdfDictionary();
            contents.put(PdfName.CONTENTS, new PdfString(Arrays.copyOf(cms, reservedBytes)).setHexWriting(true));
            appearance.close(contents);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException | GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IllegalStateException("Could not sign the certificate PDF", e);
        }
    }

    private byte[] cms(byte[] content) throws GeneralSecurityException, OperatorCreationException, CMSException, IOException {
        X509Certificate signer = chain.get(0);
        AttributeTable essAttributes = new AttributeTable(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {essCertId(signer)}))));
        DefaultSignedAttributeTableGenerator defaults = new DefaultSignedAttributeTableGenerator(essAttributes);
        // PAdES: the time of signing is /M of the signature dictionary; a signing-time attribute must not be there
        CMSAttributeTableGenerator signedAttributes = parameters -> defaults.getAttributes(parameters).remove(CMSAttributes.signingTime);
        SignerInfoGenerator signerInfo = new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setSignedAttributeGenerator(signedAttributes)
                .build(new JcaContentSignerBuilder(signatureAlgorithm).build(key), signer);
        CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
        generator.addSignerInfoGenerator(signerInfo);
        generator.addCertificates(new JcaCertStore(chain));
        return generator.generate(new CMSProcessableByteArray(content), false).getEncoded("DER");
    }

    private static ESSCertIDv2 essCertId(X509Certificate certificate) throws GeneralSecurityException {
        byte[] hash = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
        IssuerSerial issuerSerial = new IssuerSerial(new GeneralNames(new GeneralName(
                X500Name.getInstance(certificate.getIssuerX500Principal().getEncoded()))), certificate.getSerialNumber());
        return new ESSCertIDv2(hash, issuerSerial);
    }
}
