package org.sakkaya.certificate;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.sakkaya.certificate.control.PadesSigner;
import org.sakkaya.dev.DevKeys;

/** A signer with a development signing key made in a test's folder, as the run command makes one. */
final class TestSigner {
    private TestSigner() {
    }

    static PadesSigner in(Path keys) throws Exception {
        Path store = DevKeys.ensureSigningStore(keys);
        String password = Files.readString(keys.resolve(DevKeys.SIGNING_PASSWORD), StandardCharsets.US_ASCII);
        return PadesSigner.fromKeyStore(store, password.toCharArray(), null);
    }
}
