package org.sakkaya.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.sakkaya.platform.problem.InvalidInput;

/**
 * Links people put into reports, sessions and lessons are shown to others as clickable, so only absolute http and https URLs
 * with a host are taken: no {@code javascript:}, {@code data:} or {@code file:} links, no relative paths.
 */
public final class Links {
    public static final int MAX_LENGTH = 2000;

    private Links() {
    }

    /**
     * The URL, stripped, or a 400 naming {@code field}. It is put into attributes as it is, so nothing in it may close
     * one: {@code "}, {@code <}, {@code >}, a backtick and whitespace are refused by the URI syntax. A {@code '} is
     * legal in a URL and found in real ones (a page about O'Brien), so it is percent-encoded as {@code %27}, which
     * servers decode back, rather than refused.
     */
    public static String http(String url, String field) {
        String candidate = url == null ? "" : url.strip().replace("'", "%27");
        if (candidate.isEmpty() || candidate.length() > MAX_LENGTH || candidate.chars().anyMatch(Character::isWhitespace)) {
            throw new InvalidInput(field, "must be an http or https URL of at most " + MAX_LENGTH + " characters");
        }
        try {
            URI uri = new URI(candidate);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null || uri.getHost().isBlank()) {
                throw new InvalidInput(field, "must be an http or https URL");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInput(field, "must be an http or https URL");
        }
        return candidate;
    }

    /**
     * Every link checked, each named {@code field[i]} when it fails, and together at most {@code maxBytes} of UTF-8
     * (one line each), what the column holding them takes: Thai in a URL is three bytes a character.
     */
    public static List<String> http(List<String> urls, String field, int max, int maxBytes) {
        if (urls == null) {
            return List.of();
        }
        if (urls.size() > max) {
            throw new InvalidInput(field, "at most " + max + " links");
        }
        List<String> checked = new ArrayList<>(urls.size());
        long bytes = 0;
        for (int i = 0; i < urls.size(); i++) {
            String url = http(urls.get(i), field + "[" + i + "]");
            checked.add(url);
            bytes += url.getBytes(StandardCharsets.UTF_8).length + 1;
        }
        if (bytes > maxBytes) {
            throw new InvalidInput(field, "together at most " + maxBytes + " bytes of UTF-8 (" + bytes + " given); link a page that lists them");
        }
        return checked;
    }
}
