package org.sakkaya.learning.control;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;
import org.owasp.html.Sanitizers;

/**
 * Lesson text is HTML from trainers; trainees' browsers show it. Only an allowlist survives: formatting, headings,
 * lists, tables, links (http, https, mailto; opened with rel=nofollow noopener) and https images. Scripts, event
 * handlers, styles that could hide or overlay content, frames and forms are removed, not escaped.
 */
public final class LessonHtml {
    // Links and images in one builder: a builder's URL protocols guard every URL attribute it allows, so images in a
    // builder of their own, with no protocols, lost every src (https too), and rel requirements on a builder without
    // <a> never reached a link.
    private static final PolicyFactory POLICY = Sanitizers.FORMATTING
            .and(Sanitizers.BLOCKS)
            .and(Sanitizers.TABLES)
            .and(new HtmlPolicyBuilder()
                    .allowStandardUrlProtocols()
                    .allowElements("a")
                    .allowAttributes("href").onElements("a")
                    .requireRelsOnLinks("noopener", "nofollow")
                    .allowElements("img")
                    .allowAttributes("src").matching((element, attribute, value) -> value.startsWith("https://") ? value : null).onElements("img")
                    .allowAttributes("alt", "width", "height").onElements("img")
                    .allowElements("hr", "br", "figure", "figcaption", "code", "pre", "blockquote")
                    .toFactory());

    /** In sanitised HTML every attribute is quoted and a {@code >} in a value is written {@code &gt;}. */
    private static final Pattern TAG = Pattern.compile("<[^>]*>");
    private static final Pattern IMAGE = Pattern.compile("<img\\s[^>]*\\bsrc=\"[^\"]");
    private static final Pattern NUMERIC_REFERENCE = Pattern.compile("&#(?:x([0-9a-fA-F]{1,6})|([0-9]{1,7}));");

    private LessonHtml() {
    }

    /**
     * Whether sanitised HTML shows a trainee anything: an image, or a character that is not white space once the tags
     * are taken away. No-break spaces, zero-width and other formatting characters count as white space. Scripts and
     * the like are removed, not escaped, so {@code <p><script>alert(1)</script></p>} sanitises to {@code <p></p>},
     * which is not blank and shows nothing.
     */
    public static boolean showsSomething(String safeHtml) {
        if (safeHtml == null) {
            return false;
        }
        if (IMAGE.matcher(safeHtml).find()) {
            return true;
        }
        // the sanitiser writes a character as itself or as a numeric reference (&#34;); the named ones it writes
        // (&amp; &lt; &gt;) are visible as they are
        String text = NUMERIC_REFERENCE.matcher(TAG.matcher(safeHtml).replaceAll("")).replaceAll(reference -> {
            int codePoint = reference.group(1) != null ? Integer.parseInt(reference.group(1), 16) : Integer.parseInt(reference.group(2));
            return Character.isValidCodePoint(codePoint) ? Matcher.quoteReplacement(Character.toString(codePoint)) : "?";
        });
        return text.codePoints().anyMatch(LessonHtml::visible);
    }

    private static boolean visible(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint) && type != Character.FORMAT
                && type != Character.CONTROL;
    }

    /**
     * The HTML as it will be stored and shown. Sanitising is repeated until it changes nothing more: for some inputs
     * (a paragraph holding a table inside a table cell) one pass gives markup that a second parse nests differently,
     * and what a browser builds from the stored text should be exactly what the sanitiser approved. Found by fuzzing
     * (ParsersFuzzTest).
     */
    public static String sanitize(String html) {
        if (html == null) {
            return null;
        }
        String clean = POLICY.sanitize(html);
        for (int pass = 0; pass < 5; pass++) {
            String again = POLICY.sanitize(clean);
            if (again.equals(clean)) {
                return clean;
            }
            clean = again;
        }
        return clean;
    }
}
