package org.sakkaya.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.identity.control.PasswordPolicy;
import org.sakkaya.learning.control.LessonHtml;
import org.sakkaya.platform.export.Csv;
import org.sakkaya.platform.problem.InvalidInput;
import org.sakkaya.workshop.control.CheckInCodes;
import org.sakkaya.platform.Links;
import org.sakkaya.program.control.NominationSheet;

/**
 * Jazzer over the pure parsers that take text from outside: each property must hold for every input. Under
 * {@code mvn verify} each target runs its seed inputs (regression mode, milliseconds); with {@code JAZZER_FUZZ=1}
 * one target is fuzzed for its {@code maxDuration} (see docs/SECURITY.md for the command and the figures).
 */
class ParsersFuzzTest {
    private static final Pattern SERIAL = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");
    private static final Pattern SCRIPT_URL = Pattern.compile("(href|src)\\s*=\\s*\"?\\s*(javascript|vbscript|data):", Pattern.CASE_INSENSITIVE);
    private static final Pattern EVENT_HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);

    @FuzzTest(maxDuration = "60s")
    void csvCellsNeverStartAFormula(String text) {
        String cell = Csv.cell(text);
        assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0).as("cell %s", cell).isTrue();
        assertThat(cell).endsWith(text == null ? "" : text);
    }

    @FuzzTest(maxDuration = "60s")
    void typedSerialsAreReadOnlyAsCrockfordSerials(String typed) {
        Serials.parse(typed).ifPresent(serial -> assertThat(serial).matches(SERIAL));
    }

    @FuzzTest(maxDuration = "60s")
    void lessonHtmlKeepsNoScriptHandlerOrScriptUrl(String html) {
        String clean = LessonHtml.sanitize(html);
        if (html == null) {
            assertThat(clean).isNull();
            return;
        }
        String lower = clean.toLowerCase(Locale.ROOT);
        assertThat(lower).doesNotContain("<script").doesNotContain("<iframe").doesNotContain("<style").doesNotContain("<form")
                .doesNotContain("<object").doesNotContain("<embed");
        assertThat(SCRIPT_URL.matcher(clean).find()).as("script URL in %s", clean).isFalse();
        assertThat(EVENT_HANDLER.matcher(clean).find()).as("event handler in %s", clean).isFalse();
        // sanitising twice changes nothing: what is stored is already what will be shown
        assertThat(LessonHtml.sanitize(clean)).isEqualTo(clean);
    }

    @FuzzTest(maxDuration = "60s")
    void linksAcceptOnlyHttpAndHttpsUrlsWithAHost(String url) throws URISyntaxException {
        String accepted;
        try {
            accepted = Links.http(url, "links[0]");
        } catch (InvalidInput refused) {
            return;
        }
        URI uri = new URI(accepted);
        assertThat(uri.getScheme().toLowerCase(Locale.ROOT)).isIn("http", "https");
        assertThat(uri.getHost()).isNotBlank();
        assertThat(accepted.chars().noneMatch(Character::isWhitespace)).isTrue();
        assertThat(accepted.length()).isLessThanOrEqualTo(Links.MAX_LENGTH);
    }

    @FuzzTest(maxDuration = "60s")
    void thePasswordPolicyAnswersEveryPasswordAndAcceptsOnlyItsLengths(String password, String email) {
        if (PasswordPolicy.check(password, email).isEmpty()) {
            String normalized = java.text.Normalizer.normalize(password, java.text.Normalizer.Form.NFC);
            int length = normalized.codePointCount(0, normalized.length());
            assertThat(length).isBetween(PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void typedCheckInCodesNormaliseOnceAndForAll(String typed) {
        String normalized = CheckInCodes.normalize(typed);
        assertThat(CheckInCodes.normalize(normalized)).isEqualTo(normalized);
    }

    /**
     * HR's list of staff: any text is either read into rows or refused with mistakes, never both and never an exception;
     * no row without its address column, none numbered before the row below the heading, at most 500.
     */
    @FuzzTest(maxDuration = "60s")
    void aNominationSheetIsReadWholeOrRefusedWhole(String csv) {
        if (csv == null) {
            return;
        }
        NominationSheet.Read read = NominationSheet.read(csv);
        assertThat(read.rows().isEmpty() != read.errors().isEmpty()).as("rows or mistakes, not both, not neither").isTrue();
        assertThat(read.rows()).hasSizeLessThanOrEqualTo(NominationSheet.MAX_ROWS);
        read.rows().forEach(row -> {
            assertThat(row.number()).isGreaterThanOrEqualTo(2);
            assertThat(row.cells().values()).allSatisfy(cell -> assertThat(cell).isNotBlank().isEqualTo(cell.strip()));
        });
        read.errors().forEach(error -> assertThat(error.field()).matches("body|rows\\[[0-9]+](\\[[0-9]+])?"));
    }
}
