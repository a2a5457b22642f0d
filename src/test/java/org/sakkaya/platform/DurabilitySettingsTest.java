package org.sakkaya.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sakkaya.platform.startup.DurabilitySettings;

/** Which MariaDB settings lose acknowledged commits in a crash, so that start-up warns about them. */
class DurabilitySettingsTest {
    @Test
    void flushingTheRedoLogAtEveryCommitIsDurable() {
        assertThat(new DurabilitySettings(1, false, 0).weaknesses()).isEmpty();
        assertThat(new DurabilitySettings(1, true, 1).durable()).isTrue();
    }

    @Test
    void flushingOncePerSecondOrLeavingItToTheOsIsWeaker() {
        assertThat(new DurabilitySettings(0, false, 0).weaknesses()).singleElement().asString()
                .contains("innodb_flush_log_at_trx_commit=0");
        assertThat(new DurabilitySettings(2, false, 0).durable()).isFalse();
    }

    @Test
    void anUnsyncedBinaryLogIsWeakerOnlyWhenTheBinaryLogIsOn() {
        assertThat(new DurabilitySettings(1, true, 0).weaknesses()).singleElement().asString().contains("sync_binlog=0");
        assertThat(new DurabilitySettings(1, false, 0).durable()).isTrue();
        assertThat(new DurabilitySettings(2, true, 100).weaknesses()).hasSize(2);
    }
}
