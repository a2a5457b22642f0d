package org.sakkaya.platform.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Font;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.SplitCharacter;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.DefaultSplitCharacter;
import com.lowagie.text.pdf.PdfChunk;
import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Locale;

/**
 * Where a line of Thai may end. Thai puts no spaces between words, and OpenPDF's own rule breaks only at spaces,
 * hyphens and CJK, so a Thai run wider than its box was cut at whichever character overflowed: a leading vowel left at
 * the end of a line, า, ำ or a tone mark starting the next. Here a line breaks where the JDK's dictionary-based Thai
 * line {@link BreakIterator} puts a word boundary; nothing is inserted into the text (no zero-width spaces), so it copies
 * out of the PDF exactly as given. Text without Thai on either side of a position keeps OpenPDF's rule.
 * <p>
 * A word wider than the whole line (a long name, a word the dictionary does not know) still has to break: within the
 * first word of a line a break is allowed between Thai syllable parts, never before a mark, ะ, า, ำ, ๅ, ๆ or ฯ, nor after
 * a leading vowel (เ แ โ ใ ไ). OpenPDF asks only about the text from the start of the line, so this applies only when
 * that word starts the line; every chunk made here is a whole paragraph or cell, so its first word does.
 * <p>
 * An instance remembers the boundaries of the text it was last asked about and is not thread-safe: the factory methods
 * give each chunk its own, and a chunk is laid out by the one thread rendering its document.
 */
public final class ThaiLineBreaks implements SplitCharacter {
    private static final Locale THAI = Locale.forLanguageTag("th");

    private char[] text;
    private int from;
    private int to;
    private BitSet breaks;

    private ThaiLineBreaks() {
    }

    /** {@code text} in {@code font}, as a chunk that breaks at Thai word boundaries. */
    public static Chunk chunk(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(new ThaiLineBreaks());
        return chunk;
    }

    public static Phrase phrase(String text, Font font) {
        return new Phrase(chunk(text, font));
    }

    public static Paragraph paragraph(String text, Font font) {
        return new Paragraph(chunk(text, font));
    }

    public static Paragraph paragraph(float leading, String text, Font font) {
        return new Paragraph(leading, chunk(text, font));
    }

    /**
     * {@code text} broken into lines no wider than {@code width} at {@code size} points, for text placed line by line:
     * at each explicit line break, then greedily at the same places a paragraph breaks. Spaces at the ends of lines are
     * dropped, as OpenPDF drops them. A single unbreakable piece wider than {@code width} gets a line of its own.
     */
    public static List<String> lines(String text, BaseFont font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\\R", -1)) {
            char[] chars = paragraph.toCharArray();
            ThaiLineBreaks rule = new ThaiLineBreaks();
            int start = 0;
            do {
                int end = chars.length;
                if (font.getWidthPoint(paragraph.substring(start).stripTrailing(), size) > width) {
                    int fits = -1;
                    int first = -1;
                    for (int i = start; i < chars.length - 1; i++) {
                        if (rule.isSplitCharacter(start, i, chars.length, chars, null)) {
                            if (font.getWidthPoint(paragraph.substring(start, i + 1).stripTrailing(), size) > width) {
                                first = i + 1;
                                break;
                            }
                            fits = i + 1;
                        }
                    }
                    end = fits > 0 ? fits : first > 0 ? first : chars.length;
                }
                lines.add(paragraph.substring(start, end).strip());
                start = end;
                while (start < chars.length && Character.isWhitespace(chars[start])) {
                    start++;
                }
            } while (start < chars.length);
        }
        return lines;
    }

    /**
     * OpenPDF's question: may the line end after {@code cc[current]}? {@code start}..{@code end} is the text from the start
     * of the line on (a chunk's rest, or a column's paragraph).
     */
    @Override
    public boolean isSplitCharacter(int start, int current, int end, char[] cc, PdfChunk[] ck) {
        int next = current + 1;
        if (!isThai(cc[current]) && (next >= end || !isThai(cc[next]))) {
            return DefaultSplitCharacter.DEFAULT.isSplitCharacter(start, current, end, cc, ck);
        }
        if (next >= end) {
            return true;
        }
        if (cc != text || start != from || end != to) {
            text = cc;
            from = start;
            to = end;
            breaks = breaks(cc, start, end);
        }
        return breaks.get(next);
    }

    /** Bit i: a line may break before {@code cc[i]}. */
    private static BitSet breaks(char[] cc, int start, int end) {
        BitSet breaks = new BitSet(end);
        BreakIterator words = BreakIterator.getLineInstance(THAI);
        words.setText(new String(cc, start, end - start));
        int firstWordEnd = -1;
        for (int b = words.next(); b != BreakIterator.DONE; b = words.next()) {
            int i = start + b;
            // the dictionary guesses at words it does not know; it still never parts a syllable here
            if (i < end && mayStartALine(cc, i)) {
                breaks.set(i);
            }
            if (firstWordEnd < 0) {
                firstWordEnd = i;
            }
        }
        for (int i = start + 1; i < firstWordEnd; i++) {
            if (mayStartALine(cc, i)) {
                breaks.set(i);
            }
        }
        return breaks;
    }

    /** Whether a word too long for its line may be cut before {@code cc[i]}: never inside a Thai syllable's parts. */
    private static boolean mayStartALine(char[] cc, int i) {
        char c = cc[i];
        char before = cc[i - 1];
        if (Character.isLowSurrogate(c)) {
            return false;
        }
        int type = Character.getType(c);
        if (type == Character.NON_SPACING_MARK || type == Character.COMBINING_SPACING_MARK || type == Character.ENCLOSING_MARK) {
            return false;
        }
        // ะ า ำ ๅ follow their consonant, ๆ repeats the word before, ฯ abbreviates it
        if (c == '\u0e30' || c == '\u0e32' || c == '\u0e33' || c == '\u0e45' || c == '\u0e46' || c == '\u0e2f') {
            return false;
        }
        // เ แ โ ใ ไ are written before the consonant they are read after
        return before < '\u0e40' || before > '\u0e44';
    }

    private static boolean isThai(char c) {
        return c >= '\u0e00' && c <= '\u0e7f';
    }
}
