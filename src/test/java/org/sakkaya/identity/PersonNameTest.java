package org.sakkaya.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sakkaya.identity.entity.PersonName;

class PersonNameTest {
    @Test
    void aThaiTitleJoinsTheFirstNameWithoutASpace() {
        assertThat(new PersonName("นางสาว", "กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์", null, null, null).fullTh())
                .isEqualTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์");
        assertThat(new PersonName("ว่าที่ร้อยตรี", "ธนพล", "ใจเย็น", null, null, null).fullTh())
                .isEqualTo("ว่าที่ร้อยตรีธนพล ใจเย็น");
        assertThat(new PersonName(null, "ปิติพัฒน์", "ธีระวุฒิ", null, null, null).fullTh()).isEqualTo("ปิติพัฒน์ ธีระวุฒิ");
    }

    @Test
    void theEnglishFormIsOptional() {
        assertThat(new PersonName("ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง", "Dr.", "Ruethairat", "Phuphueng").fullEn())
                .isEqualTo("Dr. Ruethairat Phuphueng");
        assertThat(new PersonName("ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง", null, null, null).fullEn()).isNull();
    }

    @Test
    void spacesAroundAPartAreNotPrintedWhateverTheirKind() {
        PersonName pasted = new PersonName("นาย ", "\u00A0สมชาย", " ใจดี\u200B", "  ", "Somchai\u3000", null);
        assertThat(pasted.fullTh()).isEqualTo("นายสมชาย ใจดี");
        assertThat(pasted.titleTh()).isEqualTo("นาย");
        assertThat(pasted.titleEn()).isNull();
        assertThat(pasted.fullEn()).isEqualTo("Somchai");
        // what is inside a part stays as typed
        assertThat(new PersonName("พลตำรวจตรี", "ณัฐ วุฒิ", "ศรีสุข", null, null, null).fullTh()).isEqualTo("พลตำรวจตรีณัฐ วุฒิ ศรีสุข");
    }

    @Test
    void aNamePastedFromAPdfIsKeptInTheSpellingHrTypes() {
        PersonName pasted = new PersonName("นาย", "สม\u200Bศักดิ์", "ท\u0E4D\u0E32ดีท\u0E48\u0E35", null, "Som\uFEFFsak", null);
        assertThat(pasted.firstNameTh()).isEqualTo("สมศักดิ์");
        assertThat(pasted.lastNameTh()).isEqualTo("ทำดีที่");
        assertThat(pasted.firstNameEn()).isEqualTo("Somsak");
        // a zero-width space between a tone mark and its vowel does not keep them in the wrong order
        assertThat(new PersonName(null, "ก\u0E48\u200B\u0E35", "x", null, null, null).firstNameTh()).isEqualTo("กี่");
        // sara am split around its tone mark, as a PDF lays out น้ำ: nikhahit, mai tho, sara aa
        assertThat(new PersonName(null, "น\u0E4D\u0E49\u0E32ฝน", "x", null, null, null).firstNameTh()).isEqualTo("น\u0E49\u0E33ฝน");
    }
}
