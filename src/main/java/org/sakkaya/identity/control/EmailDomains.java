package org.sakkaya.identity.control;

import java.net.IDN;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import com.google.common.net.InternetDomainName;

/**
 * The e-mail domains whose owners may register themselves into an organisation. A domain is kept in one spelling:
 * lower case, an internationalised name in its ASCII form ({@code กระทรวง.ไทย} as {@code xn--...}), so that an address
 * typed either way finds it. A public mail service is refused: anyone can have an address there.
 */
public final class EmailDomains {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");

    /** Services where anyone may open an address; a ministry that lists one would take in the whole country. */
    private static final Set<String> PUBLIC_SERVICES = Set.of("gmail.com", "googlemail.com", "hotmail.com", "hotmail.co.th",
            "hotmail.co.uk", "outlook.com", "outlook.co.th", "live.com", "live.co.th", "windowslive.com", "msn.com",
            "yahoo.com", "yahoo.co.th", "ymail.com", "icloud.com", "me.com", "mac.com", "aol.com", "proton.me", "pm.me",
            "protonmail.com", "tutanota.com", "fastmail.com", "gmx.com", "gmx.net", "mail.com", "yandex.com", "zoho.com",
            "qq.com", "163.com", "126.com", "naver.com", "mail.ru");

    private EmailDomains() {
    }

    /** The domain in its one spelling, or empty when it is not a domain name a mailbox can be at. */
    public static Optional<String> normalize(String domain) {
        if (domain == null) {
            return Optional.empty();
        }
        String typed = domain.strip();
        // characters that print as nothing (a zero-width space, a soft hyphen) would be dropped by IDNA's mapping:
        // what looks like one domain would be taken for another, so they are refused rather than dropped (a few rarer
        // ones, variation selectors, IDNA drops as it maps; the address is then mailed and kept as mapped)
        if (typed.chars().anyMatch(c -> Character.getType(c) == Character.FORMAT) || typed.endsWith(".") || typed.endsWith("。")) {
            return Optional.empty();
        }
        String ascii;
        try {
            ascii = IDN.toASCII(typed, IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (ascii.isEmpty() || ascii.length() > 253) {
            return Optional.empty();
        }
        String[] labels = ascii.split("\\.", -1);
        if (labels.length < 2) {
            return Optional.empty();
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches() || !decodes(label)) {
                return Optional.empty();
            }
        }
        // a top-level domain is letters (or an xn-- name): "10.0.0.1" is an address, not a domain
        String top = labels[labels.length - 1];
        if (!top.startsWith("xn--") && !top.chars().allMatch(c -> c >= 'a' && c <= 'z')) {
            return Optional.empty();
        }
        return Optional.of(ascii);
    }

    /** An {@code xn--} label must be the ASCII form of a name that starts with a letter, not with a combining mark. */
    private static boolean decodes(String label) {
        if (!label.startsWith("xn--")) {
            return true;
        }
        String unicode = IDN.toUnicode(label, IDN.USE_STD3_ASCII_RULES);
        if (unicode.equals(label) || unicode.isEmpty()) {
            return false;
        }
        int type = Character.getType(unicode.codePointAt(0));
        return type != Character.NON_SPACING_MARK && type != Character.COMBINING_SPACING_MARK && type != Character.ENCLOSING_MARK;
    }

    /** Why this domain may not take registrations, or empty when it may. */
    public static Optional<String> refusal(String domain) {
        Optional<String> normalized = normalize(domain);
        if (normalized.isEmpty()) {
            return Optional.of("is not a domain name (such as anamai.moph.go.th)");
        }
        if (PUBLIC_SERVICES.contains(normalized.get())) {
            return Optional.of("is a public mail service where anyone can have an address");
        }
        // the public suffix list (Mozilla's, as Guava carries it): go.th, co.th, ac.th are whole countries' registries
        if (InternetDomainName.isValid(normalized.get()) && InternetDomainName.from(normalized.get()).isPublicSuffix()) {
            return Optional.of("is a public suffix, under which any organisation has its domain: name the organisation's own");
        }
        return Optional.empty();
    }

    /**
     * An address in the one spelling self-registration keeps it in: the mailbox name in lower case (plain letters,
     * digits and {@code . _ -} only), the domain as {@link #normalize} spells it. Empty for anything else (a quoted
     * name, a {@code +tag}, a zero-width character, a mailbox name in Thai), which could reach one mailbox under many
     * spellings, each counted and registered apart (a {@code +tag} made a second account for a person who had one).
     */
    public static Optional<String> canonicalAddress(String email) {
        if (email == null) {
            return Optional.empty();
        }
        String lower = email.strip().toLowerCase(Locale.ROOT);
        int at = lower.lastIndexOf('@');
        if (at < 1 || lower.length() > 254 || !plainMailbox(lower.substring(0, at))) {
            return Optional.empty();
        }
        // the length of the address as stored, its domain in the ASCII form (a Thai domain grows in it)
        return normalize(lower.substring(at + 1)).map(domain -> lower.substring(0, at) + "@" + domain)
                .filter(address -> address.length() <= 254);
    }

    /** A mailbox name as organisations give them: letters, digits, and {@code . _ -}, no dot first, last or twice. */
    private static boolean plainMailbox(String name) {
        if (name.startsWith(".") || name.endsWith(".") || name.contains("..")) {
            return false;
        }
        return name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '-');
    }

    /**
     * The spellings one address may be stored in: as typed (trimmed, lower case), and with its domain in its ASCII
     * ({@code xn--}) and its Unicode form. HR keeps an address as it was typed, self-registration in its ASCII form: a
     * sign-in, a check that an address is free, and an export or erasure look under each.
     */
    public static List<String> spellings(String email) {
        String lower = email.strip().toLowerCase(Locale.ROOT);
        Set<String> all = new LinkedHashSet<>();
        all.add(lower);
        int at = lower.lastIndexOf('@');
        if (at > 0) {
            String local = lower.substring(0, at);
            String domain = lower.substring(at + 1);
            try {
                all.add(local + "@" + IDN.toASCII(domain).toLowerCase(Locale.ROOT));
            } catch (IllegalArgumentException notADomain) {
                // no ASCII form: the address is found as typed only
            }
            all.add(local + "@" + IDN.toUnicode(domain).toLowerCase(Locale.ROOT));
        }
        return List.copyOf(all);
    }

    /** The domain of an address (after its last {@code @}) in its one spelling, or empty when there is none. */
    public static Optional<String> ofAddress(String email) {
        if (email == null) {
            return Optional.empty();
        }
        int at = email.lastIndexOf('@');
        return at < 1 ? Optional.empty() : normalize(email.substring(at + 1));
    }
}
