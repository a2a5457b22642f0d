package org.sakkaya.certificate;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.sakkaya.certificate.control.Serials;
import org.sakkaya.platform.ThaiDates;

class SerialsTest {
    @Test
    void serialsAre26CrockfordCharactersAndDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String serial = Serials.next();
            assertThat(serial).hasSize(26).matches("[0-9A-HJKMNP-TV-Z]{26}");
            assertThat(seen.add(serial)).isTrue();
        }
    }

    @Test
    void aTypedSerialIsReadLeniently() {
        String serial = Serials.next();
        assertThat(Serials.grouped(serial)).matches("([0-9A-Z]{4}-){6}[0-9A-Z]{2}");
        assertThat(Serials.parse(Serials.grouped(serial).toLowerCase())).contains(serial);
        assertThat(Serials.parse("O1IL" + serial.substring(4))).contains("0111" + serial.substring(4));
        // as Word and LINE paste it: en dashes, Unicode hyphens, a minus sign, a zero-width space, full-width letters
        String grouped = Serials.grouped(serial);
        assertThat(Serials.parse(grouped.replace('-', '\u2013'))).contains(serial);
        assertThat(Serials.parse(grouped.replace('-', '\u2010') + "\u200b")).contains(serial);
        assertThat(Serials.parse(grouped.replace('-', '\u2212'))).contains(serial);
        assertThat(Serials.parse("\u00a0" + grouped + "\u3000")).contains(serial);
        StringBuilder fullWidth = new StringBuilder();
        serial.chars().forEach(c -> fullWidth.append((char) (c + 0xFEE0)));
        assertThat(Serials.parse(fullWidth.toString())).contains(serial);
        assertThat(Serials.parse("not-a-serial")).isEmpty();
        assertThat(Serials.parse(serial.substring(1) + "\u0e50")).as("a Thai digit is not one of its characters").isEmpty();
        assertThat(Serials.parse(serial + "0")).isEmpty();
        assertThat(Serials.parse(null)).isEmpty();
    }

    @Test
    void thaiDatesUseTheBuddhistEra() {
        assertThat(ThaiDates.longForm(LocalDate.of(2020, 11, 26))).isEqualTo("26 พฤศจิกายน พ.ศ. 2563");
        assertThat(ThaiDates.shortForm(LocalDate.of(2020, 11, 26))).isEqualTo("26 พ.ย. 63");
        assertThat(ThaiDates.longForm(LocalDate.of(2021, 6, 1))).isEqualTo("1 มิถุนายน พ.ศ. 2564");
    }
}
