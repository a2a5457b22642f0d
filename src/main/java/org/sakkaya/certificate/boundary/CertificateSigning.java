package org.sakkaya.certificate.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.certificate.control.PadesSigner;
import org.sakkaya.platform.problem.NotConfigured;

/**
 * The certificate-signing key from configuration: a PKCS#12 (or JKS) store, its password given directly or, better,
 * in a file readable only by the service. Without it certificates are not issued (503 problem naming the setting),
 * while verification of those already issued goes on working. The run command generates a self-signed key.
 */
@ApplicationScoped
public class CertificateSigning {
    static final String KEY_STORE = "sakkaya.certificates.signing.key-store";
    private static final Logger LOG = Logger.getLogger(CertificateSigning.class.getName());

    @Inject
    @ConfigProperty(name = KEY_STORE)
    Optional<String> keyStore;

    @Inject
    @ConfigProperty(name = "sakkaya.certificates.signing.password-file")
    Optional<String> passwordFile;

    @Inject
    @ConfigProperty(name = "sakkaya.certificates.signing.password")
    Optional<String> password;

    @Inject
    @ConfigProperty(name = "sakkaya.certificates.signing.alias")
    Optional<String> alias;

    @Inject
    @ConfigProperty(name = "sakkaya.certificates.signing.location", defaultValue = "Thailand")
    String location;

    private PadesSigner signer;

    /** Reads the key when the application starts, so a wrong path or password stops the start with a clear message. */
    void onStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // loading happens in @PostConstruct
    }

    @PostConstruct
    void load() {
        if (keyStore.isEmpty() || keyStore.get().isBlank()) {
            LOG.warning(() -> "No certificate signing key (" + KEY_STORE + "): certificates cannot be issued until one is configured");
            return;
        }
        signer = PadesSigner.fromKeyStore(Path.of(keyStore.get()), password().toCharArray(), alias.orElse(null));
        LOG.info(() -> "Certificates are signed by " + signer.signerName());
    }

    private String password() {
        if (passwordFile.isPresent() && !passwordFile.get().isBlank()) {
            try {
                return Files.readString(Path.of(passwordFile.get()), StandardCharsets.UTF_8).strip();
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot read the certificate signing password file " + passwordFile.get(), e);
            }
        }
        return password.orElse("");
    }

    /** The signed copy of a rendered certificate; refuses (503) when this installation has no key. */
    public byte[] sign(byte[] pdf, Instant at, String reason) {
        return signer().sign(pdf, at, reason, location);
    }

    /** Who signs (the signer certificate's subject), for the verification page. */
    public String signerName() {
        return signer().signerName();
    }

    /** Fails early, before anything is rendered, when there is no key. */
    public void require() {
        signer();
    }

    private PadesSigner signer() {
        if (signer == null) {
            throw new NotConfigured("Certificate signing", KEY_STORE);
        }
        return signer;
    }
}
