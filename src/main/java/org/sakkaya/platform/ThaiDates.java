package org.sakkaya.platform;

import java.time.LocalDate;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.chrono.ThaiBuddhistDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Dates as Thai people read them, in the Buddhist era: {@code 26 พฤศจิกายน พ.ศ. 2563} and {@code 26 พ.ย. 63}; and the
 * English form beside them on bilingual pages, in the common era: {@code 26 November 2020}.
 */
public final class ThaiDates {
    private static final Locale THAI = Locale.forLanguageTag("th-TH");
    // ofPattern ignores a -u-ca-buddhist locale extension: the chronology has to be set explicitly
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("d MMMM G y", THAI)
            .withChronology(ThaiBuddhistChronology.INSTANCE);
    private static final DateTimeFormatter SHORT = DateTimeFormatter.ofPattern("d MMM yy", THAI)
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    private static final DateTimeFormatter ENGLISH = DateTimeFormatter.ofPattern("d MMMM uuuu", Locale.ENGLISH);

    private ThaiDates() {
    }

    /** The long form, on certificates and reports. */
    public static String longForm(LocalDate date) {
        return LONG.format(ThaiBuddhistDate.from(date));
    }

    /** The short form, in tables. */
    public static String shortForm(LocalDate date) {
        return SHORT.format(ThaiBuddhistDate.from(date));
    }

    /** The English form, for the English half of a bilingual label. */
    public static String english(LocalDate date) {
        return ENGLISH.format(date);
    }
}
