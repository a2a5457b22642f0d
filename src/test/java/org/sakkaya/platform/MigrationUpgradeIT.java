package org.sakkaya.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.sakkaya.it.TestDatabase;

/**
 * Migrations that carry data over, run as an installation meets them: a database at the version before, holding rows
 * as the code of that version wrote them, then migrated to the current schema with the service's own migrations.
 * Plain JDBC and Flyway on the integration tests' MariaDB, in a database of its own; no Payara.
 */
class MigrationUpgradeIT {
    private static final String DATABASE = "sakkaya_upgrade_it";
    private static final String FRESH = "0174e1e3-3d00-7004-8000-00000000a001";
    private static final String STALE = "0174e1e3-3d00-7004-8000-00000000a002";
    private static final String NEVER = "0174e1e3-3d00-7004-8000-00000000a003";

    private String server;
    private String user;
    private String password;

    @BeforeEach
    void emptyDatabase() throws SQLException {
        String url = System.getProperty("it.db.url");
        server = url.substring(0, url.lastIndexOf('/') + 1);
        user = System.getProperty("it.db.user");
        password = System.getProperty("it.db.password", "");
        TestDatabase.recreate(server + DATABASE, user, password);
    }

    @AfterEach
    void dropDatabase() throws SQLException {
        try (Connection connection = DriverManager.getConnection(server, user, password);
             Statement statement = connection.createStatement()) {
            statement.execute("DROP DATABASE IF EXISTS " + DATABASE);
        }
    }

    @Test
    void theCohortCountersOfV013BecomeChangeRowsAndACohortThatWasStaleStaysStale() throws SQLException {
        migrations().target("13").load().migrate();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // as V013's code left them: computed at the last change; changed since its refresh; changed, never computed
            statement.executeUpdate("INSERT INTO pass_decision_state (cohort_id, inputs_version, computed_version, refreshed_at) VALUES "
                    + "('" + FRESH + "', 4, 4, UTC_TIMESTAMP(6)), ('" + STALE + "', 5, 2, UTC_TIMESTAMP(6)), ('" + NEVER + "', 1, NULL, NULL)");
        }

        assertThat(migrations().load().migrate().migrationsExecuted).isPositive();

        assertThat(strings("SELECT cohort_id FROM pass_decision_change")).containsExactly(STALE);
        // no state row is how a cohort never computed is stale now; the others keep theirs
        assertThat(strings("SELECT cohort_id FROM pass_decision_state ORDER BY cohort_id")).containsExactly(FRESH, STALE);
        assertThat(strings("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + DATABASE
                + "' AND table_name = 'pass_decision_state' ORDER BY ordinal_position"))
                .containsExactly("cohort_id", "valid_until", "refreshed_at");
    }

    @Test
    void theRecordsOfSnapshotsClosedBeforeV027BecomeRowsInTheirOrder() throws SQLException {
        migrations().target("26").load().migrate();
        String indicator = "0174e1e3-3d00-7004-8000-00000000b000";
        String rate = "0174e1e3-3d00-7004-8000-00000000b001";
        String works = "0174e1e3-3d00-7004-8000-00000000b002";
        String person = "0174e1e3-3d00-7004-8000-00000000d001";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // the snapshots as V026's code wrote them; their indicator and activities do not matter here
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            statement.executeUpdate("INSERT INTO indicator_snapshot (activity_id, indicator_id, numerator, denominator, actual, "
                    + "achieved, as_of, records) VALUES ('" + rate + "', '" + indicator + "', 1, 2, 50.00, FALSE, UTC_TIMESTAMP(6), "
                    + "'[{\"type\":\"ENROLLMENT\",\"id\":\"0174e1e3-3d00-7004-8000-00000000c001\",\"personId\":\"" + person
                    + "\",\"cohortId\":\"0174e1e3-3d00-7004-8000-00000000f001\",\"passed\":true,\"on\":\"2020-11-23\"},"
                    + "{\"type\":\"ENROLLMENT\",\"id\":\"0174e1e3-3d00-7004-8000-00000000c002\",\"passed\":false,\"on\":\"2020-11-23\"}]'), "
                    + "('" + works + "', '" + indicator + "', 1, NULL, 1.00, TRUE, UTC_TIMESTAMP(6), "
                    + "'[{\"type\":\"OUTPUT\",\"id\":\"0174e1e3-3d00-7004-8000-00000000e001\",\"title\":\"การวิเคราะห์ข้อมูลผู้ป่วยเบาหวาน\","
                    + "\"on\":\"2021-06-15\"}]')");
        }

        assertThat(migrations().load().migrate().migrationsExecuted).isPositive();

        List<String> rows = new ArrayList<>();
        try (Connection connection = connect(); var result = connection.createStatement().executeQuery(
                "SELECT activity_id, position, record_type, record_id, person_id, passed, title, on_date "
                        + "FROM indicator_snapshot_record ORDER BY activity_id, position")) {
            while (result.next()) {
                rows.add(result.getString(1).substring(33) + " " + result.getInt(2) + " " + result.getString(3) + " "
                        + result.getString(4).substring(33) + " " + result.getString(5) + " " + result.getString(6) + " "
                        + result.getString(7) + " " + result.getString(8));
            }
        }
        assertThat(rows).containsExactly(
                "001 0 ENROLLMENT 001 " + person + " 1 null 2020-11-23",
                "001 1 ENROLLMENT 002 null 0 null 2020-11-23",
                "002 0 OUTPUT 001 null null การวิเคราะห์ข้อมูลผู้ป่วยเบาหวาน 2021-06-15");
        assertThat(strings("SELECT column_name FROM information_schema.columns WHERE table_schema = '" + DATABASE
                + "' AND table_name = 'indicator_snapshot' AND column_name = 'records'")).isEmpty();
    }

    @Test
    void theAsciiColumnsV028WidensForThaiKeepTheirRowsAndTakeThaiAfterIt() throws SQLException {
        migrations().target("27").load().migrate();
        String assessment = "0174e1e3-3d00-7004-8000-00000000f101";
        String attempt = "0174e1e3-3d00-7004-8000-00000000f201";
        String layout = "[{\"questionId\":\"0174e1e3-3d00-7004-8000-00000000f301\",\"options\":[\"b\",\"a\",\"c\"]}]";
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // rows as the code before V028 wrote them; their cohort and person do not matter here
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            statement.executeUpdate("INSERT INTO assessment (id, cohort_id, kind, title, weight, max_score, opens_at, closes_at, "
                    + "competency_codes, created_at) VALUES ('" + assessment + "', '" + FRESH + "', 'QUIZ', 'แบบทดสอบ', 10, 100, "
                    + "'2020-11-23 02:00:00', '2020-11-23 03:00:00', '[\"DS-STAT\",\"DS-ML\"]', UTC_TIMESTAMP(6))");
            statement.executeUpdate("INSERT INTO attempt (id, assessment_id, person_id, number, status, started_at, deadline_at, layout) "
                    + "VALUES ('" + attempt + "', '" + assessment + "', '" + STALE + "', 1, 'SUBMITTED', '2020-11-23 02:05:00', "
                    + "'2020-11-23 02:35:00', '" + layout + "')");
        }

        assertThat(migrations().load().migrate().migrationsExecuted).isPositive();

        assertThat(strings("SELECT competency_codes FROM assessment")).containsExactly("[\"ds-stat\",\"ds-ml\"]");
        assertThat(strings("SELECT layout FROM attempt")).containsExactly(layout.toLowerCase(Locale.ROOT));
        assertThat(strings("SELECT CONCAT(table_name, '.', column_name, ' ', data_type, ' ', character_set_name) FROM "
                + "information_schema.columns WHERE table_schema = '" + DATABASE + "' AND ((table_name = 'assessment' AND "
                + "column_name = 'competency_codes') OR (table_name = 'attempt' AND column_name = 'layout')) ORDER BY 1"))
                .containsExactly("assessment.competency_codes text utf8mb4", "attempt.layout mediumtext utf8mb4");
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("UPDATE assessment SET competency_codes = '[\"ทักษะ-1\"]'");
            statement.executeUpdate("UPDATE attempt SET layout = '[{\"questionId\":\"x\",\"options\":[\"ข\",\"ก\",\"ง\",\"ค\"]}]'");
        }
        assertThat(strings("SELECT CONCAT(a.competency_codes, t.layout) FROM assessment a JOIN attempt t ON t.assessment_id = a.id"))
                .containsExactly("[\"ทักษะ-1\"][{\"questionid\":\"x\",\"options\":[\"ข\",\"ก\",\"ง\",\"ค\"]}]");
    }

    @Test
    void theNamesStoredBeforeV030TakeTheSpellingNamesAreKeptInAndErasedOnesStayAsTheyAre() throws SQLException {
        migrations().target("29").load().migrate();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // V030's update is checked against the person's organisation: a real one
            statement.executeUpdate("INSERT INTO organization (id, code, name_th, kind, path, created_at) VALUES ('" + STALE
                    + "', 'UPGRADE-IT', 'กรมทดสอบ', 'DEPARTMENT', '" + STALE + "/', UTC_TIMESTAMP(6))");
            // as the code before V030 kept them: ำ as nikhahit and sara aa, a zero-width space inside a name, a tone mark
            // typed before its vowel with a zero-width space between them
            statement.executeUpdate("INSERT INTO person (id, email, title_th, first_name_th, last_name_th, first_name_en, "
                    + "organization_id, created_at) VALUES ('" + FRESH + "', 'a@example.org', 'นาย', "
                    + "'สม\u200Bศักดิ์', 'ท\u0E4D\u0E32ดีท\u0E48\u200B\u0E35', 'Som\uFEFFsak', '" + STALE + "', UTC_TIMESTAMP(6)), "
                    + "('" + NEVER + "', 'b@example.org', NULL, 'ลบแล้ว\u200B', 'ลบแล้ว', NULL, '" + STALE + "', UTC_TIMESTAMP(6))");
            statement.executeUpdate("UPDATE person SET erased_at = UTC_TIMESTAMP(6) WHERE id = '" + NEVER + "'");
        }

        assertThat(migrations().load().migrate().migrationsExecuted).isPositive();

        assertThat(strings("SELECT CONCAT(title_th, '|', first_name_th, '|', last_name_th, '|', first_name_en) FROM person WHERE id = '"
                + FRESH + "'")).containsExactly("นาย|สมศักดิ์|ทำดีที่|somsak");
        assertThat(strings("SELECT HEX(last_name_th) FROM person WHERE id = '" + FRESH + "'"))
                .containsExactly(hex("ทำดีที่"));
        assertThat(strings("SELECT HEX(first_name_th) FROM person WHERE id = '" + NEVER + "'")).containsExactly(hex("ลบแล้ว\u200B"));
    }

    @Test
    void theNamesStoredBeforeV035WithSaraAmSplitAroundItsToneMarkAreJoined() throws SQLException {
        migrations().target("34").load().migrate();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO organization (id, code, name_th, kind, path, created_at) VALUES ('" + STALE
                    + "', 'UPGRADE-IT', 'กรมทดสอบ', 'DEPARTMENT', '" + STALE + "/', UTC_TIMESTAMP(6))");
            // น ํ ้ า ฝ น as pasted from a PDF; the erased record's placeholder is left as it is
            statement.executeUpdate("INSERT INTO person (id, email, first_name_th, last_name_th, organization_id, created_at) VALUES ('"
                    + FRESH + "', 'a@example.org', 'น\u0E4D\u0E49\u0E32ฝน', 'ช\u0E4D\u0E48\u0E32ชอง', '" + STALE + "', UTC_TIMESTAMP(6)), ('"
                    + NEVER + "', 'b@example.org', 'น\u0E4D\u0E49\u0E32', 'ลบแล้ว', '" + STALE + "', UTC_TIMESTAMP(6))");
            statement.executeUpdate("UPDATE person SET erased_at = UTC_TIMESTAMP(6) WHERE id = '" + NEVER + "'");
        }

        assertThat(migrations().load().migrate().migrationsExecuted).isPositive();

        assertThat(strings("SELECT HEX(first_name_th) FROM person WHERE id = '" + FRESH + "'")).containsExactly(hex("น\u0E49\u0E33ฝน"));
        assertThat(strings("SELECT HEX(last_name_th) FROM person WHERE id = '" + FRESH + "'")).containsExactly(hex("ช\u0E48\u0E33ชอง"));
        assertThat(strings("SELECT HEX(first_name_th) FROM person WHERE id = '" + NEVER + "'")).containsExactly(hex("น\u0E4D\u0E49\u0E32"));
    }

    @Test
    void accountsWhoseRecordsSomeoneButThePersonOrAnAdministratorMadeOrChangedBeforeV036GetNoResetLinkByMail() throws SQLException {
        String hr = "0174e1e3-3d00-7004-8000-00000000a004";
        String admin = "0174e1e3-3d00-7004-8000-00000000a005";
        String registeredByHr = "0174e1e3-3d00-7004-8000-00000000a006";
        migrations().target("35").load().migrate();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("INSERT INTO organization (id, code, name_th, kind, path, created_at) VALUES ('" + STALE
                    + "', 'UPGRADE-IT', 'กรมทดสอบ', 'DEPARTMENT', '" + STALE + "/', UTC_TIMESTAMP(6))");
            statement.executeUpdate("INSERT INTO person (id, email, first_name_th, last_name_th, organization_id, created_at) VALUES "
                    + "('" + FRESH + "', 'a@example.org', 'ก', 'ข', '" + STALE + "', UTC_TIMESTAMP(6)), "
                    + "('" + NEVER + "', 'b@example.org', 'ค', 'ง', '" + STALE + "', UTC_TIMESTAMP(6)), "
                    + "('" + hr + "', 'hr@example.org', 'จ', 'ฉ', '" + STALE + "', UTC_TIMESTAMP(6)), "
                    + "('" + admin + "', 'admin@example.org', 'ช', 'ซ', '" + STALE + "', UTC_TIMESTAMP(6)), "
                    + "('" + registeredByHr + "', 'c@example.org', 'ฌ', 'ญ', '" + STALE + "', UTC_TIMESTAMP(6))");
            statement.executeUpdate("INSERT INTO person_role (person_id, role) VALUES ('" + FRESH + "', 'TRAINEE'), ('" + NEVER
                    + "', 'TRAINEE'), ('" + hr + "', 'HR'), ('" + admin + "', 'ADMIN'), ('" + registeredByHr + "', 'TRAINEE')");
            statement.executeUpdate("INSERT INTO account (person_id, password_hash) VALUES ('" + FRESH + "', 'x'), ('" + NEVER
                    + "', 'x'), ('" + hr + "', 'x'), ('" + admin + "', 'x'), ('" + registeredByHr + "', 'x')");
            // HR changed the first trainee's record and registered the third; an ADMIN registered and changed the
            // second's, which HR only read, and HR changed its own
            String event = "INSERT INTO audit_event (id, occurred_at, actor_id, action, subject_type, subject_id) VALUES ";
            statement.executeUpdate(event + "(UUID(), UTC_TIMESTAMP(6), '" + hr + "', 'PERSON_CHANGED', 'person', '" + FRESH + "'), "
                    + "(UUID(), UTC_TIMESTAMP(6), '" + admin + "', 'PERSON_CREATED', 'person', '" + NEVER + "'), "
                    + "(UUID(), UTC_TIMESTAMP(6), '" + admin + "', 'PERSON_CHANGED', 'person', '" + NEVER + "'), "
                    + "(UUID(), UTC_TIMESTAMP(6), '" + hr + "', 'PERSON_READ', 'person', '" + NEVER + "'), "
                    + "(UUID(), UTC_TIMESTAMP(6), '" + hr + "', 'PERSON_CHANGED', 'person', '" + hr + "'), "
                    + "(UUID(), UTC_TIMESTAMP(6), '" + hr + "', 'PERSON_CREATED', 'person', '" + registeredByHr + "')");
        }

        assertThat(migrations().load().migrate().migrationsExecuted).isPositive();

        assertThat(strings("SELECT CONCAT(a.person_id, '|', a.reset_by_mail_withheld) FROM account a ORDER BY a.person_id"))
                .containsExactly(FRESH + "|1", NEVER + "|0", hr + "|0", admin + "|0", registeredByHr + "|1");
    }

    @Test
    void theCertificatesIssuedBeforeV033SortByTheirHoldersFirstAndLastNameAndErasedOnesStayErased() throws SQLException {
        migrations().target("32").load().migrate();
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            // the rows a certificate hangs on are beside the point: written without their foreign keys
            statement.execute("SET FOREIGN_KEY_CHECKS = 0");
            statement.executeUpdate("INSERT INTO person (id, email, title_th, first_name_th, last_name_th, organization_id, created_at) "
                    + "VALUES ('" + FRESH + "', 'a@example.org', 'ดร.', 'ฤทัยรัตน์', 'ภู่ผึ้ง', '" + STALE + "', UTC_TIMESTAMP(6)), "
                    + "('" + NEVER + "', 'b@example.org', NULL, '(ลบข้อมูลแล้ว)', '', '" + STALE + "', UTC_TIMESTAMP(6))");
            statement.executeUpdate("UPDATE person SET erased_at = UTC_TIMESTAMP(6) WHERE id = '" + NEVER + "'");
            String columns = "INSERT INTO certificate (serial, enrollment_id, person_id, cohort_id, organization_id, kind, holder_name, "
                    + "program_name_th, cohort_number, issued_on, sha256, status, created_at) VALUES ";
            String rest = "', '" + STALE + "', '" + STALE + "', 'ACHIEVEMENT', ";
            statement.executeUpdate(columns
                    + "('SERIALTITLED00000000000001', 'e1', '" + FRESH + rest + "'ดร.ฤทัยรัตน์ ภู่ผึ้ง', 'หลักสูตร', 1, '2020-11-26', '"
                    + "0".repeat(64) + "', 'VALID', UTC_TIMESTAMP(6)), "
                    + "('SERIALERASED00000000000001', 'e2', '" + NEVER + rest + "'(ลบข้อมูลแล้ว)', 'หลักสูตร', 1, '2020-11-26', '"
                    + "0".repeat(64) + "', 'VALID', UTC_TIMESTAMP(6)), "
                    + "('SERIALNOPERSON000000000001', 'e3', 'no-such-person', '" + STALE + "', '" + STALE + "', 'ACHIEVEMENT', "
                    + "'นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์', 'หลักสูตร', 1, '2020-11-26', '" + "0".repeat(64) + "', 'VALID', UTC_TIMESTAMP(6))");
        }

        assertThat(migrations().load().migrate().migrationsExecuted).isPositive();

        assertThat(strings("SELECT CONCAT(serial, '|', holder_sort_name) FROM certificate ORDER BY serial")).containsExactly(
                "serialerased00000000000001|(ลบข้อมูลแล้ว)", "serialnoperson000000000001|นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์",
                "serialtitled00000000000001|ฤทัยรัตน์ ภู่ผึ้ง");
    }

    private static String hex(String text) {
        return java.util.HexFormat.of().formatHex(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private FluentConfiguration migrations() {
        return Flyway.configure().dataSource(server + DATABASE, user, password).locations("classpath:db/migration")
                .failOnMissingLocations(true);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(server + DATABASE, user, password);
    }

    private List<String> strings(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        try (Connection connection = connect(); var rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return values;
    }
}
