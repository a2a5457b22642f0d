package org.sakkaya.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sakkaya.dev.DevKeys;

class TokenIssuerTest {
    @TempDir
    Path keys;

    @Test
    void aTokenCarriesWhoRolesOrganisationAndGenerationAndExpiresAfterItsLifetime() throws Exception {
        DevKeys.ensure(keys);
        TokenIssuer issuer = new TokenIssuer();
        issuer.signingKeyLocation = keys.resolve(DevKeys.PRIVATE).toUri().toString();
        issuer.issuer = "urn:sakkaya";
        issuer.lifetimeSeconds = 1800;
        issuer.clock = Clock.fixed(Instant.parse("2020-11-23T02:00:00Z"), ZoneOffset.UTC);
        issuer.loadKey();

        TokenIssuer.IssuedToken token = issuer.issue("person-1", "trainee@example.org", "org-1", List.of("TRAINEE"), 3);

        SignedJWT jwt = SignedJWT.parse(token.value());
        assertThat(jwt.verify(new RSASSAVerifier(publicKey()))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo("person-1");
        assertThat(claims.getStringListClaim("groups")).containsExactly("TRAINEE");
        assertThat(claims.getStringClaim("org")).isEqualTo("org-1");
        assertThat(claims.getIntegerClaim(TokenIssuer.GENERATION_CLAIM)).isEqualTo(3);
        assertThat(claims.getIssuer()).isEqualTo("urn:sakkaya");
        assertThat(claims.getExpirationTime().toInstant()).isEqualTo(Instant.parse("2020-11-23T02:30:00Z"));
        assertThat(token.expiresInSeconds()).isEqualTo(1800);
    }

    @Test
    void aMissingKeyStopsTheStartWithAClearMessage() {
        TokenIssuer issuer = new TokenIssuer();
        issuer.signingKeyLocation = keys.resolve("missing.pem").toUri().toString();
        org.assertj.core.api.Assertions.assertThatThrownBy(issuer::loadKey)
                .hasMessageContaining("Cannot read the token-signing key");
    }

    private RSAPublicKey publicKey() throws Exception {
        String pem = Files.readString(keys.resolve(DevKeys.PUBLIC)).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return (RSAPublicKey) KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(pem)));
    }
}
