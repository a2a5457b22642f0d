package org.sakkaya.certificate.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The verification page answers JSON or HTML by {@code Accept}, as API.md says, read as HTTP reads it. */
class VerifyAcceptTest {
    @Test
    void jsonWhenAcceptRatesItAtLeastAsHighAsThePage() {
        assertThat(AcceptHeader.wantsJson("application/json")).isTrue();
        assertThat(AcceptHeader.wantsJson("Application/JSON")).as("media types have no case").isTrue();
        assertThat(AcceptHeader.wantsJson("application/json, text/plain, */*")).as("a JavaScript client's default").isTrue();
        assertThat(AcceptHeader.wantsJson("text/html;q=0.5, application/json")).isTrue();
        // the page for browsers, for no Accept, and where JSON is refused or rated lower
        assertThat(AcceptHeader.wantsJson("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")).isFalse();
        assertThat(AcceptHeader.wantsJson(null)).isFalse();
        assertThat(AcceptHeader.wantsJson("*/*")).isFalse();
        assertThat(AcceptHeader.wantsJson("application/json;q=0, text/html")).isFalse();
        assertThat(AcceptHeader.wantsJson("application/json;q=0.5, text/html")).isFalse();
        assertThat(AcceptHeader.wantsJson("application/json;q=x")).isFalse();
    }
}
