package org.sakkaya.program;

import static org.assertj.core.api.Assertions.assertThat;

import org.sakkaya.platform.problem.FieldError;
import org.sakkaya.program.control.NominationSheet;
import org.sakkaya.program.control.NominationSheet.Column;
import org.junit.jupiter.api.Test;

class NominationSheetTest {
    /** The headings of the README's example, Thai first, each with the column's name in brackets, as Excel saves them. */
    static final String TEMPLATE = "\uFEFFอีเมล (email),คำนำหน้า (titleTh),ชื่อ (firstNameTh),นามสกุล (lastNameTh),"
            + "Title (titleEn),First name (firstNameEn),Last name (lastNameEn),ตำแหน่ง (position),รหัสหน่วยงาน (organizationCode)\r\n";

    @Test
    void theTemplateAsExcelSavesItReadsWithThaiCellsExactlyAndRowsNumberedAsTheSpreadsheetShowsThem() {
        String csv = TEMPLATE
                + "somchai@anamai.moph.go.th,นาย,สมชาย,ใจดี,Mr,Somchai,Jaidee,นักวิชาการสาธารณสุขปฏิบัติการ,DOH\r\n"
                + ",,,,,,,,\r\n" // a row Excel leaves behind
                + "\"malee@anamai.moph.go.th\",นางสาว,มาลี,\"ศรีสุข, ใจงาม\",,,,\"นักประชาสัมพันธ์\nชำนาญการ\",\r\n";

        NominationSheet.Read read = NominationSheet.read(csv);

        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).hasSize(2);
        NominationSheet.Row first = read.rows().get(0);
        assertThat(first.number()).isEqualTo(2);
        assertThat(first.get(Column.FIRST_NAME_TH)).isEqualTo("สมชาย");
        assertThat(first.get(Column.ORGANIZATION_CODE)).isEqualTo("DOH");
        NominationSheet.Row second = read.rows().get(1);
        assertThat(second.number()).as("the blank row keeps its number").isEqualTo(4);
        assertThat(second.get(Column.LAST_NAME_TH)).isEqualTo("ศรีสุข, ใจงาม");
        assertThat(second.get(Column.POSITION)).isEqualTo("นักประชาสัมพันธ์\nชำนาญการ");
        assertThat(second.get(Column.TITLE_EN)).as("a blank cell is absent").isNull();
        assertThat(second.field(Column.EMAIL)).isEqualTo("rows[4].email");
    }

    @Test
    void columnsMayComeInAnyOrderByTheirNamesAloneAndNotAllAreNeeded() {
        NominationSheet.Read read = NominationSheet.read("FirstNameTh,EMAIL\nสมหญิง,somying@example.org\n");

        assertThat(read.errors()).isEmpty();
        assertThat(read.rows().get(0).cells()).containsOnly(
                java.util.Map.entry(Column.FIRST_NAME_TH, "สมหญิง"), java.util.Map.entry(Column.EMAIL, "somying@example.org"));
    }

    @Test
    void aHeadingRowThatCannotBeTrustedIsRefusedWholeAndNothingIsRead() {
        assertThat(NominationSheet.read("email,firstnameTH2,email\nsomchai@example.org,สมชาย,x@example.org\n").errors())
                .extracting(FieldError::field).containsExactly("rows[1][2]", "rows[1][3]");
        assertThat(NominationSheet.read("ชื่อ (firstNameTh)\nสมชาย\n").errors())
                .extracting(FieldError::field).containsExactly("rows[1]");
        assertThat(NominationSheet.read("").errors()).extracting(FieldError::field).containsExactly("body");
        assertThat(NominationSheet.read(TEMPLATE).errors()).extracting(FieldError::message)
                .containsExactly("has a heading row and nobody below it");
    }

    @Test
    void aRowWithMoreCellsThanHeadingsIsNamedAndAFileThatIsNotCsvSaysWhere() {
        NominationSheet.Read extra = NominationSheet.read("email,firstNameTh\na@example.org,สมชาย\nb@example.org,มาลี,ศรีสุข\n");
        assertThat(extra.rows()).isEmpty();
        assertThat(extra.errors()).extracting(FieldError::field).containsExactly("rows[3]");

        NominationSheet.Read unclosed = NominationSheet.read("email,firstNameTh\n\"a@example.org,สมชาย\n");
        assertThat(unclosed.rows()).isEmpty();
        assertThat(unclosed.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("body");
            assertThat(error.message()).startsWith("is not CSV as a spreadsheet saves it").doesNotContain("สมชาย");
        });
    }

    @Test
    void aFileOfMoreThanFiveHundredPeopleIsRefusedRatherThanCut() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i <= NominationSheet.MAX_ROWS; i++) {
            csv.append("p").append(i).append("@example.org\n");
        }
        assertThat(NominationSheet.read(csv.toString()).errors()).extracting(FieldError::message)
                .singleElement().asString().contains("more than 500");
        assertThat(NominationSheet.read(csv.substring(0, csv.lastIndexOf("p500@"))).rows()).hasSize(500);
    }

    @Test
    void emptyLinesAndEmptyColumnsKeepRowNumbersAsTheSpreadsheetShowsThemAndAValueWithoutAHeadingIsRefused() {
        NominationSheet.Read read = NominationSheet.read("email,\na@example.org,\n\nb@example.org,\n");
        assertThat(read.errors()).isEmpty();
        assertThat(read.rows()).extracting(NominationSheet.Row::number).containsExactly(2L, 4L);

        assertThat(NominationSheet.read("email,\na@example.org,หมายเหตุ\n").errors()).extracting(FieldError::field)
                .containsExactly("rows[2][2]");
    }

    @Test
    void aFileOfManyBrokenRowsIsAnsweredWithItsFirstHundredMistakesNotAllOfThem() {
        StringBuilder csv = new StringBuilder("email\n");
        for (int i = 0; i < 400; i++) {
            csv.append("a,b\n");
        }
        assertThat(NominationSheet.read(csv.toString()).errors()).hasSize(NominationSheet.MAX_ERRORS);
        assertThat(NominationSheet.read(csv.toString().repeat(2).replace("email\na,b", "a,b")).errors())
                .extracting(FieldError::message).last().asString().isNotEmpty();
        StringBuilder many = new StringBuilder("email\n");
        for (int i = 0; i < 600; i++) {
            many.append("a,b\n");
        }
        assertThat(NominationSheet.read(many.toString()).errors()).as("rows that are refused count towards the 500 too")
                .hasSize(NominationSheet.MAX_ERRORS);
    }

    @Test
    void aHeadingRowOfThousandsOfCellsIsOneMistakeAndAnEmptyFirstLineIsNamed() {
        assertThat(NominationSheet.read("x,".repeat(100_000) + "\n").errors()).extracting(FieldError::field).containsExactly("rows[1]");
        assertThat(NominationSheet.read("\nemail\na@example.org\n").errors()).extracting(FieldError::message)
                .singleElement().asString().startsWith("is empty");
        assertThat(NominationSheet.read("\u00A0email\u00A0,\u00A0\na@example.org\n").errors()).as("headings stripped as cells are").isEmpty();
    }
}
