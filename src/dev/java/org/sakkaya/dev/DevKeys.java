package org.sakkaya.dev;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;

/**
 * The token-signing key pair of the demo profile and the tests: generated once into a data folder (never into the
 * repository). Production configures its own key with sakkaya.jwt.signing-key.location.
 */
public final class DevKeys {
    public static final String PRIVATE = "jwt-signing.pem";
    public static final String PUBLIC = "jwt-verify.pem";

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
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            Files.writeString(privateKey, pem("PRIVATE KEY", pair.getPrivate().getEncoded()), StandardCharsets.US_ASCII);
            try {
                Files.setPosixFilePermissions(privateKey, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: the folder's own permissions have to do
            }
            Files.writeString(publicKey, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
            return folder;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not create the token keys in " + folder, e);
        }
    }

    private static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }
}
