package org.sakkaya.dev;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The token-signing key pair (and the certificate-signing key) of the demo profile and the tests: generated once into a data folder (never into the
 * repository). Production configures its own key with sakkaya.jwt.signing-key.location.
 */
public final class DevKeys {
    public static final String PRIVATE = "jwt-signing.pem";
    public static final String PUBLIC = "jwt-verify.pem";
    /** The demo's certificate-signing key with its self-signed certificate, and the store's password beside it. */
    public static final String SIGNING_STORE = "certificate-signing.p12";
    public static final String SIGNING_PASSWORD = "certificate-signing.password";

    private DevKeys() {
    }

    /** Makes the pair in {@code folder} unless it is there; answers the folder. */
    public static Path ensure(Path folder) {
        Path privateKey = folder.resolve(PRIVATE);
        Path publicKey = folder.resolve(PUBLIC);
        if (Files.exists(privateKey) && Files.exists(publicKey)) {
            return folder;
        }
        try {
            Files.createDirectories(folder);
            KeyPair pair = rsa2048();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            ownerOnly(privateKey);
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return folder;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the token keys in " + folder, e);
        }
    }

    /**
     * Makes a PKCS#12 store with an RSA key and a self-signed certificate for signing certificate PDFs, unless it is
     * in {@code folder}; its random password goes into a file beside it. Answers the store's path. A self-signed
     * signature proves integrity against this installation's published certificate, not identity to a PDF viewer:
     * production configures a key issued by the agency's CA (README, "Signing certificates").
     */
    public static Path ensureSigningStore(Path folder) {
        Path store = folder.resolve(SIGNING_STORE);
        Path passwordFile = folder.resolve(SIGNING_PASSWORD);
        if (Files.exists(store) && Files.exists(passwordFile)) {
            return store;
        }
        try {
            Files.createDirectories(folder);
            KeyPair pair = rsa2048();
            X500Name subject = new X500Name("CN=Sakkaya demo certificate signer (self-signed), O=Sakkaya, C=TH");
            Instant now = Instant.now();
            X509CertificateHolder holder = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()),
                    Date.from(now.minus(1, ChronoUnit.DAYS)), Date.from(now.plus(3650, ChronoUnit.DAYS)), subject, pair.getPublic())
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(holder);
            byte[] secret = new byte[16];
            new SecureRandom().nextBytes(secret);
            String password = HexFormat.of().formatHex(secret);
            KeyStore keyStore = KeyStore.getInstance("PKCS12");
            keyStore.load(null, null);
            keyStore.setKeyEntry("signer", pair.getPrivate(), password.toCharArray(), new Certificate[] {certificate});
            try (OutputStream out = Files.newOutputStream(store)) {
                keyStore.store(out, password.toCharArray());
            }
            Files.writeString(passwordFile, password, StandardCharsets.US_ASCII);
            ownerOnly(store);
            ownerOnly(passwordFile);
            return store;
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new IllegalStateException("Could not create the certificate signing key in " + folder, e);
        }
    }

    private static KeyPair rsa2048() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        return generator.generateKeyPair();
    }

    private static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException ignored) {
            // not a POSIX file system: the folder's own permissions have to do
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
