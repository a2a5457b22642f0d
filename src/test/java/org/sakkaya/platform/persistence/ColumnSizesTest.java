package org.sakkaya.platform.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ColumnSizesTest {
    @Test
    void bytesAreCountedAsUtf8StoresThem() {
        for (String text : new String[] {"", "a", "é", "ก", "นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "\uD83D\uDE00", "{\"key\":\"ข\"}"}) {
            assertThat(ColumnSizes.utf8Bytes(text)).as(text).isEqualTo(text.getBytes(StandardCharsets.UTF_8).length);
        }
        // a lone surrogate is sent as '?': counting it as 3 bytes errs on the side that never lets a value overflow
        assertThat(ColumnSizes.utf8Bytes("x\uD83Dy")).isEqualTo(5);
    }

    @Test
    void aTextColumnTakes65535BytesAndNoMore() {
        assertThat(ColumnSizes.overText("a".repeat(65_535))).isEmpty();
        assertThat(ColumnSizes.overText("a".repeat(65_536))).isPresent();
        // 21,846 Thai letters are 65,538 bytes, though only a third as many characters
        assertThat(ColumnSizes.overText("ก".repeat(21_845))).isEmpty();
        assertThat(ColumnSizes.overText("ก".repeat(21_846))).hasValueSatisfying(m -> assertThat(m).contains("65538 bytes"));
    }
}
