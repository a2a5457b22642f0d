package org.sakkaya.identity.control;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs access tokens (RS256) that MicroProfile JWT verifies with the matching public key
 * ({@code mp.jwt.verify.publickey.location}). The private key is never in the repository: its location is a
 * required setting, and only the run command's demo profile generates one into its data folder.
 */
@ApplicationScoped
public class TokenIssuer {
    /** The account's token generation the token was issued in ({@link TokenRevocations}). */
    public static final String GENERATION_CLAIM = "gen";

    @Inject
    @ConfigProperty(name = "sakkaya.jwt.signing-key.location")
    String signingKeyLocation;

    @Inject
    @ConfigProperty(name = "mp.jwt.verify.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "sakkaya.jwt.lifetime-seconds", defaultValue = "3600")
    long lifetimeSeconds;

    @Inject
    Clock clock;

    private RSASSASigner signer;

    @PostConstruct
    void loadKey() {
        signer = new RSASSASigner(readPrivateKey(signingKeyLocation));
    }

    /** A signed token; {@code groups} carries the roles, {@code org} the organisation, {@code gen} the generation. */
    public IssuedToken issue(String personId, String email, String organizationId, List<String> roles, int generation) {
        Instant now = clock.instant();
        Instant expires = now.plus(Duration.ofSeconds(lifetimeSeconds));
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .subject(personId)
                .claim("upn", email)
                .claim("groups", roles)
                .claim("org", organizationId)
                .claim(GENERATION_CLAIM, generation)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(expires))
                .jwtID(UUID.randomUUID().toString())
                .build();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).build(), claims);
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException("Could not sign a token", e);
        }
        return new IssuedToken(jwt.serialize(), lifetimeSeconds);
    }

    public record IssuedToken(String value, long expiresInSeconds) {
    }

    static PrivateKey readPrivateKey(String location) {
        try (InputStream in = open(location)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            if (!pem.contains("BEGIN PRIVATE KEY")) {
                throw new IllegalStateException("sakkaya.jwt.signing-key.location must hold a PKCS#8 PEM RSA key");
            }
            String base64 = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("Cannot read the token-signing key at " + location, e);
        }
    }

    private static InputStream open(String location) throws IOException {
        if (location.startsWith("classpath:")) {
            InputStream in = TokenIssuer.class.getClassLoader().getResourceAsStream(location.substring("classpath:".length()));
            if (in == null) {
                throw new IOException("no such resource");
            }
            return in;
        }
        URL url = location.contains(":/") ? URI.create(location).toURL() : java.nio.file.Path.of(location).toUri().toURL();
        return url.openStream();
    }
}
