package org.sakkaya.identity.control;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EmailDomainsTest {
    @Test
    void aDomainIsKeptInOneSpellingWhateverItsCaseOrScript() {
        assertThat(EmailDomains.normalize(" Anamai.MOPH.go.th ")).contains("anamai.moph.go.th");
        // a Thai domain name and its ASCII form are one domain
        String thai = EmailDomains.normalize("กรมอนามัย.ไทย").orElseThrow();
        assertThat(thai).startsWith("xn--").endsWith(".xn--o3cw4h");
        assertThat(EmailDomains.normalize(thai)).contains(thai);
        // full-width letters, as a Thai keyboard's input method may type them
        assertThat(EmailDomains.normalize("ｍｏｐｈ.ｇｏ.ｔｈ")).contains("moph.go.th");
    }

    @Test
    void whatIsNotADomainIsRefusedWithAReason() {
        for (String bad : new String[] {"", "   ", "localhost", "moph", "10.0.0.1", "-moph.go.th", "moph-.go.th", "moph..go.th",
                "moph.go.th/evil", "moph go.th", "a".repeat(64) + ".go.th", "x@moph.go.th", "*.moph.go.th", "moph.go.th.",
                // characters that print as nothing, which IDNA would drop: one look, two domains
                "moph.go.th\u200b", "mo\u00adph.go.th",
                // an xn-- label that is not the ASCII form of a name, and one of a name that starts with a combining mark
                "xn--a.test", "\u0301abc.test"}) {
            assertThat(EmailDomains.normalize(bad)).as(bad).isEmpty();
            assertThat(EmailDomains.refusal(bad)).as(bad).contains("is not a domain name (such as anamai.moph.go.th)");
        }
        assertThat(EmailDomains.refusal(null)).isPresent();
    }

    @Test
    void aPublicMailServiceIsRefusedSinceAnyoneCanHaveAnAddressThere() {
        assertThat(EmailDomains.refusal("Gmail.com")).contains("is a public mail service where anyone can have an address");
        assertThat(EmailDomains.refusal("hotmail.co.th")).isPresent();
        assertThat(EmailDomains.refusal("qq.com")).isPresent();
        assertThat(EmailDomains.refusal("dmh.go.th")).isEmpty();
    }

    @Test
    void aPublicSuffixIsRefusedSinceEveryOrganisationOfTheCountryIsUnderIt() {
        for (String suffix : new String[] {"go.th", "co.th", "ac.th", "or.th", "co.uk"}) {
            assertThat(EmailDomains.refusal(suffix)).as(suffix)
                    .contains("is a public suffix, under which any organisation has its domain: name the organisation's own");
        }
        assertThat(EmailDomains.refusal("moph.go.th")).isEmpty();
    }

    @Test
    void anAddressNamesItsDomainAfterItsLastAt() {
        assertThat(EmailDomains.ofAddress("somchai.jaidee@Anamai.Moph.go.th")).contains("anamai.moph.go.th");
        assertThat(EmailDomains.ofAddress("\"a@b\"@dmh.go.th")).contains("dmh.go.th");
        assertThat(EmailDomains.ofAddress("no-domain")).isEmpty();
        assertThat(EmailDomains.ofAddress("@dmh.go.th")).isEmpty();
        assertThat(EmailDomains.ofAddress(null)).isEmpty();
    }

    @Test
    void anAddressIsKeptInOneSpellingAndLookAlikesAreRefused() {
        assertThat(EmailDomains.canonicalAddress("Kannat.S@Anamai.MOPH.go.th")).contains("kannat.s@anamai.moph.go.th");
        assertThat(EmailDomains.canonicalAddress("kannat.s@ａｎａｍａｉ.moph。go。th")).contains("kannat.s@anamai.moph.go.th");
        assertThat(EmailDomains.canonicalAddress("kannat@กรมอนามัย.ไทย").orElseThrow()).startsWith("kannat@xn--").endsWith(".xn--o3cw4h");
        // spellings that reach one mailbox under many names, each counted and registered apart
        for (String lookAlike : new String[] {"kannat\u200b@dmh.go.th", "kannat+1@dmh.go.th", "kannat@dmh.go.th\u200b", "\"kannat\"@dmh.go.th", "กัญญ์ณัฏฐ์@dmh.go.th", "kan%nat@dmh.go.th",
                "kan!nat@dmh.go.th", ".kannat@dmh.go.th", "kannat.@dmh.go.th", "kan..nat@dmh.go.th", "kannat@", "@dmh.go.th", "kannat"}) {
            assertThat(EmailDomains.canonicalAddress(lookAlike)).as(lookAlike).isEmpty();
        }
    }

    @Test
    void anAddressIsLookedForUnderItsSpellingsAndStoredNoLongerThanItsColumn() {
        String ascii = EmailDomains.canonicalAddress("kannat@กรมอนามัย.ไทย").orElseThrow();
        assertThat(EmailDomains.spellings("Kannat@กรมอนามัย.ไทย")).containsExactly("kannat@กรมอนามัย.ไทย", ascii);
        assertThat(EmailDomains.spellings(ascii)).containsExactly(ascii, "kannat@กรมอนามัย.ไทย");
        assertThat(EmailDomains.spellings("Somchai@DMH.go.th")).containsExactly("somchai@dmh.go.th");
        // a Thai domain grows in its ASCII form: the address as stored must still fit its 254 characters
        String label = "กขคงจฉชซฌญฎฏฐฑฒณดตถทธนบปผฝพฟภมยรลวศษสหฬ";
        String longThai = label + "." + label + "." + label + ".ไทย";
        assertThat(EmailDomains.normalize(longThai).orElseThrow()).hasSize(190);
        assertThat(("a".repeat(70) + "@" + longThai).length()).isLessThan(254);
        assertThat(EmailDomains.canonicalAddress("a".repeat(70) + "@" + longThai)).isEmpty();
        assertThat(EmailDomains.canonicalAddress("a".repeat(40) + "@" + longThai)).isPresent();
    }
}
