package org.sakkaya.workshop.boundary;

/** Free text as people send it: an empty or blank field means none. */
final class Texts {
    private Texts() {
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
