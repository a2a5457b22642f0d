package org.sakkaya.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sakkaya.identity.control.PasswordPolicy;

class PasswordPolicyTest {
    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(PasswordPolicy.check("Sakkaya-Demo-2563", "someone@example.org")).isEmpty();
    }

    @Test
    void aPasswordReadFromTextThatWasNotUtf8IsRefused() {
        // P\u00e4sswort sent in Latin-1 and read as UTF-8: the \u00e4 is gone for good
        assertThat(PasswordPolicy.check("P\uFFFDsswort-Sicher-2569", "someone@example.org"))
                .hasValueSatisfying(m -> assertThat(m).contains("not UTF-8"));
        assertThat(PasswordPolicy.check("P\u00e4sswort-Sicher-2569", "someone@example.org")).isEmpty();
    }

    @Test
    void thaiPasswordsCountCharactersNotBytes() {
        assertThat(PasswordPolicy.check("รหัสผ่านยาวพอ", "someone@example.org")).isEmpty();
        assertThat(PasswordPolicy.check("กขคงจ", "someone@example.org")).hasValueSatisfying(m -> assertThat(m).contains("at least 10"));
    }

    @Test
    void shortLongCommonRepetitiveAndOwnEmailPasswordsAreRefused() {
        assertThat(PasswordPolicy.check("short", null)).isPresent();
        assertThat(PasswordPolicy.check("x".repeat(129), null)).isPresent();
        assertThat(PasswordPolicy.check("Password123", null)).hasValueSatisfying(m -> assertThat(m).contains("common"));
        assertThat(PasswordPolicy.check("abababababab", null)).hasValueSatisfying(m -> assertThat(m).contains("few"));
        assertThat(PasswordPolicy.check("somchai.j-2563!", "somchai.j@example.org")).hasValueSatisfying(m -> assertThat(m).contains("e-mail"));
        assertThat(PasswordPolicy.check("", null)).isPresent();
        assertThat(PasswordPolicy.check(null, null)).isPresent();
    }
}
