package org.sakkaya.certificate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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

/** Issuing, downloading, verifying and revoking certificates; HR's bulk download of its own staff's. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class CertificatesIT {
    static {
        PayaraLog.capture(); // what a stopped job writes into the log
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    World world;
    String organiser;
    String cohortId;
    String otherDepartment;
    World.Person ours;
    World.Person theirs;
    String theirsSeat;

    /** A cohort without a pass policy or assessments: everyone seated passes, so both trainees get certificates. */
    @BeforeEach
    void setUp() {
        api = new Api(base);
        world = new World(api);
        organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        cohortId = world.cohort(organiser, world.program(organiser, "นักวิทยาการข้อมูล (Data Scientist)", "DATA_SCIENCE"),
                "2020-11-23", "2020-11-26");
        otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
        ours = world.namedPerson(world.divisionId, "นางสาว", "กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์", "TRAINEE");
        theirs = world.namedPerson(otherDepartment, "ว่าที่ร้อยตรี", "ธนพล", "ใจเย็น", "TRAINEE");
        world.seat(organiser, cohortId, ours);
        theirsSeat = api.as(organiser).body(Map.of("personId", theirs.id())).post("/cohorts/" + cohortId + "/enrollments").then()
                .statusCode(201).extract().path("id");
    }

    private List<String> issued() {
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200);
        return api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                .extract().jsonPath().getList("items.serial");
    }

    @Test
    void issuingTwiceIssuesNothingNew() throws Exception {
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("issued", equalTo(2)).body("alreadyHeld", equalTo(0));
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("issued", equalTo(0)).body("alreadyHeld", equalTo(2));
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then()
                .body("items.holderName", containsInAnyOrder("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "ว่าที่ร้อยตรีธนพล ใจเย็น"));
        api.as(world.token(ours)).post("/cohorts/" + cohortId + "/certificates").then().statusCode(403);
        // an organisation's filter takes the units below it: the department's HR filtering on its department found
        // none of its division's staff, and its ZIP left them out
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).queryParam("cohortId", cohortId).queryParam("organizationId", world.departmentId).get("/certificates").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].holderName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"));
        api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", world.ministryId).get("/certificates").then()
                .statusCode(200).body("total", equalTo(2));
        Response zip = api.as(hr).accept("application/zip").queryParam("organizationId", world.departmentId)
                .get("/cohorts/" + cohortId + "/certificates.zip");
        assertThat(zip.statusCode()).isEqualTo(200);
        assertThat(unzip(zip).names()).filteredOn(name -> name.endsWith(".pdf")).hasSize(1);
        // people too: the ministry's id lists its departments' and divisions' staff
        api.as(world.adminToken()).queryParam("organizationId", world.ministryId).queryParam("q", "ศรีสุขสวัสดิ์").get("/people").then()
                .statusCode(200).body("items.id", hasItem(ours.id()));
    }

    @Test
    void listsAndTheManifestSortHoldersByNameNotByTitle() throws Exception {
        // ดร. sorts before นางสาว and ว่าที่ร้อยตรี: by the printed name, the doctor came first, grouped by title
        world.seat(organiser, cohortId, world.namedPerson(world.divisionId, "ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง", "TRAINEE"));
        issued();
        List<String> byName = List.of("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "ว่าที่ร้อยตรีธนพล ใจเย็น", "ดร.ฤทัยรัตน์ ภู่ผึ้ง");
        assertThat(api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                .extract().jsonPath().getList("items.holderName", String.class)).containsExactlyElementsOf(byName);
        String manifest = unzip(api.as(organiser).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip")).manifest();
        assertThat(manifest.lines().skip(1).map(line -> line.split(",")[1]).toList()).containsExactlyElementsOf(byName);
    }

    @Test
    void theListComesAPageAtATimeWithItsTotal() {
        List<String> serials = issued();
        assertThat(serials).hasSize(2);
        List<String> paged = new ArrayList<>();
        for (int page = 0; page < 2; page++) {
            paged.add(api.as(organiser).queryParam("cohortId", cohortId).queryParam("page", page).queryParam("size", 1)
                    .get("/certificates").then().statusCode(200)
                    .body("page", equalTo(page)).body("size", equalTo(1)).body("total", equalTo(2)).body("items", hasSize(1))
                    .extract().path("items[0].serial"));
        }
        assertThat(paged).containsExactlyElementsOf(serials);
        api.as(organiser).queryParam("cohortId", cohortId).queryParam("page", 2).queryParam("size", 1).get("/certificates").then()
                .statusCode(200).body("items", hasSize(0)).body("total", equalTo(2));
        // the count is narrowed as the items are: a trainee's total is their own certificates
        api.as(world.token(ours)).get("/certificates").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(1)).body("page", equalTo(0)).body("size", equalTo(50));
        api.as(organiser).queryParam("size", 501).get("/certificates").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors[0].field", equalTo("size"));
    }

    @Test
    void theCohortsStandingShowsValidCertificatesWhoseHolderNoLongerPasses() {
        String standing = "/cohorts/" + cohortId + "/certificates";
        api.as(organiser).get(standing).then().statusCode(200)
                .body("ended", equalTo(true)).body("valid", equalTo(0)).body("pending", equalTo(2)).body("noLongerOwed", hasSize(0));
        List<String> serials = issued();
        api.as(organiser).get(standing).then().statusCode(200)
                .body("valid", equalTo(2)).body("pending", equalTo(0)).body("noLongerOwed", hasSize(0));

        // after the certificates, the programme's administrator withdraws one holder: their result no longer passes,
        // their certificate stays valid until someone decides, and the standing says which and why
        api.as(organiser).post("/enrollments/" + theirsSeat + "/withdraw").then().statusCode(200);
        String theirsSerial = api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", otherDepartment)
                .get("/certificates").then().extract().path("items[0].serial");
        assertThat(serials).contains(theirsSerial);
        api.as(organiser).get(standing).then().statusCode(200)
                .body("valid", equalTo(2)).body("pending", equalTo(0))
                .body("noLongerOwed", hasSize(1))
                .body("noLongerOwed[0].certificate.serial", equalTo(theirsSerial))
                .body("noLongerOwed[0].certificate.holderName", equalTo("ว่าที่ร้อยตรีธนพล ใจเย็น"))
                .body("noLongerOwed[0].passed", equalTo(false))
                .body("noLongerOwed[0].reasons.code", contains("WITHDRAWN"));
        api.root().accept("application/json").get("/verify/" + theirsSerial).then().body("status", equalTo("VALID"));

        // revoked, it is settled
        api.as(organiser).body(Map.of("reason", "ถอนตัวหลังออกวุฒิบัตร")).post("/certificates/" + theirsSerial + "/revoke").then().statusCode(200);
        api.as(organiser).get(standing).then().statusCode(200).body("valid", equalTo(1)).body("noLongerOwed", hasSize(0));

        // for the programme's administrators only; an unknown cohort is 404
        for (String other : List.of(world.token(ours), world.token(world.person(world.departmentId, "HR")),
                world.token(world.person(world.divisionId, "TRAINER")), world.token(world.person(world.departmentId, "EXECUTIVE")))) {
            api.as(other).get(standing).then().statusCode(403);
        }
        api.as(organiser).get("/cohorts/" + java.util.UUID.randomUUID() + "/certificates").then().statusCode(404)
                .contentType(containsString("problem+json"));
    }

    @Test
    void aTraineeErasedBeforeIssuingGetsNoCertificateWithoutAName() {
        api.as(api.adminToken()).delete("/people/" + theirs.id() + "/personal-data").then().statusCode(204);
        api.as(organiser).get("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("pending", equalTo(1));
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(1));
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                .body("items.holderName", contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ? AND person_id = ?", cohortId, theirs.id())).isZero();
    }

    @Test
    void aCohortThatHasNotEndedGetsNoCertificatesYet() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String running = world.cohort(organiser, world.program(organiser, "หลักสูตรที่ยังอบรมอยู่", "OTHER"),
                today.minusDays(3).toString(), today.toString());
        world.seat(organiser, running, world.person(world.divisionId, "TRAINEE"));
        // its last day is not over: nothing is decided yet, so nothing is certified
        api.as(organiser).post("/cohorts/" + running + "/certificates").then().statusCode(422)
                .contentType(containsString("problem+json")).body("type", containsString("cohort-not-ended"));
        api.as(organiser).queryParam("cohortId", running).get("/certificates").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void certificatesWaitUntilTheCohortsLastCountedAssessmentHasClosed() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        // a practice quiz that weighs nothing and that nothing requires stays open for a month: it holds nothing up
        Map<String, Object> practice = assessment("QUIZ", "แบบฝึกหัดทบทวน", 0, now.minusDays(1), now.plusDays(30));
        practice.put("questions", List.of(Map.of("kind", "TRUE_FALSE", "prompt", "ค่าเฉลี่ยไวต่อค่าผิดปกติ", "points", 1, "answer", true)));
        String quiz = api.as(organiser).body(practice).post("/cohorts/" + cohortId + "/assessments").then().statusCode(201)
                .extract().path("id");
        // the project, weight 60, was due an hour ago, two months after the cohort's last day; one trainee was given a
        // day more
        String project = api.as(organiser).body(assessment("ASSIGNMENT", "โครงงานวิเคราะห์ข้อมูล", 60, now.minusDays(2), now.minusHours(1)))
                .post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");
        String until = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(now.plusDays(1));
        api.as(organiser).body(Map.of("dueAt", until)).put("/assessments/" + project + "/extensions/" + ours.id()).then().statusCode(200);

        // the cohort has ended, but its results are not final: nothing is certified yet
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(422)
                .contentType(containsString("problem+json")).body("type", equalTo("urn:sakkaya:problem:assessments-open"))
                .body("detail", containsString(project)).body("detail", containsString("until " + until))
                .body("detail", not(containsString(quiz)));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId)).isZero();

        // once the extension is over, they are (the day passed under the API: the extension's end moved into the past)
        extensionEnded(project);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(2));

        // a quiz of weight 0 that the pass policy requires counts: issuing again waits for it
        api.as(organiser).body(Map.of("passPolicy", Map.of("requiredAssessmentIds", List.of(quiz)))).patch("/cohorts/" + cohortId)
                .then().statusCode(200);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(422)
                .body("type", equalTo("urn:sakkaya:problem:assessments-open")).body("detail", containsString(quiz))
                .body("detail", not(containsString(project)));
    }

    /** The assessment's extensions ended a minute ago, as if the time had passed: tests do not wait for a due time. */
    private static void extensionEnded(String assessmentId) {
        TestDatabase.update("UPDATE assignment_extension SET due_at = ? WHERE assessment_id = ?",
                LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1), assessmentId);
    }

    @Test
    void workHandedInAfterTheDueTimeHoldsCertificatesUntilItsGradeIsReleased() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        api.as(organiser).body(Map.of("passPolicy", Map.of("minScorePercent", 50))).patch("/cohorts/" + cohortId).then().statusCode(200);
        // the project was due an hour ago; late work is taken and flagged, and ours hands theirs in now
        Map<String, Object> late = assessment("ASSIGNMENT", "รายงานฉบับสมบูรณ์", 100, now.minusDays(2), now.minusHours(1));
        late.put("latePolicy", "ACCEPT_AND_FLAG");
        String project = api.as(organiser).body(late).post("/cohorts/" + cohortId + "/assessments").then().statusCode(201)
                .extract().path("id");
        String work = api.as(world.token(ours)).body(Map.of("text", "รายงานที่ส่งช้า")).post("/assessments/" + project + "/submissions")
                .then().statusCode(201).body("late", equalTo(true)).extract().path("id");

        // nothing takes work any more, but the hand-in is not graded: it would count 0, and ours not pass
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(422)
                .contentType(containsString("problem+json")).body("type", equalTo("urn:sakkaya:problem:assessments-ungraded"))
                .body("detail", containsString(project)).body("detail", containsString("1 hand-in not graded yet"));
        // graded but held back, it counts for nobody yet: still refused
        api.as(organiser).body(Map.of("score", 80, "released", false)).put("/submissions/" + work + "/grade").then().statusCode(200);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(422)
                .body("type", equalTo("urn:sakkaya:problem:assessments-ungraded"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId)).isZero();

        // released, the results are final: ours passed with 80%, theirs handed nothing in (0%) and did not
        api.as(organiser).body(Map.of("score", 80, "reason", "ประกาศผล", "released", true)).put("/submissions/" + work + "/grade")
                .then().statusCode(200);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(1));
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                .body("items.holderName", contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"));
    }

    @Test
    void aTraineeWhoWithdrewHoldsNothingUpWithTheirExtensionOrWork() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        String project = api.as(organiser).body(assessment("ASSIGNMENT", "โครงงานวิเคราะห์ข้อมูล", 60, now.minusDays(2), now.minusHours(1)))
                .post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");
        // theirs is given a week more, and hands a first draft in
        api.as(organiser).body(Map.of("dueAt", now.plusDays(7).toString())).put("/assessments/" + project + "/extensions/" + theirs.id())
                .then().statusCode(200);
        api.as(world.token(theirs)).body(Map.of("text", "ร่างแรก")).post("/assessments/" + project + "/submissions").then().statusCode(201);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(422)
                .body("type", equalTo("urn:sakkaya:problem:assessments-open")).body("detail", containsString(project));

        // then withdraws: their extension and their work stay stored, and hold the cohort's results no longer
        api.as(organiser).post("/enrollments/" + theirsSeat + "/withdraw").then().statusCode(200);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(1));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM assignment_extension WHERE assessment_id = ?", project)).isEqualTo(1);
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                .body("items.holderName", contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"));
    }

    private static Map<String, Object> assessment(String kind, String title, int weight, OffsetDateTime opensAt, OffsetDateTime closesAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", kind);
        body.put("title", title);
        body.put("weight", weight);
        body.put("maxScore", 100);
        body.put("opensAt", opensAt.toString());
        body.put("closesAt", closesAt.toString());
        return body;
    }

    @Test
    void theHolderAndTheirHrDownloadThePdfAndNobodyElse() throws Exception {
        issued();
        String mine = api.as(world.token(ours)).get("/certificates").then().statusCode(200).body("items", hasSize(1))
                .extract().path("items[0].serial");
        Response pdf = api.as(world.token(ours)).accept("application/pdf").get("/certificates/" + mine + "/pdf");
        pdf.then().statusCode(200).contentType(containsString("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์").contains("วุฒิบัตร");
        }
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).accept("application/pdf").get("/certificates/" + mine + "/pdf").then().statusCode(200);
        api.as(hr).get("/certificates").then().body("items.holderName", containsInAnyOrder("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"));
        String otherHr = world.token(world.person(otherDepartment, "HR"));
        api.as(otherHr).accept("application/pdf").get("/certificates/" + mine + "/pdf").then().statusCode(404);
        api.as(world.token(theirs)).accept("application/pdf").get("/certificates/" + mine + "/pdf").then().statusCode(404);
    }

    @Test
    void aHolderWhoseOnlyRoleIsTrainerReadsTheirOwnCertificateAndNoOneElses() throws Exception {
        // a trainer who took the course themself: seated by the organiser, passed, never a TRAINEE
        World.Person trainer = world.namedPerson(world.divisionId, "นาย", "ปกรณ์", "สอนดี", "TRAINER");
        world.seat(organiser, cohortId, trainer);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(3));
        String token = world.token(trainer);
        String serial = api.as(token).get("/certificates").then().statusCode(200)
                .body("items", hasSize(1)).body("total", equalTo(1)).body("items[0].holderName", equalTo("นายปกรณ์ สอนดี"))
                .extract().path("items[0].serial");
        try (PDDocument document = Loader.loadPDF(api.as(token).accept("application/pdf").get("/certificates/" + serial + "/pdf")
                .then().statusCode(200).extract().asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("นายปกรณ์ สอนดี");
        }
        // the other holders' stay theirs, even with the cohort named
        String oursSerial = api.as(world.token(ours)).get("/certificates").then().extract().path("items[0].serial");
        api.as(token).accept("application/pdf").get("/certificates/" + oursSerial + "/pdf").then().statusCode(404);
        api.as(token).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                .body("items.serial", contains(serial)).body("total", equalTo(1));
        // so do an executive's and an administrator's, who hold none
        for (String other : List.of(world.token(world.person(world.departmentId, "EXECUTIVE")), api.adminToken())) {
            api.as(other).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200)
                    .body("items", hasSize(0)).body("total", equalTo(0));
            api.as(other).accept("application/pdf").get("/certificates/" + serial + "/pdf").then().statusCode(404);
        }
    }

    /** The text of a PDF as a reader copies it out. */
    private static String textOf(byte[] pdf) throws java.io.IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static String sha256(byte[] bytes) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** The verification page's hash of a serial: the SHA-256 of the PDF as issued. */
    private String recordedSha256(String serial) {
        return api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200).extract().path("sha256");
    }

    /** Revokes {@code serial} and answers the Buddhist-era dates it may carry (two when the call straddles midnight in Bangkok). */
    private List<String> revokedOn(String serial, String reason) {
        LocalDate before = LocalDate.now(org.sakkaya.platform.Bangkok.ZONE);
        api.as(organiser).body(Map.of("reason", reason)).post("/certificates/" + serial + "/revoke").then().statusCode(200);
        LocalDate after = LocalDate.now(org.sakkaya.platform.Bangkok.ZONE);
        return java.util.stream.Stream.of(before, after).distinct().map(org.sakkaya.platform.ThaiDates::longForm).toList();
    }

    @Test
    void aRevokedCertificatesPdfIsServedOnlyStampedToItsHolderTheirHrAndTheProgrammeAdmin() throws Exception {
        issued();
        String mine = api.as(world.token(ours)).get("/certificates").then().extract().path("items[0].serial");
        String other = api.as(world.token(theirs)).get("/certificates").then().extract().path("items[0].serial");
        byte[] asIssued = pdfOf(mine);
        byte[] otherAsIssued = pdfOf(other);
        String recorded = recordedSha256(mine);
        assertThat(sha256(asIssued)).isEqualTo(recorded);
        assertThat(textOf(asIssued)).doesNotContain("ถูกเพิกถอน", "REVOKED");

        List<String> dates = revokedOn(mine, "ตรวจพบการทุจริตในการสอบ");
        String hr = world.token(world.person(world.departmentId, "HR"));
        for (String reader : List.of(world.token(ours), hr, organiser)) {
            Response served = api.as(reader).accept("application/pdf").get("/certificates/" + mine + "/pdf");
            served.then().statusCode(200).contentType(containsString("application/pdf"))
                    .header("Content-Disposition", containsString("certificate-" + mine + "-revoked.pdf"))
                    .header("Cache-Control", containsString("no-store")).header("X-Content-Type-Options", equalTo("nosniff"));
            byte[] pdf = served.asByteArray();
            assertThat(sha256(pdf)).as("never the bytes as issued").isNotEqualTo(recorded);
            String text = textOf(pdf);
            assertThat(text).contains("ถูกเพิกถอน / REVOKED", "ใช้อ้างอิงไม่ได้อีกต่อไป", "this certificate is no longer valid")
                    // the certificate is still there under the stamp
                    .contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์", "วุฒิบัตร", "ให้ไว้ ณ วันที่")
                    .doesNotContain("ฉบับใหม่", "Replaced by");
            assertThat(dates).anySatisfy(date -> assertThat(text).contains("เพิกถอนเมื่อวันที่ " + date));
            try (PDDocument document = Loader.loadPDF(pdf)) {
                assertThat(document.getNumberOfPages()).isEqualTo(1);
                assertThat(document.getSignatureDictionaries()).as("no signature left to show as broken").isEmpty();
            }
        }
        // the audit says each of the three got the stamped copy
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CERTIFICATE_DOWNLOADED' AND subject_id = ? "
                + "AND detail = 'stamped revoked copy'", mine)).isEqualTo(3);
        // the stored PDF and its hash are as issued; verification still gives that hash
        assertThat(recordedSha256(mine)).isEqualTo(recorded);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE serial = ? AND CONVERT(SHA2(pdf, 256) USING ascii) = sha256", mine)).isEqualTo(1);
        // nobody else reads it, revoked or not
        api.as(world.token(world.person(otherDepartment, "HR"))).accept("application/pdf").get("/certificates/" + mine + "/pdf")
                .then().statusCode(404);
        api.as(world.token(theirs)).accept("application/pdf").get("/certificates/" + mine + "/pdf").then().statusCode(404);

        // a valid certificate is served byte for byte as issued, without a stamp, its signature validating
        Response valid = api.as(world.token(theirs)).accept("application/pdf").get("/certificates/" + other + "/pdf");
        valid.then().statusCode(200).header("Content-Disposition", containsString("certificate-" + other + ".pdf"))
                .header("Cache-Control", containsString("no-store"));
        assertThat(valid.asByteArray()).isEqualTo(otherAsIssued);
        assertThat(sha256(valid.asByteArray())).isEqualTo(recordedSha256(other));
        assertThat(textOf(valid.asByteArray())).contains("ว่าที่ร้อยตรีธนพล ใจเย็น").doesNotContain("ถูกเพิกถอน", "REVOKED");
        assertThat(PdfSignatures.validSigner(valid.asByteArray())).contains("Sakkaya demo certificate signer");
    }

    @Test
    void aReplacedCertificatesPdfIsStampedWithItsReplacementsSerial() throws Exception {
        issued();
        String old = api.as(world.token(ours)).get("/certificates").then().extract().path("items[0].serial");
        LocalDate before = LocalDate.now(org.sakkaya.platform.Bangkok.ZONE);
        String fresh = api.as(organiser).body(Map.of("reason", "นามสกุลสะกดผิด")).post("/certificates/" + old + "/reissue").then()
                .statusCode(201).extract().path("serial");
        List<String> dates = java.util.stream.Stream.of(before, LocalDate.now(org.sakkaya.platform.Bangkok.ZONE)).distinct()
                .map(org.sakkaya.platform.ThaiDates::longForm).toList();
        String grouped = org.sakkaya.certificate.control.Serials.grouped(fresh);
        String hr = world.token(world.person(world.departmentId, "HR"));
        for (String reader : List.of(world.token(ours), hr, organiser)) {
            String text = textOf(api.as(reader).accept("application/pdf").get("/certificates/" + old + "/pdf").then().statusCode(200)
                    .header("Content-Disposition", containsString("-revoked.pdf")).extract().asByteArray());
            assertThat(text).contains("ถูกเพิกถอน / REVOKED", "ออกฉบับใหม่แทนแล้ว เลขที่ " + grouped, "Replaced by certificate " + grouped);
            assertThat(dates).anySatisfy(date -> assertThat(text).contains("เพิกถอนเมื่อวันที่ " + date));
        }
        // the replacement is valid: served as issued, unstamped
        byte[] replacement = api.as(world.token(ours)).accept("application/pdf").get("/certificates/" + fresh + "/pdf").then()
                .statusCode(200).header("Content-Disposition", containsString("certificate-" + fresh + ".pdf")).extract().asByteArray();
        assertThat(sha256(replacement)).isEqualTo(recordedSha256(fresh));
        assertThat(textOf(replacement)).doesNotContain("ถูกเพิกถอน", "REVOKED", "Replaced by");
    }

    @Test
    void anyoneVerifiesASerialAndSeesOnlyWhatIsPrintedThenRevocation() {
        issued();
        String serial = api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", world.divisionId)
                .get("/certificates").then().extract().path("items[0].serial");
        Response json = api.root().accept("application/json").get("/verify/" + serial.toLowerCase());
        json.then().statusCode(200)
                .body("status", equalTo("VALID"))
                .body("holderName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"))
                .body("sha256", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));
        assertThat(json.asString()).doesNotContain(ours.email()).doesNotContain("personId").doesNotContain(ours.id());
        Response html = api.root().accept("text/html").get("/verify/" + serial);
        html.then().statusCode(200).contentType(containsString("text/html")).header("X-Content-Type-Options", equalTo("nosniff"));
        assertThat(html.asString()).contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์").contains("VALID").doesNotContain(ours.email());
        // the date issued in both halves of its bilingual label: the Buddhist era for Thai, the common era for English
        java.time.LocalDate issuedOn = java.time.LocalDate.parse(json.path("issuedOn"));
        assertThat(html.asString()).contains(org.sakkaya.platform.ThaiDates.longForm(issuedOn) + " / "
                + issuedOn.format(java.time.format.DateTimeFormatter.ofPattern("d MMMM uuuu", java.util.Locale.ENGLISH)));

        api.root().accept("application/json").get("/verify/0000000000000000000000000A").then().statusCode(404);
        api.root().accept("application/json").get("/verify/<script>").then().statusCode(404);

        api.as(organiser).body(Map.of("reason", "ออกให้ผิดคน")).post("/certificates/" + serial + "/revoke").then().statusCode(200)
                .body("status", equalTo("REVOKED"));
        api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200).body("status", equalTo("REVOKED"));
        api.as(organiser).body(Map.of("reason", "อีกครั้ง")).post("/certificates/" + serial + "/revoke").then().statusCode(409);
        api.as(organiser).body(Map.of()).post("/certificates/" + serial + "/revoke").then().statusCode(400);
    }

    @Test
    void theSerialAsPrintedFindsTheCertificateOnEveryPath() throws Exception {
        issued();
        String serial = api.as(world.token(ours)).get("/certificates").then().extract().path("items[0].serial");
        // grouped, as the verification page shows it and the PDF prints it
        String printed = api.root().accept("application/json").get("/verify/" + serial).then().statusCode(200).extract().path("serial");
        assertThat(printed).contains("-").isEqualTo(org.sakkaya.certificate.control.Serials.grouped(serial));
        try (PDDocument document = Loader.loadPDF(pdfOf(serial))) {
            assertThat(new PDFTextStripper().getText(document)).contains(printed);
        }

        api.as(world.token(ours)).accept("application/pdf").get("/certificates/" + printed + "/pdf").then().statusCode(200)
                .header("Content-Disposition", containsString("certificate-" + serial + ".pdf"));
        api.as(organiser).accept("application/pdf").get("/certificates/" + printed.toLowerCase() + "/pdf").then().statusCode(200);
        Response replaced = api.as(organiser).body(Map.of("reason", "สะกดผิด")).post("/certificates/" + printed + "/reissue");
        replaced.then().statusCode(201);
        String fresh = replaced.path("serial");
        api.as(organiser).body(Map.of("reason", "ออกให้ผิดคน")).post("/certificates/" + org.sakkaya.certificate.control.Serials.grouped(fresh)
                + "/revoke").then().statusCode(200).body("serial", equalTo(fresh)).body("status", equalTo("REVOKED"));
        // the audit log names the serial as stored, which the holder's erasure looks for
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CERTIFICATE_REVOKED' AND subject_id = ?", fresh))
                .isEqualTo(1);
        api.as(organiser).body(Map.of("reason", "x")).post("/certificates/not-a-serial/revoke").then().statusCode(404)
                .contentType(containsString("problem+json"));
    }

    @Test
    void aMisspeltCertificateIsReplacedAndTheOldSerialLeadsToTheNewOne() throws Exception {
        issued();
        String old = api.as(world.token(ours)).get("/certificates").then().extract().path("items[0].serial");
        String issuedOn = api.as(world.token(ours)).get("/certificates").then().extract().path("items[0].issuedOn");
        String hr = world.token(world.person(world.departmentId, "HR"));
        // the name was misspelt: HR corrects it on the person, the certificate still prints the old spelling
        api.as(hr).body(Map.of("lastNameTh", "ศรีสุขสวัสดี")).patch("/people/" + ours.id()).then().statusCode(200);

        // only PROGRAM_ADMIN replaces, and a reason is required
        api.as(hr).body(Map.of("reason", "สะกดผิด")).post("/certificates/" + old + "/reissue").then().statusCode(403);
        api.as(world.token(ours)).body(Map.of("reason", "สะกดผิด")).post("/certificates/" + old + "/reissue").then().statusCode(403);
        api.as(organiser).body(Map.of()).post("/certificates/" + old + "/reissue").then().statusCode(400)
                .contentType(containsString("problem+json"));
        api.as(organiser).body(Map.of("reason", "x")).post("/certificates/0000000000000000000000000A/reissue").then().statusCode(404);

        Response replaced = api.as(organiser).body(Map.of("reason", "นามสกุลสะกดผิด")).post("/certificates/" + old + "/reissue");
        replaced.then().statusCode(201).body("status", equalTo("VALID")).body("kind", equalTo("ACHIEVEMENT"))
                .body("holderName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดี")).body("issuedOn", equalTo(issuedOn))
                .header("Location", containsString("/certificates/"));
        String fresh = replaced.path("serial");
        assertThat(fresh).isNotEqualTo(old);
        try (PDDocument document = Loader.loadPDF(api.as(world.token(ours)).accept("application/pdf")
                .get("/certificates/" + fresh + "/pdf").asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดี").doesNotContain("สวัสดิ์");
        }
        // the holder sees both, the old one revoked and pointing to the new one; its page leads there
        api.as(world.token(ours)).get("/certificates").then().body("items", hasSize(2))
                .body("items.find { it.serial == '" + old + "' }.status", equalTo("REVOKED"))
                .body("items.find { it.serial == '" + old + "' }.replacedBy", equalTo(fresh));
        String grouped = api.root().accept("application/json").get("/verify/" + old).then().statusCode(200)
                .body("status", equalTo("REVOKED")).extract().path("replacedBy");
        api.root().accept("application/json").get("/verify/" + grouped).then().statusCode(200)
                .body("status", equalTo("VALID")).body("replacedBy", equalTo(null));
        assertThat(api.root().accept("text/html").get("/verify/" + old).asString()).contains("Replaced by").contains(grouped);

        // replaced once: again on the old one is a conflict, issuing the cohort again adds nothing
        api.as(organiser).body(Map.of("reason", "อีกครั้ง")).post("/certificates/" + old + "/reissue").then().statusCode(409)
                .body("type", containsString("already-replaced"));
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(0));
        // HR's ZIP hands out the valid one only; the manifest still lists the revoked serial without a file
        Unzipped zip = unzip(api.as(hr).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip"));
        assertThat(zip.names()).containsExactlyInAnyOrder("certificate-" + fresh + ".pdf", "manifest.csv");
        assertThat(zip.manifest()).contains(old + ",").contains("REVOKED");

        // a trainee who no longer passes (withdrawn by the programme's administrator) is owed nothing new
        String theirs0 = api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", otherDepartment)
                .get("/certificates").then().extract().path("items[0].serial");
        api.as(organiser).post("/enrollments/" + theirsSeat + "/withdraw").then().statusCode(200);
        api.as(organiser).body(Map.of("reason", "สะกดผิด")).post("/certificates/" + theirs0 + "/reissue").then().statusCode(422)
                .body("type", containsString("certificate-not-owed"));
        api.root().accept("application/json").get("/verify/" + theirs0).then().body("status", equalTo("VALID"));
    }

    @Test
    void hrDownloadsAZipOfItsOwnStaffsCertificatesWithAManifest() throws Exception {
        issued();
        String hr = world.token(world.person(world.departmentId, "HR"));
        Response zip = api.as(hr).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip");
        zip.then().statusCode(200).contentType(containsString("application/zip"));
        Unzipped mine = unzip(zip);
        assertThat(mine.names()).hasSize(2).contains("manifest.csv");
        assertThat(mine.manifest()).contains("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์").doesNotContain("ธนพล");
        Response all = api.as(organiser).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip");
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(all.asByteArray()))) {
            int count = 0;
            while (in.getNextEntry() != null) {
                count++;
            }
            assertThat(count).isEqualTo(3);
        }
        // one holder erased at their request: their PDF is gone, and the ZIP still comes, listing the serial
        api.as(world.adminToken()).delete("/people/" + theirs.id() + "/personal-data").then().statusCode(204);
        Response after = api.as(organiser).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip");
        after.then().statusCode(200);
        Unzipped kept = unzip(after);
        assertThat(kept.names()).hasSize(2).contains("manifest.csv");
        assertThat(kept.manifest()).contains("(ลบข้อมูลแล้ว)").doesNotContain("ธนพล").hasLineCount(3);
        // and with no name left to print, their certificate cannot be re-issued
        String erased = api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", otherDepartment)
                .get("/certificates").then().extract().path("items[0].serial");
        api.as(organiser).body(Map.of("reason", "สะกดผิด")).post("/certificates/" + erased + "/reissue").then().statusCode(422)
                .body("type", containsString("holder-erased"));
        // nor downloaded: 404, and the audit does not say it was (it did, in a transaction before the PDF was read)
        api.as(organiser).accept("application/pdf, application/problem+json").get("/certificates/" + erased + "/pdf").then()
                .statusCode(404).contentType(containsString("problem+json"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CERTIFICATE_DOWNLOADED' AND subject_id = ?", erased))
                .isZero();
        api.as(world.token(ours)).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip").then().statusCode(403);
        String noScope = world.token(world.person(world.ministryId, "TRAINER"));
        api.as(noScope).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip").then().statusCode(403);
    }

    @Test
    void aBlankIdFilterIsNoFilterInTheListAndTheZipAndAMalformedOneIsRefusedByName() throws Exception {
        issued();
        String hr = world.token(world.person(world.departmentId, "HR"));
        String holder = world.token(ours);
        // the API's templates filled with blanks, as a form with an empty choice sends them: all the caller may see
        for (String token : List.of(hr, holder)) {
            int total = api.as(token).get("/certificates").then().statusCode(200).extract().path("total");
            api.as(token).queryParam("organizationId", "").queryParam("cohortId", "").get("/certificates").then().statusCode(200)
                    .body("total", equalTo(total));
        }
        api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", "").get("/certificates").then()
                .statusCode(200).body("total", equalTo(2));
        api.as(hr).queryParam("cohortId", cohortId).queryParam("organizationId", " ").get("/certificates").then()
                .statusCode(200).body("total", equalTo(1)).body("items[0].holderName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"));

        // the ZIP: the same PDFs and manifest as without the parameter, not a manifest of nobody
        for (String token : List.of(organiser, hr)) {
            Unzipped without = unzip(api.as(token).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip"));
            Response blank = api.as(token).accept("application/zip").queryParam("organizationId", "")
                    .get("/cohorts/" + cohortId + "/certificates.zip");
            blank.then().statusCode(200);
            Unzipped with = unzip(blank);
            assertThat(with.names()).isEqualTo(without.names()).hasSizeGreaterThan(1);
            assertThat(with.manifest()).isEqualTo(without.manifest());
        }

        // an id that is not blank and cannot name a record is still refused, naming the parameter
        api.as(organiser).queryParam("organizationId", "กรมอนามัย").get("/certificates").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("organizationId"));
        api.as(organiser).queryParam("cohortId", "๑๒๓").get("/certificates").then().statusCode(400)
                .body("errors[0].field", equalTo("cohortId"));
        api.as(organiser).accept("*/*").queryParam("organizationId", "กรมอนามัย")
                .get("/cohorts/" + cohortId + "/certificates.zip").then().statusCode(400)
                .body("errors[0].field", equalTo("organizationId"));
    }

    @Test
    void aLargeCohortsZipIsAuditedWithEverySerialItListed() throws Exception {
        String copied = issued().get(0);
        // 100 more, written under the API as revoked copies of one (no PDF): more serials than one audit row holds,
        // without issuing a hundred
        for (int i = 0; i < 100; i++) {
            TestDatabase.update("INSERT INTO certificate (serial, enrollment_id, person_id, cohort_id, organization_id, kind, holder_name, "
                    + "holder_sort_name, program_name_th, cohort_number, issued_on, sha256, status, revoked_at, revoked_reason, created_at) "
                    + "SELECT ?, enrollment_id, person_id, cohort_id, organization_id, kind, holder_name, holder_sort_name, program_name_th, cohort_number, "
                    + "issued_on, sha256, 'REVOKED', created_at, 'ทดสอบ', created_at FROM certificate WHERE serial = ?",
                    org.sakkaya.certificate.control.Serials.next(), copied);
        }
        Unzipped zip = unzip(api.as(organiser).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip"));
        assertThat(zip.manifest()).hasLineCount(103);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CERTIFICATES_DOWNLOADED' AND subject_id = ?",
                cohortId)).as("audit rows of the one download").isEqualTo(2);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate c WHERE c.cohort_id = ? AND NOT EXISTS (SELECT 1 FROM audit_event a "
                + "WHERE a.action = 'CERTIFICATES_DOWNLOADED' AND a.subject_id = c.cohort_id AND INSTR(a.detail, c.serial) > 0)", cohortId))
                .as("certificates in the ZIP that its audit rows do not name").isZero();
    }

    /** The names of a ZIP's entries, and its manifest. */
    /** The job at {@code jobPath} once it is no longer RUNNING (or as it is after a minute). */
    private Map<String, Object> finished(String jobPath) throws InterruptedException {
        Map<String, Object> job = Map.of();
        for (long deadline = System.nanoTime() + 60_000_000_000L; System.nanoTime() < deadline; Thread.sleep(250)) {
            job = api.as(organiser).get(jobPath).then().statusCode(200).extract().jsonPath().getMap("");
            if (!"RUNNING".equals(job.get("status"))) {
                break;
            }
        }
        return job;
    }

    private record Unzipped(List<String> names, String manifest) {
    }

    private static Unzipped unzip(Response zip) throws java.io.IOException {
        List<String> names = new ArrayList<>();
        String manifest = null;
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                names.add(entry.getName());
                if (entry.getName().equals("manifest.csv")) {
                    manifest = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            }
        }
        return new Unzipped(names, manifest);
    }

    @Test
    void guessingSerialsFromOneAddressIsSlowedDown() {
        try {
            int status = 0;
            int asked = 0;
            while (status != 429 && asked < 40) {
                status = api.root().accept("application/json").get("/verify/" + org.sakkaya.certificate.control.Serials.next()).statusCode();
                asked++;
            }
            assertThat(status).as("429 within the ITs' limit of 30 a minute").isEqualTo(429);
            api.root().accept("application/json").get("/verify/anything").then().statusCode(429)
                    .header("Retry-After", org.hamcrest.Matchers.notNullValue())
                    .contentType(containsString("application/problem+json"));
        } finally {
            // the window would otherwise hold for a minute and refuse the other tests' verifications
            TestDatabase.update("DELETE FROM rate_limit WHERE bucket_key LIKE 'verify:%'");
        }
    }

    private String firstSerial() {
        issued();
        return api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", world.divisionId)
                .get("/certificates").then().extract().path("items[0].serial");
    }

    @Test
    void issuedPdfsCarryAValidPadesSignatureAndVerificationNamesTheSigner() throws Exception {
        String serial = firstSerial();
        byte[] pdf = api.as(organiser).accept("application/pdf").get("/certificates/" + serial + "/pdf").then().statusCode(200)
                .extract().asByteArray();
        assertThat(PdfSignatures.validSigner(pdf)).contains("Sakkaya demo certificate signer");
        Response verified = api.root().accept("application/json").get("/verify/" + serial);
        verified.then().statusCode(200).body("kind", equalTo("ACHIEVEMENT"))
                .body("signedBy", containsString("CN=Sakkaya demo certificate signer"))
                .body("sha256", equalTo(java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(pdf))));
        // the page is a servlet, and still documented for clients
        assertThat(api.root().get("/openapi").then().statusCode(200).extract().asString())
                .contains("/verify/{serial}:", "operationId: verifyCertificate", "/api/v1/certificate-jobs/{id}:");
    }

    private static String png(java.awt.Color color) throws Exception {
        return "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(CertificatePdfTest.png(240, 80, color));
    }

    /** {@code length} characters of Thai text in lines of at most 200 (the template's limit). */
    private static List<String> bodyOf(int length) {
        String text = "ได้ผ่านการอบรมหลักสูตรนี้ ".repeat(40).substring(0, length);
        List<String> lines = new ArrayList<>();
        for (int at = 0; at < text.length(); at += 200) {
            String line = text.substring(at, Math.min(text.length(), at + 200)).strip();
            lines.add(line.isEmpty() ? "ฯ" : line);
        }
        return lines;
    }

    private Map<String, Object> template(String title, List<String> lines) {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("title", title);
        body.put("bodyLines", lines);
        body.put("signatories", List.of());
        return body;
    }

    /**
     * Saves the cohort's ACHIEVEMENT template with the most text that still fits with the sample names, at the edge of
     * its page, and seats a trainee whose real name is far longer than the samples (title, first and last name at their
     * limits): their certificate cannot fit.
     */
    private World.Person aNameTooLongForTheTemplate() {
        String programId = api.as(organiser).get("/cohorts/" + cohortId).then().extract().path("programId");
        String path = "/programs/" + programId + "/certificate-templates/ACHIEVEMENT";
        int fits = 0;
        int low = 1;
        int high = 800;
        while (low <= high) {
            int middle = (low + high) / 2;
            int status = api.as(organiser).body(template("วุฒิบัตร", bodyOf(middle))).put(path).statusCode();
            if (status == 200) {
                fits = middle;
                low = middle + 1;
            } else {
                assertThat(status).isEqualTo(400);
                high = middle - 1;
            }
        }
        assertThat(fits).as("some text fits, and four full lines do not").isBetween(1, 799);
        api.as(organiser).body(template("วุฒิบัตร", bodyOf(fits))).put(path).then().statusCode(200);
        World.Person longName = world.namedPerson(world.divisionId, "ว่าที่ร้อยตรีหญิง".repeat(3), "กัญญ์ณัฏฐ์".repeat(10),
                "ศรีสุขสวัสดิ์".repeat(7), "TRAINEE");
        world.seat(organiser, cohortId, longName);
        return longName;
    }

    @Test
    void aTemplateThatFitsItsSampleButNotARealNameIsRefusedAtIssueAndNothingIsIssued() {
        aNameTooLongForTheTemplate();
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(422)
                .contentType(containsString("problem+json")).body("type", containsString("certificate-does-not-fit"))
                .body("detail", containsString("กัญญ์ณัฏฐ์กัญญ์ณัฏฐ์"));
        // the cohort's issue is one transaction: the two names that fitted were not issued either
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().statusCode(200).body("items", hasSize(0));
    }

    @Test
    void aBackgroundJobStoppedByARuleSaysWhichRuleAndForgetsTheNameOnErasure() throws Exception {
        World.Person longName = aNameTooLongForTheTemplate();
        int logBefore = PayaraLog.text().length();
        for (int i = 0; i < 4; i++) {
            world.seat(organiser, cohortId, world.person(world.divisionId, "TRAINEE"));
        }
        // 7 owed, more than the ITs issue within the request: a job, which the same refusal stops
        String jobId = api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(202)
                .body("total", equalTo(7)).extract().path("id");
        Map<String, Object> job = finished("/certificate-jobs/" + jobId);
        assertThat(job).containsEntry("status", "FAILED");
        // asking again would fail the same way: the job says what to change, not to ask again
        assertThat((String) job.get("error")).contains("กัญญ์ณัฏฐ์กัญญ์ณัฏฐ์", "shorten the template's ACHIEVEMENT text")
                .doesNotContain("asking again");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CERTIFICATES_ISSUE_FAILED' AND subject_id = ? "
                + "AND detail LIKE '%shorten the template%'", cohortId)).isEqualTo(1);

        // the refusal names the holder: their erasure takes the name out of the job and its audit record
        api.as(world.adminToken()).delete("/people/" + longName.id() + "/personal-data").then().statusCode(204);
        assertThat((String) api.as(organiser).get("/certificate-jobs/" + jobId).then().statusCode(200).extract().path("error"))
                .contains("shorten the template").doesNotContain("กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE subject_id = ? AND (detail LIKE '%กัญญ์ณัฏฐ์%' "
                + "OR detail LIKE '%ศรีสุขสวัสดิ์%')", cohortId)).isZero();
        // nor was it written into the server's log, which erasure cannot reach: the job's stop is logged by its rule
        // (it was a SEVERE record with the refusal's words and a stack trace, as if the service had failed)
        String log = PayaraLog.text().substring(logBefore);
        assertThat(log).contains("Certificate job " + jobId + " stopped by a rule").doesNotContain("กัญญ์ณัฏฐ์")
                .doesNotContain("ศรีสุขสวัสดิ์").doesNotContain("SEVERE");
    }

    /** A 50% attendance minimum and one session, which ours attends and theirs misses: only ours passes. */
    private void oursAttendsAndTheirsMissesTheOneSession() {
        api.as(organiser).body(Map.of("passPolicy", Map.of("minAttendancePercent", 50))).patch("/cohorts/" + cohortId)
                .then().statusCode(200);
        String session = api.as(organiser).body(Map.of("number", 1, "title", "ครั้งที่ 1", "startsAt", "2020-11-23T09:00:00+07:00",
                "endsAt", "2020-11-23T16:00:00+07:00")).post("/cohorts/" + cohortId + "/sessions").then().statusCode(201).extract().path("id");
        api.as(organiser).body(List.of(Map.of("personId", ours.id(), "status", "PRESENT"), Map.of("personId", theirs.id(), "status", "ABSENT")))
                .put("/sessions/" + session + "/attendance").then().statusCode(200);
    }

    @Test
    void aProgrammesTemplatesShapeItsCertificatesAndParticipationGoesToThoseWhoTookPart() throws Exception {
        String programId = api.as(organiser).get("/cohorts/" + cohortId).then().extract().path("programId");
        // attendance decides: ours attends the one session, theirs does not and so does not pass
        oursAttendsAndTheirsMissesTheOneSession();

        Map<String, Object> achievement = template("วุฒิบัตร", List.of("ได้ผ่านการอบรมเชิงปฏิบัติการและผ่านเกณฑ์การประเมินผล"));
        achievement.put("issuerName", "กรมอนามัย กระทรวงสาธารณสุข");
        achievement.put("logo", png(java.awt.Color.ORANGE));
        achievement.put("accentColor", "#8b1a1a");
        achievement.put("signatories", List.of(Map.of("name", "นพ.ศุภฤกษ์ ณ สงขลา", "position", "อธิบดีกรมอนามัย",
                "signatureImage", png(java.awt.Color.BLUE))));
        api.as(organiser).body(achievement).put("/programs/" + programId + "/certificate-templates/ACHIEVEMENT").then().statusCode(200)
                .body("accentColor", equalTo("#8B1A1A")).body("logo", equalTo(achievement.get("logo")))
                .body("signatories[0].name", equalTo("นพ.ศุภฤกษ์ ณ สงขลา"));
        api.as(organiser).body(template("เกียรติบัตร", List.of("ได้เข้าร่วมการอบรม หลักสูตร")))
                .put("/programs/" + programId + "/certificate-templates/PARTICIPATION").then().statusCode(200);
        api.as(organiser).get("/programs/" + programId + "/certificate-templates").then().statusCode(200)
                .body("kind", org.hamcrest.Matchers.contains("ACHIEVEMENT", "PARTICIPATION"));
        Response preview = api.as(organiser).accept("application/pdf").get("/programs/" + programId + "/certificate-templates/PARTICIPATION/preview");
        preview.then().statusCode(200).contentType(containsString("application/pdf"));
        try (PDDocument document = Loader.loadPDF(preview.asByteArray())) {
            assertThat(new PDFTextStripper().getText(document)).contains("เกียรติบัตร", "(ตัวอย่าง)", "ได้เข้าร่วมการอบรม หลักสูตร");
        }

        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("issued", equalTo(2)).body("participation", equalTo(1));
        List<Map<String, Object>> all = api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then()
                .extract().jsonPath().getList("items");
        String oursSerial = serialOf(all, ours, "ACHIEVEMENT");
        String theirsSerial = serialOf(all, theirs, "PARTICIPATION");
        try (PDDocument document = Loader.loadPDF(pdfOf(oursSerial))) {
            assertThat(new PDFTextStripper().getText(document)).contains("วุฒิบัตร", "กรมอนามัย กระทรวงสาธารณสุข",
                    "(นพ.ศุภฤกษ์ ณ สงขลา)", "อธิบดีกรมอนามัย", "นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์");
        }
        byte[] participation = pdfOf(theirsSerial);
        try (PDDocument document = Loader.loadPDF(participation)) {
            assertThat(new PDFTextStripper().getText(document)).contains("เกียรติบัตร", "ได้เข้าร่วมการอบรม หลักสูตร", "ว่าที่ร้อยตรีธนพล ใจเย็น")
                    .doesNotContain("วุฒิบัตร");
        }
        assertThat(PdfSignatures.validSigner(participation)).contains("Sakkaya demo certificate signer");
        api.root().accept("application/json").get("/verify/" + theirsSerial).then().statusCode(200).body("kind", equalTo("PARTICIPATION"));

        // without the participation template nobody new is owed one; issuing stays idempotent
        api.as(organiser).delete("/programs/" + programId + "/certificate-templates/PARTICIPATION").then().statusCode(204);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("issued", equalTo(0)).body("alreadyHeld", equalTo(2));
        // and the participation certificate issued under the template is not held against its holder afterwards
        api.as(organiser).get("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("valid", equalTo(2)).body("pending", equalTo(0)).body("noLongerOwed", hasSize(0));
    }

    @Test
    void aHolderWhoNoLongerPassesGetsNoParticipationCertificateBesideTheirAchievementUntilItIsRevoked() {
        String programId = api.as(organiser).get("/cohorts/" + cohortId).then().extract().path("programId");
        String standing = "/cohorts/" + cohortId + "/certificates";
        assertThat(issued()).hasSize(2);
        // then the attendance comes in and theirs misses the one session: no longer passed, still took part
        oursAttendsAndTheirsMissesTheOneSession();
        api.as(organiser).body(template("เกียรติบัตร", List.of("ได้เข้าร่วมการอบรม หลักสูตร")))
                .put("/programs/" + programId + "/certificate-templates/PARTICIPATION").then().statusCode(200);
        // their วุฒิบัตร stands until someone decides; a เกียรติบัตร beside it would say two things of one result
        api.as(organiser).post(standing).then().statusCode(200).body("issued", equalTo(0)).body("participation", equalTo(0));
        String theirsSerial = api.as(organiser).queryParam("cohortId", cohortId).queryParam("organizationId", otherDepartment)
                .get("/certificates").then().body("items", hasSize(1)).extract().path("items[0].serial");
        api.as(organiser).get(standing).then().statusCode(200).body("pending", equalTo(0))
                .body("noLongerOwed.certificate.serial", contains(theirsSerial));
        // revoked, the participation certificate is owed
        api.as(organiser).body(Map.of("reason", "ขาดการอบรมตามเกณฑ์")).post("/certificates/" + theirsSerial + "/revoke").then().statusCode(200);
        api.as(organiser).get(standing).then().statusCode(200).body("pending", equalTo(1)).body("noLongerOwed", hasSize(0));
        api.as(organiser).post(standing).then().statusCode(200).body("issued", equalTo(1)).body("participation", equalTo(1));
    }

    @Test
    void aParticipationCertificateIsReplacedAfterItsTemplateChangedAsLongAsItsHolderDidNotWithdraw() {
        String programId = api.as(organiser).get("/cohorts/" + cohortId).then().extract().path("programId");
        String participation = "/programs/" + programId + "/certificate-templates/PARTICIPATION";
        // theirs misses the one session: no achievement, a participation certificate while the template asks no minimum
        oursAttendsAndTheirsMissesTheOneSession();
        api.as(organiser).body(template("เกียรติบัตร", List.of("ได้เข้าร่วมการอบรม หลักสูตร"))).put(participation).then().statusCode(200);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("participation", equalTo(1));
        String misspelt = serialOf(api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then()
                .extract().jsonPath().getList("items"), theirs, "PARTICIPATION");

        // the template now asks more attendance than they had: it applies to the next certificates, not to this one
        Map<String, Object> stricter = template("เกียรติบัตร", List.of("ได้เข้าร่วมการอบรม หลักสูตร"));
        stricter.put("minAttendancePercent", 80);
        api.as(organiser).body(stricter).put(participation).then().statusCode(200);
        api.as(organiser).get("/cohorts/" + cohortId + "/certificates").then().body("noLongerOwed", hasSize(0));
        String replaced = api.as(organiser).body(Map.of("reason", "สะกดผิด")).post("/certificates/" + misspelt + "/reissue").then()
                .statusCode(201).body("kind", equalTo("PARTICIPATION")).body("holderName", equalTo("ว่าที่ร้อยตรีธนพล ใจเย็น"))
                .extract().path("serial");

        // with the template deleted it is still owed, but there is nothing to print it with until one is saved again
        api.as(organiser).delete(participation).then().statusCode(204);
        api.as(organiser).body(Map.of("reason", "สะกดผิดอีก")).post("/certificates/" + replaced + "/reissue").then().statusCode(422)
                .body("type", containsString("certificate-template-missing"));
        api.root().accept("application/json").get("/verify/" + replaced).then().body("status", equalTo("VALID"));
        api.as(organiser).body(stricter).put(participation).then().statusCode(200);
        String again = api.as(organiser).body(Map.of("reason", "สะกดผิดอีก")).post("/certificates/" + replaced + "/reissue").then()
                .statusCode(201).body("kind", equalTo("PARTICIPATION")).extract().path("serial");

        // withdrawn, they no longer took part
        api.as(organiser).post("/enrollments/" + theirsSeat + "/withdraw").then().statusCode(200);
        api.as(organiser).body(Map.of("reason", "สะกดผิด")).post("/certificates/" + again + "/reissue").then().statusCode(422)
                .body("type", containsString("certificate-not-owed"));
    }

    private static String serialOf(List<Map<String, Object>> certificates, World.Person person, String kind) {
        return certificates.stream().filter(c -> person.id().equals(c.get("personId")) && kind.equals(c.get("kind")))
                .map(c -> (String) c.get("serial")).findFirst().orElseThrow(() -> new AssertionError("no " + kind + " for " + person));
    }

    private byte[] pdfOf(String serial) {
        return api.as(organiser).accept("application/pdf").get("/certificates/" + serial + "/pdf").then().statusCode(200)
                .extract().asByteArray();
    }

    @Test
    void badTemplatesAreRefusedFieldByFieldAndOnlyProgrammeAdminsTouchThem() throws Exception {
        String programId = api.as(organiser).get("/cohorts/" + cohortId).then().extract().path("programId");
        String path = "/programs/" + programId + "/certificate-templates/";
        Map<String, Object> body = template("วุฒิบัตร", List.of("ได้ผ่านการอบรม"));
        body.put("logo", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString("<svg onload=alert(1)>".getBytes()));
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("logo"));
        body.put("logo", "data:text/html;base64,PGgxPg==");
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400).body("errors[0].field", equalTo("logo"));
        body.remove("logo");
        body.put("signatories", List.of(Map.of("name", "นางพรรณี เลิศฤทธิ์", "position", "ผู้อำนวยการ", "signatureImage", "data:image/jpeg;base64,!!!")));
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400)
                .body("errors[0].field", equalTo("signatories[0].signatureImage"));
        body.put("signatories", List.of());
        body.put("accentColor", "red");
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400).body("errors[0].field", containsString("accentColor"));
        body.remove("accentColor");
        body.put("minAttendancePercent", 80);
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400).body("errors[0].field", equalTo("minAttendancePercent"));
        body.remove("minAttendancePercent");
        String long200 = "ได้ผ่านการอบรมหลักสูตรการพัฒนาศักยภาพบุคลากรด้านการวิเคราะห์ข้อมูลสุขภาพ ".repeat(3).substring(0, 150);
        body.put("bodyLines", List.of(long200, long200, long200, long200));
        body.put("logo", png(java.awt.Color.ORANGE));
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400).body("errors[0].field", equalTo("bodyLines"))
                .body("detail", containsString("one"));
        body.remove("logo");
        body.put("bodyLines", List.of("ได้ผ่านการอบรม"));
        // three signatories leave each a third of the band: what cannot fit there even at the smallest size is refused
        String longName = "ศาสตราจารย์เกียรติคุณ พลตำรวจเอก นายแพทย์ ดร.ปิติพัฒน์ ธีระวุฒิ ณ อยุธยา ".repeat(2).substring(0, 120);
        String longPosition = "ผู้อำนวยการสำนักสุขภาพดิจิทัล ปฏิบัติราชการแทนปลัดกระทรวงสาธารณสุข ".repeat(2).strip();
        body.put("signatories", List.of(Map.of("name", "นางพรรณี เลิศฤทธิ์", "position", "อธิบดีกรมอนามัย"),
                Map.of("name", "นพ.ศุภฤกษ์ ณ สงขลา", "position", "รองอธิบดีกรมอนามัย"), Map.of("name", "ดร.ฤทัยรัตน์ ภู่ผึ้ง", "position", longPosition)));
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400)
                .body("errors[0].field", equalTo("signatories[2].position")).body("detail", containsString("3 signatories"));
        body.put("signatories", List.of(Map.of("name", longName, "position", "อธิบดีกรมอนามัย"),
                Map.of("name", "นพ.ศุภฤกษ์ ณ สงขลา", "position", "รองอธิบดีกรมอนามัย"), Map.of("name", "ดร.ฤทัยรัตน์ ภู่ผึ้ง", "position", "ผู้แทนบริษัท")));
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(400).body("errors[0].field", equalTo("signatories[0].name"));
        body.put("signatories", List.of());
        api.as(organiser).body(template("วุฒิบัตร", List.of("x"))).put(path + "GOLD").then().statusCode(404);
        api.as(world.token(ours)).body(template("วุฒิบัตร", List.of("x"))).put(path + "ACHIEVEMENT").then().statusCode(403);
        api.as(organiser).body(template("วุฒิบัตร", List.of("x"))).put("/programs/0190a1b2-0000-7000-8000-000000000000/certificate-templates/ACHIEVEMENT")
                .then().statusCode(404);
        // nothing of the refused attempts was kept
        api.as(organiser).get(path).then().statusCode(200).body("", hasSize(0));
        api.as(organiser).accept("application/pdf, application/problem+json").get(path + "PARTICIPATION/preview").then().statusCode(404);
        // a name at its limit of 120 characters prints when its slot is the whole band
        body.put("signatories", List.of(Map.of("name", longName, "position", longPosition)));
        api.as(organiser).body(body).put(path + "ACHIEVEMENT").then().statusCode(200);
        api.as(organiser).accept("application/pdf").get(path + "ACHIEVEMENT/preview").then().statusCode(200)
                .contentType(containsString("application/pdf"));
    }

    @Test
    void aLargeCohortIsIssuedByABackgroundJobThatCanBePolled() throws Exception {
        for (int i = 0; i < 5; i++) {
            world.seat(organiser, cohortId, world.person(world.divisionId, "TRAINEE"));
        }
        // the ITs issue at most 5 within the request; 7 are owed
        Response started = api.as(organiser).post("/cohorts/" + cohortId + "/certificates");
        started.then().statusCode(202).header("Location", containsString("/api/v1/certificate-jobs/")).body("total", equalTo(7));
        String location = started.header("Location");
        String jobPath = location.substring(location.indexOf("/certificate-jobs/"));
        api.as(world.token(ours)).get(jobPath).then().statusCode(403);
        Map<String, Object> job = finished(jobPath);
        assertThat(job).containsEntry("status", "DONE").containsEntry("done", 7).containsEntry("issued", 7).containsEntry("total", 7);
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().body("items", hasSize(7));
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200)
                .body("issued", equalTo(0)).body("alreadyHeld", equalTo(7));
    }

    @Test
    void aRunnerWhoseJobWasTakenOverStopsAndTheRestIsIssuedOnce() throws Exception {
        for (int i = 0; i < 43; i++) {
            world.seat(organiser, cohortId, world.person(world.divisionId, "TRAINEE"));
        }
        // 45 owed: three batches
        String jobId = api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(202)
                .body("total", equalTo(45)).extract().path("id");
        // another instance takes the job over, as it would if this one went unheard for a lease: this instance stops
        // before its next batch (a batch in flight finishes first: it holds the job's row)
        TestDatabase.update("UPDATE certificate_job SET runner = 'another-instance', heartbeat_at = UTC_TIMESTAMP(6) WHERE id = ?", jobId);
        long issued = -1;
        for (long count = TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId); count != issued;
             count = TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId)) {
            issued = count;
            Thread.sleep(2000);
        }
        assertThat(issued).as("certificates issued before the runner stopped").isLessThan(45);
        api.as(organiser).get("/certificate-jobs/" + jobId).then().statusCode(200).body("status", equalTo("RUNNING"));
        // the other instance goes quiet in turn: asking resumes the job here, and every certificate is issued once
        TestDatabase.update("UPDATE certificate_job SET heartbeat_at = UTC_TIMESTAMP(6) - INTERVAL 3 MINUTE WHERE id = ?", jobId);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(202).body("id", equalTo(jobId));
        Map<String, Object> job = finished("/certificate-jobs/" + jobId);
        assertThat(job).containsEntry("status", "DONE").containsEntry("issued", 45);
        assertThat(TestDatabase.count("SELECT COUNT(DISTINCT enrollment_id) FROM certificate WHERE cohort_id = ?", cohortId)).isEqualTo(45);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId)).isEqualTo(45);
    }

    /** A job of the cohort's two certificates, marked running by another instance last heard of three minutes ago. */
    private String runningJobLeftBy(String runner) {
        String jobId = java.util.UUID.randomUUID().toString();
        TestDatabase.update("INSERT INTO certificate_job (id, cohort_id, active_cohort_id, status, total, done, issued, issued_on, "
                + "created_at, runner, heartbeat_at) VALUES (?, ?, ?, 'RUNNING', 2, 0, 0, '2020-11-27', UTC_TIMESTAMP(6), "
                + "?, UTC_TIMESTAMP(6) - INTERVAL 3 MINUTE)", jobId, cohortId, cohortId, runner);
        return jobId;
    }

    @Test
    void aJobWhoseInstanceStoppedWithinItsLeaseIsResumedWithoutAnyoneAsking() throws Exception {
        // as a job is left when its instance was restarted within the lease: start-up saw a fresh heartbeat and left
        // it, and the portal only polls the job, which asks nothing about the cohort
        String jobId = runningJobLeftBy("restarted-instance");
        Map<String, Object> job = finished("/certificate-jobs/" + jobId);
        assertThat(job).containsEntry("status", "DONE").containsEntry("issued", 2);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId)).isEqualTo(2);
    }

    @Test
    void aJobWhoseInstanceHangsInTheMiddleOfABatchIsAnsweredAsItStandsAndErasureGoesOn() throws Exception {
        // another instance hangs (stopped, or a pause) in the middle of a batch: its transaction holds the job's row,
        // and its lease has run out. Until 2026-11-27 asking about the cohort waited 50 s for the row and answered 503,
        // and so did the erasure of anyone, whose update scanned every job's row.
        String jobId = runningJobLeftBy("hung-instance");
        World.Person leaving = world.person(world.divisionId, "TRAINEE");
        try (java.sql.Connection hung = TestDatabase.connect()) {
            hung.setAutoCommit(false);
            try (java.sql.PreparedStatement hold = hung.prepareStatement("SELECT id FROM certificate_job WHERE id = ? FOR UPDATE")) {
                hold.setString(1, jobId);
                hold.executeQuery().close();
            }
            api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(202)
                    .body("id", equalTo(jobId)).body("status", equalTo("RUNNING")).body("issued", equalTo(0));
            api.as(world.adminToken()).delete("/people/" + leaving.id() + "/personal-data").then().statusCode(204);
            hung.rollback();
        }
        // once the instance lets go, the job is taken over and finished, each certificate once
        Map<String, Object> job = finished("/certificate-jobs/" + jobId);
        assertThat(job).containsEntry("status", "DONE").containsEntry("issued", 2);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId)).isEqualTo(2);
    }

    @Test
    void aRunningJobIsLeftToItsInstanceAndResumedWhenThatInstanceGoesQuiet() throws Exception {
        // as a job is left when its instance stopped while the database was down and could not record the failure (or
        // as one running before V020 is: without a runner)
        String jobId = java.util.UUID.randomUUID().toString();
        TestDatabase.update("INSERT INTO certificate_job (id, cohort_id, active_cohort_id, status, total, done, issued, issued_on, "
                + "created_at) VALUES (?, ?, ?, 'RUNNING', 2, 0, 0, '2020-11-27', UTC_TIMESTAMP(6))", jobId, cohortId, cohortId);
        // another instance runs it, heard from a moment ago: asking answers the job and leaves it to that instance
        TestDatabase.update("UPDATE certificate_job SET runner = 'another-instance', heartbeat_at = UTC_TIMESTAMP(6) WHERE id = ?", jobId);
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(202).body("id", equalTo(jobId));
        Thread.sleep(3000);
        api.as(organiser).get("/certificate-jobs/" + jobId).then().statusCode(200).body("status", equalTo("RUNNING"))
                .body("issued", equalTo(0));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM certificate WHERE cohort_id = ?", cohortId)).isZero();
        // that instance has not been heard from for longer than the lease: it stopped, and the job is resumed here
        TestDatabase.update("UPDATE certificate_job SET heartbeat_at = UTC_TIMESTAMP(6) - INTERVAL 3 MINUTE WHERE id = ?", jobId);
        // asking again answers that job, and resumes it rather than answering it forever
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(202).body("id", equalTo(jobId));
        Map<String, Object> job = finished("/certificate-jobs/" + jobId);
        assertThat(job).containsEntry("status", "DONE").containsEntry("issued", 2);
        api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then().body("items", hasSize(2))
                .body("items.issuedOn", everyItem(equalTo("2020-11-27")));
    }
}
