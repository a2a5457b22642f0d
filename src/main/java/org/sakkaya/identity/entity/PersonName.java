package org.sakkaya.identity.entity;

import java.util.regex.Pattern;
import org.sakkaya.platform.ThaiText;

/**
 * A Thai name with its title (คำนำหน้า), and the optional English form. Each part is kept without the spaces around
 * it, of any kind (no-break and zero-width ones come with names pasted from forms and spreadsheets): {@code "นาย "}
 * and {@code " สมชาย"} would print {@code นาย สมชาย} on a certificate. An optional part of nothing but spaces is none.
 * Each part is kept in one spelling ({@link ThaiText#visible}): a name pasted from a PDF, with ำ as two characters or a
 * zero-width space inside, is the name HR types, and a search finds it.
 */
public record PersonName(String titleTh, String firstNameTh, String lastNameTh,
                         String titleEn, String firstNameEn, String lastNameEn) {
    // zero-width characters are gone before this (ThaiText.visible)
    private static final Pattern EDGES = Pattern.compile("^[\\p{Z}\\s]+|[\\p{Z}\\s]+$");

    public PersonName {
        titleTh = optional(titleTh);
        firstNameTh = clean(firstNameTh);
        lastNameTh = clean(lastNameTh);
        titleEn = optional(titleEn);
        firstNameEn = optional(firstNameEn);
        lastNameEn = optional(lastNameEn);
    }

    /** The part without the spaces around it; null stays null. */
    public static String clean(String part) {
        return part == null ? null : EDGES.matcher(ThaiText.visible(part)).replaceAll("");
    }

    private static String optional(String part) {
        String cleaned = clean(part);
        return cleaned == null || cleaned.isEmpty() ? null : cleaned;
    }

    /** As printed: the title joins the first name with no space, {@code นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์}. */
    public String fullTh() {
        String title = titleTh == null ? "" : titleTh;
        return (title + firstNameTh + " " + (lastNameTh == null ? "" : lastNameTh)).strip();
    }

    /** {@code Dr. Ruethairat Phuphueng}, or null when no English name is known. */
    public String fullEn() {
        if (firstNameEn == null || firstNameEn.isBlank()) {
            return null;
        }
        StringBuilder name = new StringBuilder();
        if (titleEn != null && !titleEn.isBlank()) {
            name.append(titleEn.strip()).append(' ');
        }
        name.append(firstNameEn.strip());
        if (lastNameEn != null && !lastNameEn.isBlank()) {
            name.append(' ').append(lastNameEn.strip());
        }
        return name.toString();
    }
}
