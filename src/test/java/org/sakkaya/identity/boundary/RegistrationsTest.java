package org.sakkaya.identity.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RegistrationsTest {
    @Test
    void anIpv6ClientIsCountedByItsSlash64AndAnIpv4ClientByItsAddress() {
        assertThat(Registrations.clientBlock("2001:db8:1:2:aaaa::1")).isEqualTo(Registrations.clientBlock("2001:db8:1:2:ffff:1:2:3"))
                .isEqualTo("2001:0db8:0001:0002::/64");
        assertThat(Registrations.clientBlock("2001:db8:1:3::1")).isNotEqualTo(Registrations.clientBlock("2001:db8:1:2::1"));
        assertThat(Registrations.clientBlock("203.0.113.7")).isEqualTo("203.0.113.7");
    }
}
