package org.sakkaya.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sakkaya.it.Api;
import org.sakkaya.it.Deployments;
import org.sakkaya.it.PayaraLog;
import org.sakkaya.it.TestDatabase;
import org.sakkaya.it.World;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/**
 * PDPA battery: every table that holds a person's data is covered by the export and erasure, and an erased person
 * leaves no trace of their name or e-mail in any table, file or log line, while figures and certificates stay true.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PrivacyIT {
    static {
        PayaraLog.capture();
    }

    /**
     * The rule for "holds a person's data": a column with a foreign key to {@code person}, or named like one that
     * points at a person or identifies one: {@code person_id}, {@code *_person_id}, {@code *_by}, {@code actor_id},
     * {@code author_id} and {@code *author*}, {@code subject_id}, {@code email}, {@code holder_name},
     * {@code client_address}. Names are checked as well as keys because some such columns have no key on purpose
     * (audit events outlive what they are about; {@code *_by} columns may be nulled by erasure).
     */
    private static final String PERSON_COLUMNS = """
            SELECT c.TABLE_NAME, c.COLUMN_NAME FROM information_schema.COLUMNS c
            WHERE c.TABLE_SCHEMA = DATABASE() AND c.TABLE_NAME <> 'flyway_schema_history'
              AND (c.COLUMN_NAME IN ('person_id', 'actor_id', 'author_id', 'subject_id', 'email', 'holder_name', 'client_address')
                   OR c.COLUMN_NAME LIKE '%\\_by' OR c.COLUMN_NAME LIKE '%\\_person\\_id' OR c.COLUMN_NAME LIKE '%author%'
                   OR EXISTS (SELECT 1 FROM information_schema.KEY_COLUMN_USAGE k
                              WHERE k.TABLE_SCHEMA = c.TABLE_SCHEMA AND k.TABLE_NAME = c.TABLE_NAME
                                AND k.COLUMN_NAME = c.COLUMN_NAME AND k.REFERENCED_TABLE_NAME = 'person'))
            ORDER BY c.TABLE_NAME, c.COLUMN_NAME""";

    /**
     * Tables the rule matches that no holder needs to declare, each with the reason. Empty today: every matching
     * table is exported and erased by its feature.
     */
    private static final Map<String, String> NOT_PERSONAL = Map.of();

    private static final String THAI_LETTERS = "กขคฆงจฉชซญฎฐฑณดตถทธนบปผพฟภมยรลวศษสหฬอฮ";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    World world;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        world = new World(api);
    }

    @Test
    void everyTableThatHoldsAPersonsDataIsDeclaredByAHolderOfTheExportAndErasure() throws Exception {
        Map<String, Set<String>> personTables = new TreeMap<>();
        Set<String> allTables = new TreeSet<>();
        try (Connection connection = TestDatabase.connect()) {
            try (ResultSet rows = connection.createStatement().executeQuery(PERSON_COLUMNS)) {
                while (rows.next()) {
                    personTables.computeIfAbsent(rows.getString(1), t -> new TreeSet<>()).add(rows.getString(2));
                }
            }
            try (ResultSet rows = connection.createStatement().executeQuery(
                    "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()")) {
                while (rows.next()) {
                    allTables.add(rows.getString(1));
                }
            }
        }
        Map<String, String> declared = declaredTables();
        List<String> missing = personTables.keySet().stream()
                .filter(t -> !declared.containsKey(t) && !NOT_PERSONAL.containsKey(t))
                .map(t -> t + " " + personTables.get(t))
                .toList();
        System.out.printf("PDPA coverage: %d tables of %d hold a person's data; %d declared by %d holders; %d allow-listed; %d missing%n",
                personTables.size(), allTables.size(), declared.size(), declared.values().stream().distinct().count(),
                NOT_PERSONAL.size(), missing.size());
        assertThat(personTables).as("the rule finds the person tables").containsKeys("person", "enrollment", "attempt", "certificate");
        assertThat(missing).as("tables with a person's data that no PersonalDataHolder.tables() declares (column names in brackets)")
                .isEmpty();
        assertThat(declared.keySet()).as("holders declare only tables that exist").allMatch(allTables::contains);
    }

    /** table -> the holder that declares it, found among the compiled classes as the server finds its beans. */
    private static Map<String, String> declaredTables() throws IOException {
        Path root = Paths.get("target/classes");
        Map<String, String> tables = new TreeMap<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                String name = root.relativize(file).toString().replace('/', '.').replaceAll("\\.class$", "");
                Class<?> type;
                try {
                    type = Class.forName(name, false, PrivacyIT.class.getClassLoader());
                } catch (ClassNotFoundException | LinkageError e) {
                    continue;
                }
                if (!PersonalDataHolder.class.isAssignableFrom(type) || type.isInterface() || Modifier.isAbstract(type.getModifiers())) {
                    continue;
                }
                try {
                    PersonalDataHolder holder = (PersonalDataHolder) type.getDeclaredConstructor().newInstance();
                    holder.tables().forEach(t -> tables.put(t, type.getSimpleName()));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return tables;
    }

    @Test
    void aNominatorExportsTheNominationsTheyMadeAndTheirErasureLeavesTheEnrolmentsWithoutThem() {
        String organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        String cohortId = world.cohort(organiser, world.program(organiser, "นักสื่อสารสุขภาพ", "CONTENT_CREATOR"), "2030-11-23", "2030-11-26");
        World.Person hr = world.person(world.departmentId, "HR");
        String staff = world.personWithoutPassword(world.divisionId);
        String enrollmentId = api.as(world.token(hr)).body(Map.of("personId", staff)).post("/cohorts/" + cohortId + "/enrollments")
                .then().statusCode(201).body("status", equalTo("NOMINATED")).extract().path("id");

        JsonPath exported = api.as(world.token(hr)).get("/people/" + hr.id() + "/personal-data").then().statusCode(200)
                .extract().jsonPath();
        assertThat(exported.getList("programs.nominationsMade")).hasSize(1);
        assertThat(exported.getMap("programs.nominationsMade[0]")).containsOnlyKeys("enrollmentId", "cohortId", "createdAt")
                .containsEntry("enrollmentId", enrollmentId).containsEntry("cohortId", cohortId);

        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE nominated_by = ?", hr.id())).isEqualTo(1);
        api.as(world.adminToken()).delete("/people/" + hr.id() + "/personal-data").then().statusCode(204);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE nominated_by = ?", hr.id()))
                .as("enrolments still naming the erased nominator").isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE id = ? AND status = 'NOMINATED'", enrollmentId)).isEqualTo(1);
    }

    @Test
    void aRevocationReasonThatNamesTheHolderIsErasedAndTheCertificateStaysRevoked() throws Exception {
        String first = "วันเพ็ญ" + random(5);
        String last = "เพิกถอน" + random(5);
        String organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        String cohortId = world.cohort(organiser, world.program(organiser, "นักสื่อสารสุขภาพ", "CONTENT_CREATOR"), "2020-11-23", "2020-11-26");
        World.Person subject = world.namedPerson(world.divisionId, "นาง", first, last, "TRAINEE");
        String subjectToken = world.seat(organiser, cohortId, subject);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(1));
        String serial = api.as(subjectToken).get("/certificates").then().statusCode(200).extract().path("items[0].serial");
        api.as(organiser).body(Map.of("reason", "ชื่อ " + first + " " + last + " สะกดผิด")).post("/certificates/" + serial + "/revoke")
                .then().statusCode(200);
        assertThat(hitsInTables(List.of(first, last))).as("the reason is kept until the erasure").isNotEmpty();
        // what is written about the holder is theirs to read in their export
        api.as(subjectToken).get("/people/" + subject.id() + "/personal-data").then().statusCode(200)
                .body("certificates.certificates[0].revokedReason", equalTo("ชื่อ " + first + " " + last + " สะกดผิด"))
                .body("certificates.certificates[0].certificate.serial", equalTo(serial));

        api.as(world.adminToken()).delete("/people/" + subject.id() + "/personal-data").then().statusCode(204);
        assertThat(hitsInTables(List.of(first, last, subject.email()))).isEmpty();
        api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200).body("status", equalTo("REVOKED"));
    }

    @Test
    void anErasedPersonLeavesNoNameOrEmailInTablesFilesOrLogsAndFiguresStay() throws Exception {
        String first = "ปิยะ" + random(5);
        String last = "ทดลองลบ" + random(5);
        String organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        String programId = world.program(organiser, "นักวิทยาการข้อมูล (Data Scientist)", "DATA_SCIENCE");
        String cohortId = world.cohort(organiser, programId, "2020-11-23", "2020-11-26");
        World.Person trainerPerson = world.person(world.divisionId, "TRAINER");
        api.as(organiser).put("/cohorts/" + cohortId + "/trainers/" + trainerPerson.id()).then().statusCode(200);
        String trainer = world.token(trainerPerson);
        World.Person subject = world.namedPerson(world.divisionId, "นางสาว", first, last, "TRAINEE");
        String email = subject.email();
        String name = first + " " + last;
        String subjectToken = world.seat(organiser, cohortId, subject);
        world.seat(organiser, cohortId, world.person(world.divisionId, "TRAINEE"));
        api.signIn(email, "Wrong-Password-2563").then().statusCode(401);

        // certificates for both trainees (no pass policy: everyone seated passes), issued first: the quiz and the
        // assignment below stay open, and a cohort's certificates wait until its counted assessments have closed
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(2));
        String serial = api.as(subjectToken).get("/certificates").then().statusCode(200).extract().path("items[0].serial");

        // a quiz answered in the person's own words
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        Map<String, Object> quiz = new HashMap<>();
        quiz.put("kind", "QUIZ");
        quiz.put("title", "แนะนำตัว");
        quiz.put("weight", 10);
        quiz.put("maxScore", 10);
        quiz.put("opensAt", now.minusHours(1).toString());
        quiz.put("closesAt", now.plusHours(1).toString());
        quiz.put("questions", List.of(Map.of("kind", "SHORT_TEXT", "prompt", "ชื่อและอีเมลของท่าน", "points", 1, "answer", List.of("-"))));
        String quizId = api.as(organiser).body(quiz).post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");
        Response attempt = api.as(subjectToken).post("/assessments/" + quizId + "/attempts");
        String attemptId = attempt.path("id");
        api.as(subjectToken).body(List.of(Map.of("questionId", attempt.jsonPath().getString("questions[0].id"), "answer", name + " " + email)))
                .put("/attempts/" + attemptId + "/answers").then().statusCode(200);
        api.as(subjectToken).post("/attempts/" + attemptId + "/submit").then().statusCode(200);

        // assignment work with a file that carries the name, graded with feedback that names the person
        Map<String, Object> work = new HashMap<>();
        work.put("kind", "ASSIGNMENT");
        work.put("title", "รายงานโครงการ");
        work.put("weight", 10);
        work.put("maxScore", 10);
        work.put("opensAt", now.minusHours(1).toString());
        work.put("closesAt", now.plusDays(1).toString());
        String workId = api.as(organiser).body(work).post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");
        // handed in with an Idempotency-Key: the answer kept for a retry names the person too
        String submissionId = api.as(subjectToken).header("Idempotency-Key", UUID.randomUUID().toString()).contentType("multipart/form-data")
                .multiPart("file", "รายงาน-" + first + ".pdf", pdfNaming(name, email), "application/pdf")
                .multiPart(text("text", "จัดทำโดย " + name)).post("/assessments/" + workId + "/submissions")
                .then().statusCode(201).extract().path("id");
        api.as(trainer).body(Map.of("score", 9, "feedback", "คุณ" + first + " ทำได้ดีมาก")).put("/submissions/" + submissionId + "/grade")
                .then().statusCode(200);
        // the trainer's own export tells what they graded and when, not whom, the score or what they wrote about it
        JsonPath graderExport = api.as(trainer).get("/people/" + trainerPerson.id() + "/personal-data").then().statusCode(200)
                .extract().jsonPath();
        assertThat(graderExport.getList("assessments.gradesGiven")).hasSize(1);
        assertThat(graderExport.getMap("assessments.gradesGiven[0]")).containsOnlyKeys("submissionId", "assessmentId", "gradedAt")
                .containsEntry("submissionId", submissionId);
        assertThat(graderExport.getString("assessments")).doesNotContain(subject.id()).doesNotContain(first);
        // the organiser's assignment names the trainer only in the event's detail
        assertThat(graderExport.getList("identity.auditEvents.findAll { it.action == 'TRAINER_ASSIGNED' }.detail", String.class))
                .containsExactly("trainer " + trainerPerson.id());

        // a field report with a file, and a mentor's feedback on it
        String fieldId = api.as(organiser).body(Map.of("title", "ฝึกปฏิบัติภาคสนาม", "brief", "คลิปวิดีโอสั้น", "dueOn", "2030-10-20"))
                .post("/cohorts/" + cohortId + "/field-assignments").then().statusCode(201).extract().path("id");
        String reportId = api.as(subjectToken).contentType("multipart/form-data")
                .multiPart(text("text", "รายงานของ " + name + " ติดต่อ " + email))
                .multiPart("file", first + "-ภาคสนาม.pdf", pdfNaming(name, email), "application/pdf")
                .post("/field-assignments/" + fieldId + "/reports").then().statusCode(201).extract().path("id");
        api.as(trainer).header("Idempotency-Key", UUID.randomUUID().toString()).body(Map.of("text", "คุณ" + first + " เล่าเรื่องได้ดี"))
                .post("/field-reports/" + reportId + "/feedback").then().statusCode(201);

        JsonPath before = api.as(organiser).get("/cohorts/" + cohortId + "/gradebook").then().statusCode(200).extract().jsonPath();
        JsonPath verifiedBefore = api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200).extract().jsonPath();
        assertThat(verifiedBefore.getString("holderName")).contains(first);

        // the export carries what each feature holds, the assessment work included
        String export = api.as(subjectToken).get("/people/" + subject.id() + "/personal-data").then().statusCode(200).extract().asString();
        JsonPath exported = JsonPath.from(export);
        assertThat(exported.getString("assessments.submissions[0].text")).contains(name);
        assertThat(exported.getString("assessments.attempts[0].answers[0].answer")).contains(email);
        assertThat(exported.getString("workshops.fieldReports[0].text")).contains(name);
        assertThat(exported.getList("certificates.certificates")).hasSize(1);
        // every time in it is Bangkok's, as API.md writes instants: none in UTC, none without an offset
        assertThat(export).containsPattern("T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\\+07:00\"")
                .doesNotContainPattern("T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z\"")
                .doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?\"");
        assertThat(exported.getList("idempotentRequests.requests")).isNotEmpty();
        // before erasure the probe finds the person, so a zero afterwards means something
        assertThat(hitsInTables(List.of(first, last, email))).isNotEmpty()
                .as("the answers kept for keyed requests, the subject's and the trainer's").contains("idempotent_request.body: " + first);
        assertThat(hitsInFiles(List.of(first, email))).isNotEmpty();

        api.as(world.adminToken()).delete("/people/" + subject.id() + "/personal-data").then().statusCode(204);

        List<String> needles = List.of(first, last, email, email.substring(0, email.indexOf('@')));
        List<String> tableHits = hitsInTables(needles);
        List<String> fileHits = hitsInFiles(needles);
        List<String> logHits = needles.stream().filter(PayaraLog.text()::contains).toList();
        System.out.printf("PDPA erasure: %d hits in tables, %d in files, %d in the log%n", tableHits.size(), fileHits.size(), logHits.size());
        assertThat(tableHits).as("columns still holding the erased person's name or e-mail").isEmpty();
        assertThat(fileHits).as("stored files still holding the erased person's name or e-mail").isEmpty();
        assertThat(logHits).as("the server log names the erased person").isEmpty();

        // what is left is exported as what it is: an erased answer is JSON null, not the text "null"
        JsonPath left = api.as(world.adminToken()).get("/people/" + subject.id() + "/personal-data").then().statusCode(200).extract().jsonPath();
        assertThat(left.getList("assessments.attempts[0].answers")).isNotEmpty();
        assertThat(left.getList("assessments.attempts[0].answers.answer")).containsOnlyNulls();

        JsonPath after = api.as(organiser).get("/cohorts/" + cohortId + "/gradebook").then().statusCode(200).extract().jsonPath();
        assertThat(after.getInt("evaluated")).isEqualTo(before.getInt("evaluated")).isEqualTo(2);
        assertThat(after.getInt("passed")).isEqualTo(before.getInt("passed"));
        assertThat(after.getFloat("passRatePercent")).isEqualTo(before.getFloat("passRatePercent"));
        api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200)
                .body("status", equalTo("VALID"))
                .body("sha256", equalTo(verifiedBefore.getString("sha256")))
                .body("holderName", equalTo("(ลบข้อมูลแล้ว)"));
        api.as(trainer).get("/submissions/" + submissionId).then().statusCode(200).body("grade.score", equalTo(9.0f));
        api.root().accept("text/html").get("/verify/" + serial).then().statusCode(200).body(containsString("VALID"));

        // the erasure ended the person's sessions: a token issued before it writes nothing
        api.as(subjectToken).body(Map.of("text", "ส่งอีกครั้งโดย " + name + " " + email)).post("/assessments/" + workId + "/submissions")
                .then().statusCode(401);
        assertThat(hitsInTables(needles)).as("what the erased person's old token tried to write").isEmpty();
        // erasing again (as the sweep does for a request under way at the erasure) is harmless
        api.as(world.adminToken()).delete("/people/" + subject.id() + "/personal-data").then().statusCode(204);
        assertThat(hitsInTables(needles)).as("columns holding the name or e-mail after erasing again").isEmpty();
        assertThat(hitsInFiles(needles)).isEmpty();
        api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200).body("status", equalTo("VALID"));
    }

    /** Every text and binary column of every table, searched for each needle: "table.column: needle" per hit. */
    private static List<String> hitsInTables(List<String> needles) throws SQLException {
        List<String> hits = new ArrayList<>();
        try (Connection connection = TestDatabase.connect()) {
            List<String[]> columns = new ArrayList<>();
            try (ResultSet rows = connection.createStatement().executeQuery("""
                    SELECT TABLE_NAME, COLUMN_NAME FROM information_schema.COLUMNS
                    WHERE TABLE_SCHEMA = DATABASE() AND DATA_TYPE IN
                      ('char', 'varchar', 'tinytext', 'text', 'mediumtext', 'longtext', 'json', 'blob', 'mediumblob', 'longblob', 'varbinary')""")) {
                while (rows.next()) {
                    columns.add(new String[]{rows.getString(1), rows.getString(2)});
                }
            }
            for (String[] column : columns) {
                for (String needle : needles) {
                    String sql = "SELECT COUNT(*) FROM `" + column[0] + "` WHERE INSTR(CAST(`" + column[1] + "` AS BINARY), CAST(? AS BINARY)) > 0";
                    try (var statement = connection.prepareStatement(sql)) {
                        statement.setString(1, needle);
                        try (ResultSet count = statement.executeQuery()) {
                            count.next();
                            if (count.getLong(1) > 0) {
                                hits.add(column[0] + "." + column[1] + ": " + needle);
                            }
                        }
                    }
                }
            }
        }
        return hits;
    }

    /** Names and contents of every file in the store (sakkaya.files.dir of the ITs). */
    private static List<String> hitsInFiles(List<String> needles) throws IOException {
        Path store = Paths.get(System.getProperty("it.data.dir"), "files");
        List<String> hits = new ArrayList<>();
        if (!Files.isDirectory(store)) {
            return hits;
        }
        try (Stream<Path> files = Files.walk(store)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String content = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
                for (String needle : needles) {
                    String bytes = new String(needle.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
                    if (file.getFileName().toString().contains(needle) || content.contains(bytes)) {
                        hits.add(store.relativize(file) + ": " + needle);
                    }
                }
            }
        }
        return hits;
    }

    private static byte[] pdfNaming(String name, String email) {
        return ("%PDF-1.4\n% " + name + " " + email + "\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static MultiPartSpecification text(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).mimeType("text/plain").charset(StandardCharsets.UTF_8).build();
    }

    private static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(THAI_LETTERS.charAt(random.nextInt(THAI_LETTERS.length())));
        }
        return text.toString();
    }
}
