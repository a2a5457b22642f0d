package org.sakkaya.program.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NominationAddressesTest {

    @Test
    void addressesAsOrganisationsGiveThemPassThaiDomainsIncluded() {
        assertThat(Nominations.plainAddress("malee.s@anamai.moph.go.th")).isTrue();
        assertThat(Nominations.plainAddress("Somchai_J-2563@DOH.GO.TH")).isTrue();
        assertThat(Nominations.plainAddress("somchai@กรมอนามัย.ไทย")).isTrue();
        assertThat(Nominations.plainAddress("somchai@xn--12c1bik6bbd8ab6hd1b5jc6jta.xn--o3cw4h")).isTrue();
    }

    @Test
    void lookAlikeAddressesAreRefusedWhereverTheInvisibleOrWideCharacterIs() {
        for (String lookAlike : new String[]{"som\u00A0chai@example.org", "som\u200Bchai@example.org", "ｓｏｍｃｈａｉ@example.org",
                "somchai@exa\u200Bmple.org", "somchai@ｅｘａｍｐｌｅ.org", "somchai@example\u3002org", "somchai@example.org\u034F",
                "somchai@example.org\uFE0F", "somchai@\u3164example.org", "somchai@exam ple.org", "สมชาย@example.org"}) {
            assertThat(Nominations.plainAddress(lookAlike)).as(lookAlike).isFalse();
        }
    }
}
