package org.sakkaya.identity.entity;

/** A Thai name with its title (คำนำหน้า), and the optional English form. */
public record PersonName(String titleTh, String firstNameTh, String lastNameTh,
                         String titleEn, String firstNameEn, String lastNameEn) {

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
