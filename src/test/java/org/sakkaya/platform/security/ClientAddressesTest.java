package org.sakkaya.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ClientAddressesTest {
    @Test
    void blocksHoldTheAddressesTheirPrefixCovers() {
        ClientAddresses.Block tenSlash8 = ClientAddresses.Block.parse("10.0.0.0/8");
        assertThat(tenSlash8.contains(ClientAddresses.parse("10.200.3.4"))).isTrue();
        assertThat(tenSlash8.contains(ClientAddresses.parse("11.0.0.1"))).isFalse();
        ClientAddresses.Block one = ClientAddresses.Block.parse("192.0.2.10");
        assertThat(one.contains(ClientAddresses.parse("192.0.2.10"))).isTrue();
        assertThat(one.contains(ClientAddresses.parse("192.0.2.11"))).isFalse();
        ClientAddresses.Block v6 = ClientAddresses.Block.parse("2001:db8::/32");
        assertThat(v6.contains(ClientAddresses.parse("2001:db8:ffff::1"))).isTrue();
        assertThat(v6.contains(ClientAddresses.parse("2001:db9::1"))).isFalse();
        // an IPv4 address is never in an IPv6 block, nor the other way round
        assertThat(v6.contains(ClientAddresses.parse("10.0.0.1"))).isFalse();
        assertThat(ClientAddresses.Block.parse("0.0.0.0/0").contains(ClientAddresses.parse("203.0.113.9"))).isTrue();
    }

    @Test
    void onlyPlainAddressesAreReadAndNothingIsLookedUp() {
        assertThat(ClientAddresses.parse("203.0.113.7")).isNotNull();
        assertThat(ClientAddresses.parse("::1")).isNotNull();
        assertThat(ClientAddresses.parse("localhost")).isNull();
        assertThat(ClientAddresses.parse("evil.example.org")).isNull();
        assertThat(ClientAddresses.parse("203.0.113.7:8080")).isNull();
        // octets out of range and colon-only junk would otherwise be looked up as host names
        assertThat(ClientAddresses.parse("999.1.1.1")).isNull();
        assertThat(ClientAddresses.parse("10.0.0.256")).isNull();
        assertThat(ClientAddresses.parse(".:")).isNull();
        assertThat(ClientAddresses.parse("")).isNull();
        assertThat(ClientAddresses.parse(null)).isNull();
    }

    @Test
    void aMistypedProxyIsRefusedWithItsSettingNamed() {
        assertThatThrownBy(() -> ClientAddresses.Block.parse("proxy.internal")).hasMessageContaining("sakkaya.http.trusted-proxies");
        assertThatThrownBy(() -> ClientAddresses.Block.parse("10.0.0.0/33")).hasMessageContaining("prefix");
        assertThatThrownBy(() -> ClientAddresses.Block.parse("10.0.0.0/x")).hasMessageContaining("prefix");
    }

    @Test
    void hopsWrittenWithAPortAreReadWithoutIt() {
        assertThat(ClientAddresses.withoutPort("203.0.113.7:5123")).isEqualTo("203.0.113.7");
        assertThat(ClientAddresses.withoutPort("[2001:db8::1]:443")).isEqualTo("2001:db8::1");
        assertThat(ClientAddresses.withoutPort("[2001:db8::1]")).isEqualTo("2001:db8::1");
        assertThat(ClientAddresses.withoutPort("2001:db8::1")).isEqualTo("2001:db8::1");
        assertThat(ClientAddresses.withoutPort("evil.example.org:80")).isEqualTo("evil.example.org:80");
        assertThat(ClientAddresses.parse(ClientAddresses.withoutPort("203.0.113.7:5123"))).isNotNull();
    }

    @Test
    void anIpv6ClientIsCountedByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(ClientAddresses.countingBlock("2001:db8:1:2:aaaa::1")).isEqualTo(ClientAddresses.countingBlock("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(ClientAddresses.countingBlock("2001:db8:1:3::1")).isNotEqualTo(ClientAddresses.countingBlock("2001:db8:1:2::1"));
        assertThat(ClientAddresses.countingBlock("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
