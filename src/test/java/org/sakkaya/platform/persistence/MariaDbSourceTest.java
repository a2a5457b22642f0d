package org.sakkaya.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MariaDbSourceTest {
    @Test
    void anEmptySettingThatPayaraLeftAsItsPlaceholderIsAnEmptyPassword() {
        assertThat(MariaDbSource.expanded("${MPCONFIG=db.password}")).isEmpty();
        assertThat(MariaDbSource.expanded("")).isEmpty();
    }

    @Test
    void realCredentialsPassUnchanged() {
        assertThat(MariaDbSource.expanded("Ops-Pass-2569")).isEqualTo("Ops-Pass-2569");
        assertThat(MariaDbSource.expanded("pa${ss}")).isEqualTo("pa${ss}");
        assertThat(MariaDbSource.expanded("sakkaya")).isEqualTo("sakkaya");
        assertThat(MariaDbSource.expanded(null)).isNull();
    }
}
