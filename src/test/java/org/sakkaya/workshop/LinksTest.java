package org.sakkaya.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.platform.Links;

class LinksTest {
    @Test
    void httpAndHttpsUrlsWithAHostAreTaken() {
        assertThat(Links.http(List.of(" https://www.tiktok.com/@moph/video/7290000000000000000 ", "http://example.org/ผลงาน"),
                "links", 20, 65_535)).containsExactly("https://www.tiktok.com/@moph/video/7290000000000000000", "http://example.org/ผลงาน");
    }

    @Test
    void otherSchemesRelativePathsAndJunkAreRefusedNamingTheLink() {
        for (String bad : List.of("javascript:alert(1)", "data:text/html,<b>x</b>", "file:///etc/passwd", "/relative/path",
                "https://", "ftp://example.org/x", "https://exa mple.org", "not a url", "", "https:///no-host",
                "https://x.example.org/\"><svg/onload=alert(1)>")) {
            assertThatThrownBy(() -> Links.http(List.of("https://ok.example.org", bad), "links", 20, 65_535))
                    .as(bad).isInstanceOf(InvalidInput.class)
                    .satisfies(e -> assertThat(((InvalidInput) e).errors().get(0).field()).isEqualTo("links[1]"));
        }
    }

    @Test
    void aQuoteThatCouldCloseAnAttributeIsPercentEncoded() {
        assertThat(Links.http("https://en.wikipedia.org/wiki/Conan_O'Brien", "url")).isEqualTo("https://en.wikipedia.org/wiki/Conan_O%27Brien");
        assertThat(Links.http(List.of("https://x.example.org/a'onmouseover='alert(1)"), "links", 20, 65_535))
                .containsExactly("https://x.example.org/a%27onmouseover=%27alert(1)");
    }

    @Test
    void tooManyLinksAreRefused() {
        assertThatThrownBy(() -> Links.http(List.of("https://a.example", "https://b.example"), "links", 1, 65_535))
                .isInstanceOf(InvalidInput.class);
    }

    @Test
    void linksThatTogetherOverflowTheirColumnAreRefusedAsAWhole() {
        // Thai is three bytes a character: 20 links of 1,900 Thai characters are about 114 KB
        List<String> links = java.util.Collections.nCopies(20, "https://www.tiktok.com/" + "ข่าวสุขภาพ".repeat(190));
        assertThatThrownBy(() -> Links.http(links, "links", 20, 65_535)).isInstanceOf(InvalidInput.class)
                .satisfies(e -> assertThat(((InvalidInput) e).errors().get(0).field()).isEqualTo("links"));
        assertThat(Links.http(links.subList(0, 11), "links", 20, 65_535)).hasSize(11);
    }
}
