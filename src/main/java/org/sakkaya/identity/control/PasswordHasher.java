package org.sakkaya.identity.control;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.platform.ThaiText;

/**
 * bcrypt with a per-password salt and a configurable cost. bcrypt reads at most 72 bytes, which is 24 Thai
 * characters in UTF-8, so longer passwords are first reduced with SHA-512 rather than silently cut. A password is
 * hashed in one Thai spelling ({@link ThaiText#canonical}): ำ typed as ํ + า on another keyboard, or a tone mark typed
 * before its vowel, is the same password.
 */
@ApplicationScoped
public class PasswordHasher {
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2B;

    private final BCrypt.Hasher hasher = BCrypt.with(VERSION, LongPasswordStrategies.hashSha512(VERSION));
    private final BCrypt.Verifyer verifier = BCrypt.verifyer(VERSION, LongPasswordStrategies.hashSha512(VERSION));

    @Inject
    @ConfigProperty(name = "sakkaya.password.bcrypt-cost", defaultValue = "12")
    int cost;

    /** Verified against when the account does not exist, so that the answer takes as long as for a real one. */
    private String decoy;

    @PostConstruct
    void prepareDecoy() {
        decoy = hash("decoy password that matches nothing");
    }

    public String hash(String password) {
        return hasher.hashToString(cost, ThaiText.canonical(password).toCharArray());
    }

    public boolean matches(String password, String hash) {
        if (password == null || hash == null) {
            // as many checks as a real account would take, or the time would tell which e-mails have one
            verifier.verify("x".getBytes(StandardCharsets.UTF_8), decoy.getBytes(StandardCharsets.UTF_8));
            if (password != null) {
                for (int extra = spellings(password).size() - 1; extra > 0; extra--) {
                    verifier.verify("x".getBytes(StandardCharsets.UTF_8), decoy.getBytes(StandardCharsets.UTF_8));
                }
            }
            return false;
        }
        return spellings(password).stream().anyMatch(spelling -> verified(spelling, hash));
    }

    /**
     * The spellings a password may have been hashed in, newest first: the one spelling of today; the one spelling
     * until 2026-11-27 (before sara am split around a tone mark joined it); and as typed, for a password set before
     * passwords were hashed in one spelling. Only a password that has other spellings costs more than one check.
     */
    private static java.util.List<String> spellings(String password) {
        return new java.util.LinkedHashSet<>(java.util.List.of(ThaiText.canonical(password),
                ThaiText.canonicalBefore20261127(password), password)).stream().toList();
    }

    private boolean verified(String password, String hash) {
        return verifier.verify(password.getBytes(StandardCharsets.UTF_8), hash.getBytes(StandardCharsets.UTF_8)).verified;
    }
}
