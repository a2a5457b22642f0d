package org.sakkaya.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** ลำปาง with sara am as one character, as most keyboards type it. */
    private static final String COMPOSED = "รหัสลำปาง-2569";
    /** The same word with nikhahit and sara aa, as some phone keyboards type it. */
    private static final String DECOMPOSED = "รหัสล\u0E4D\u0E32ปาง-2569";

    private final PasswordHasher hasher = new PasswordHasher();

    @BeforeEach
    void setUp() {
        hasher.cost = 4;
        hasher.prepareDecoy();
    }

    @Test
    void aThaiPasswordTypedOnAnotherKeyboardIsTheSamePassword() {
        assertThat(COMPOSED).isNotEqualTo(DECOMPOSED);
        assertThat(hasher.matches(DECOMPOSED, hasher.hash(COMPOSED))).isTrue();
        assertThat(hasher.matches(COMPOSED, hasher.hash(DECOMPOSED))).isTrue();
        // a tone mark typed before its vowel: ที่ as ท + ่ + ี
        assertThat(hasher.matches("ท\u0E48\u0E35-Sakkaya-2569", hasher.hash("ท\u0E35\u0E48-Sakkaya-2569"))).isTrue();
    }

    @Test
    void aPasswordHashedAsTypedBeforeStillSignsInAndWrongOnesStayWrong() {
        BCrypt.Version version = BCrypt.Version.VERSION_2B;
        String typedBefore = BCrypt.with(version, LongPasswordStrategies.hashSha512(version)).hashToString(4, DECOMPOSED.toCharArray());
        assertThat(hasher.matches(DECOMPOSED, typedBefore)).isTrue();
        assertThat(hasher.matches("รหัสลำปาง-2568", hasher.hash(COMPOSED))).isFalse();
        // case and spaces are part of a password
        assertThat(hasher.matches("Sakkaya-Demo-2563", hasher.hash("sakkaya-demo-2563"))).isFalse();
        assertThat(hasher.matches(" " + COMPOSED, hasher.hash(COMPOSED))).isFalse();
        assertThat(hasher.matches(null, hasher.hash(COMPOSED))).isFalse();
    }

    @Test
    void aPasswordHashedInTheSpellingBeforeSaraAmAroundAToneMarkJoinedStillSignsIn() {
        // น ํ ้ า (sara am split around its tone mark) and a tone mark before its vowel (ท ่ ี): until 2026-11-27 the
        // one spelling joined only the second, and the password was hashed as น ํ ้ า ท ี ่
        String typed = "น\u0E4D\u0E49\u0E32ท\u0E48\u0E35-2569";
        BCrypt.Version version = BCrypt.Version.VERSION_2B;
        String hashedBefore = BCrypt.with(version, LongPasswordStrategies.hashSha512(version))
                .hashToString(4, "น\u0E4D\u0E49\u0E32ท\u0E35\u0E48-2569".toCharArray());
        assertThat(hasher.matches(typed, hashedBefore)).isTrue();
        // and today's spelling of it, น ้ ำ, is the same password
        assertThat(hasher.matches("น\u0E49\u0E33ที\u0E48-2569", hasher.hash(typed))).isTrue();
    }
}
