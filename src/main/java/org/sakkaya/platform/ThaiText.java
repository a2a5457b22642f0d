package org.sakkaya.platform;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Thai text as one spelling, whichever keyboard typed it. Unicode's NFC leaves two spellings apart that look the same:
 * sara am as one character (U+0E33) or as nikhahit and sara aa (U+0E4D U+0E32), which only a compatibility mapping
 * joins; and a tone mark typed before the upper or lower vowel it sits with, which NFC does not reorder because Thai
 * vowels have combining class 0. Phone and desktop keyboards produce both; text copied out of a PDF often carries
 * the nikhahit before the tone mark (น ํ ้ า for น้ำ), which is sara am with the tone mark after its consonant.
 */
public final class ThaiText {
    private static final Pattern TONE_BEFORE_VOWEL = Pattern.compile("([\u0E48-\u0E4B])([\u0E31\u0E34-\u0E39])");
    /** Nikhahit, a tone mark, sara aa: sara am split around the tone mark, as PDFs lay it out. */
    private static final Pattern SPLIT_SARA_AM = Pattern.compile("\u0E4D([\u0E48-\u0E4B])\u0E32");
    /** Zero-width space, non-joiner, joiner, word joiner and byte-order mark: they print as nothing. */
    private static final Pattern ZERO_WIDTH = Pattern.compile("[\u200B-\u200D\u2060\uFEFF]");

    private ThaiText() {
    }

    /** NFC, sara am as one character, and a tone mark after its vowel. Nothing else changes: case, spaces, digits. */
    public static String canonical(String text) {
        return canonicalBefore20261127(SPLIT_SARA_AM.matcher(Normalizer.normalize(text, Normalizer.Form.NFC)).replaceAll("$1\u0E33"));
    }

    /**
     * The spelling {@link #canonical} gave until 2026-11-27, when sara am split around its tone mark joined it: a
     * password set before was hashed in this spelling ({@code PasswordHasher} checks it too).
     */
    public static String canonicalBefore20261127(String text) {
        String nfc = Normalizer.normalize(text, Normalizer.Form.NFC).replace("\u0E4D\u0E32", "\u0E33");
        return TONE_BEFORE_VOWEL.matcher(nfc).replaceAll("$2$1");
    }

    /**
     * The canonical spelling without the characters that print as nothing: text that looks the same is the same.
     * Names pasted from a PDF or a word processor carry zero-width spaces between words and ำ as two characters.
     */
    public static String visible(String text) {
        // the zero-width characters first: one between a tone mark and its vowel would keep them from being reordered
        return canonical(ZERO_WIDTH.matcher(text).replaceAll(""));
    }
}
