package org.sakkaya.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.sakkaya.learning.control.LessonHtml;

class LessonHtmlTest {
    @Test
    void httpsImagesStayAndOthersGo() {
        assertThat(LessonHtml.sanitize("<img src=\"https://moph.go.th/chart.png\" alt=\"แผนภูมิ\" width=\"400\">"))
                .contains("src=\"https://moph.go.th/chart.png\"").contains("alt=\"แผนภูมิ\"").contains("width=\"400\"");
        assertThat(LessonHtml.sanitize("<img src=\"http://example.org/a.png\" alt=\"x\">")).doesNotContain("src=");
        assertThat(LessonHtml.sanitize("<img src=\"javascript:alert(1)\" onerror=\"alert(1)\">")).doesNotContain("javascript")
                .doesNotContain("onerror");
    }

    @Test
    void onlyTextOrAnImageLeftAfterSanitisingShowsSomething() {
        for (String nothing : List.of("<p><script>alert(1)</script></p>", "<p>&nbsp; &#160;</p>", "<table><tr><td> </td></tr></table>",
                "<p>\u200b\u00ad\ufeff\u3000</p>", "<img src=\"http://example.org/a.png\" alt=\"แผนภูมิ\">", "<hr><br>")) {
            assertThat(LessonHtml.showsSomething(LessonHtml.sanitize(nothing))).as(nothing).isFalse();
        }
        for (String something : List.of("<p>ข้อมูล</p>", "<p>&lt;</p>", "<b>'</b>", "<img src=\"https://moph.go.th/chart.png\">")) {
            assertThat(LessonHtml.showsSomething(LessonHtml.sanitize(something))).as(something).isTrue();
        }
    }

    @Test
    void linksKeepTheirAddressAndOpenWithoutReachingBack() {
        String link = LessonHtml.sanitize("<a href=\"https://www.tiktok.com/@moph\" target=\"_blank\">TikTok กรมสุขภาพจิต</a>");
        assertThat(link).contains("href=\"https://www.tiktok.com/&#64;moph\"").contains("noopener").contains("nofollow")
                .contains("TikTok กรมสุขภาพจิต");
        assertThat(LessonHtml.sanitize("<a href=\"mailto:pr@moph.go.th\">อีเมล</a>")).contains("href=\"mailto:pr&#64;moph.go.th\"");
        assertThat(LessonHtml.sanitize("<a href=\"javascript:alert(1)\">x</a>")).doesNotContain("javascript").contains("x");
    }
}
