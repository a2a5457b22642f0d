package org.sakkaya.workshop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sakkaya.workshop.control.CheckInCodes;
import org.sakkaya.workshop.control.CheckInCodes.Verdict;

class CheckInCodesTest {
    static final String SESSION = "0174e1e3-3d00-7010-8000-000000000001";
    static final Instant ISSUED = Instant.parse("2023-09-26T01:55:00Z");
    static final Instant EXPIRES = Instant.parse("2023-09-26T02:00:00Z");

    @Test
    void codesAreSixCharactersWithoutLookAlikes() {
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 2000; i++) {
            String code = CheckInCodes.generate();
            assertThat(code).hasSize(6).matches("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}");
            codes.add(code);
        }
        assertThat(CheckInCodes.ALPHABET).doesNotContain("0", "O", "1", "I", "L");
        // 2000 draws from 887 million codes: a repeat would mean the generator is not random
        assertThat(codes).hasSizeGreaterThan(1995);
    }

    @Test
    void theCurrentCodeIsAcceptedUntilItExpires() {
        String hash = CheckInCodes.hash(SESSION, "K7M3QX");
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, "K7M3QX", ISSUED)).isEqualTo(Verdict.ACCEPTED);
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, "K7M3QX", EXPIRES.minusNanos(1000))).isEqualTo(Verdict.ACCEPTED);
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, "K7M3QX", EXPIRES)).isEqualTo(Verdict.EXPIRED);
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, "K7M3QX", EXPIRES.plusSeconds(60))).isEqualTo(Verdict.EXPIRED);
    }

    @Test
    void typingIsForgivingAboutCaseSpacesAndDashes() {
        String hash = CheckInCodes.hash(SESSION, "K7M3QX");
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, " k7m-3qx ", ISSUED)).isEqualTo(Verdict.ACCEPTED);
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, "K7M 3QX", ISSUED)).isEqualTo(Verdict.ACCEPTED);
    }

    @Test
    void anotherCodeAnotherSessionsCodeOrNoCodeIsWrong() {
        String hash = CheckInCodes.hash(SESSION, "K7M3QX");
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, "K7M3QY", ISSUED)).isEqualTo(Verdict.WRONG);
        assertThat(CheckInCodes.verify(hash, EXPIRES, SESSION, "", ISSUED)).isEqualTo(Verdict.WRONG);
        String otherSession = "0174e1e3-3d00-7010-8000-000000000002";
        assertThat(CheckInCodes.verify(CheckInCodes.hash(otherSession, "K7M3QX"), EXPIRES, SESSION, "K7M3QX", ISSUED))
                .isEqualTo(Verdict.WRONG);
        assertThat(CheckInCodes.verify(null, null, SESSION, "K7M3QX", ISSUED)).isEqualTo(Verdict.WRONG);
    }

    @Test
    void theStoredHashRevealsNeitherTheCodeNorThatTwoSessionsShareOne() {
        String hash = CheckInCodes.hash(SESSION, "K7M3QX");
        assertThat(hash).hasSize(64).doesNotContain("K7M3QX");
        assertThat(CheckInCodes.hash("0174e1e3-3d00-7010-8000-000000000002", "K7M3QX")).isNotEqualTo(hash);
    }
}
