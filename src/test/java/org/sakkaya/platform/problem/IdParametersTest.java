package org.sakkaya.platform.problem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.sakkaya.platform.persistence.Ids;

/** Which values may name a record: only ids spelled as the database holds them, since its id columns ignore case. */
class IdParametersTest {
    @Test
    void anIdAsMadeNamesARecordAndNoOtherSpellingOfItDoes() {
        String id = Ids.next();
        assertThat(IdParameters.recordId(id)).isTrue();
        assertThat(IdParameters.recordId("0174e1e3-3d00-7013-8000-000000000003")).as("the demo data's ids").isTrue();
        assertThat(IdParameters.recordId(id.toUpperCase(java.util.Locale.ROOT))).isFalse();
        assertThat(IdParameters.recordId(id + " ")).as("CHAR columns ignore trailing spaces").isFalse();
        assertThat(IdParameters.recordId(" " + id)).isFalse();
        assertThat(IdParameters.recordId(id.replace("-", ""))).isFalse();
        assertThat(IdParameters.recordId("")).isFalse();
        assertThat(new RecordId.Validator().isValid(id.toUpperCase(java.util.Locale.ROOT), null)).isFalse();
        assertThat(new RecordId.Validator().isValid("", null)).as("blank: none, where a field allows it").isTrue();
        assertThat(new RecordId.Validator().isValid(null, null)).isTrue();
    }

    @Test
    void serialsKindsAndFormatsKeepTheirOwnSpelling() {
        assertThat(IdParameters.namesRecordId("id")).isTrue();
        assertThat(IdParameters.namesRecordId("personId")).isTrue();
        assertThat(IdParameters.namesRecordId("serial")).isFalse();
        assertThat(IdParameters.namesRecordId("kind")).isFalse();
        assertThat(IdParameters.namesRecordId("format")).isFalse();
        assertThat(IdParameters.plausibleId("SKY-2563-7Q4M")).isTrue();
    }
}
