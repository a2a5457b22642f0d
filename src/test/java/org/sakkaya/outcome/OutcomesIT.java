package org.sakkaya.outcome;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.in;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.io.ByteArrayInputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
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
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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
import org.sakkaya.it.Pages;
import org.sakkaya.it.TestDatabase;
import org.sakkaya.it.World;

/**
 * Academic outputs, indicators and pass-rate reports, as clients call them. Each test works in a fiscal year of its
 * own (2541-2545, 2574 for a cohort that has not started, 2528 once it has ended), so the whole-year reports see
 * only its data.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OutcomesIT {
    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    World world;
    String organiser;
    String executive;
    String trainerToken;
    World.Person trainer;
    String otherDepartment;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        world = new World(api);
        organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        executive = world.token(world.person(world.ministryId, "EXECUTIVE"));
        trainer = world.person(world.departmentId, "TRAINER");
        trainerToken = world.token(trainer);
        otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
    }

    // --- helpers: a cohort whose pass decision is a graded assignment (50% to pass)

    private String program(String nameTh) {
        return world.program(organiser, nameTh, "DATA_SCIENCE");
    }

    private String cohort(String programId, int number, String startsOn, String endsOn) {
        String id = api.as(organiser).body(Map.of("programId", programId, "number", number, "nameTh", "รุ่นที่ " + number,
                        "organizerId", world.departmentId, "startsOn", startsOn, "endsOn", endsOn,
                        "passPolicy", Map.of("minScorePercent", 50)))
                .post("/cohorts").then().statusCode(201).extract().path("id");
        api.as(organiser).put("/cohorts/" + id + "/trainers/" + trainer.id()).then().statusCode(200);
        return id;
    }

    /**
     * The cohort's project, weight 100. Its due time is over, as it would be for cohorts that ran years ago: their
     * results are final, so an indicator that counts them can be closed. The work handed in now is accepted, flagged
     * late, and graded in full.
     */
    private String assignment(String cohortId) {
        return assignment(cohortId, "โครงงานวิเคราะห์ข้อมูล", OffsetDateTime.now(ZoneOffset.ofHours(7)).minusHours(1));
    }

    private String assignment(String cohortId, String title, OffsetDateTime closesAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("kind", "ASSIGNMENT");
        body.put("title", title);
        body.put("weight", 100);
        body.put("maxScore", 10);
        body.put("opensAt", OffsetDateTime.now(ZoneOffset.ofHours(7)).minusDays(2).toString());
        body.put("closesAt", closesAt.toString());
        body.put("latePolicy", "ACCEPT_AND_FLAG");
        return api.as(organiser).body(body).post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");
    }

    /** A trainee with a seat, their work handed in and graded: 8 of 10 passes, 3 of 10 does not. */
    private Trainee trainee(String cohortId, String assignmentId, String organizationId, int score) {
        World.Person person = world.person(organizationId, "TRAINEE");
        String token = world.seat(organiser, cohortId, person);
        String submission = api.as(token).body(Map.of("url", "https://www.example.org/work/" + UUID.randomUUID()))
                .post("/assessments/" + assignmentId + "/submissions").then().statusCode(201).extract().path("id");
        api.as(organiser).body(Map.of("score", score)).put("/submissions/" + submission + "/grade").then().statusCode(200);
        return new Trainee(person, token, submission, enrollmentOf(token, cohortId));
    }

    private String enrollmentOf(String token, String cohortId) {
        return api.as(token).get("/me/enrollments").then().statusCode(200).extract().jsonPath()
                .getString("items.find { it.cohortId == '" + cohortId + "' }.id");
    }

    record Trainee(World.Person person, String token, String submissionId, String enrollmentId) {
    }

    private JsonPath passRates(String token, int fiscalYear, String groupBy) {
        return api.as(token).queryParam("fiscalYear", fiscalYear).queryParam("groupBy", groupBy).get("/reports/pass-rates")
                .then().statusCode(200).extract().jsonPath();
    }

    // --- reports

    @Test
    void passRatesComeFromPersistedDecisionsThatFollowEveryChangeAndAgreeWithEachResult() {
        String programId = program("นักวิทยาการข้อมูล (Data Scientist)");
        String cohortId = cohort(programId, 1, "1997-11-10", "1997-11-14");
        String work = assignment(cohortId);
        Trainee good = trainee(cohortId, work, world.divisionId, 8);
        Trainee fine = trainee(cohortId, work, world.divisionId, 9);
        Trainee weak = trainee(cohortId, work, otherDepartment, 3);

        JsonPath report = passRates(executive, 2541, "cohort");
        assertThat(report.getInt("rows.size()")).isEqualTo(1);
        assertThat(report.getString("rows[0].id")).isEqualTo(cohortId);
        assertThat(report.getInt("rows[0].evaluated")).isEqualTo(3);
        assertThat(report.getInt("rows[0].passed")).isEqualTo(2);
        assertThat(report.getFloat("rows[0].passRatePercent")).isEqualTo(66.67f);
        assertThat(report.getString("firstDay")).isEqualTo("1997-10-01");
        assertThat(report.getString("lastDay")).isEqualTo("1998-09-30");
        // the report and each live result agree
        for (Trainee t : List.of(good, fine, weak)) {
            boolean passed = api.as(organiser).get("/enrollments/" + t.enrollmentId() + "/result").then().statusCode(200)
                    .extract().path("passed");
            assertThat(passed).isEqualTo(t != weak);
        }

        // a regrade, then a changed policy: the persisted decisions follow at once
        api.as(organiser).body(Map.of("score", 6, "reason", "ทบทวนคะแนน")).put("/submissions/" + weak.submissionId() + "/grade")
                .then().statusCode(200);
        assertThat(passRates(executive, 2541, "program").getInt("passed")).isEqualTo(3);
        api.as(organiser).body(Map.of("passPolicy", Map.of("minScorePercent", 85))).patch("/cohorts/" + cohortId).then().statusCode(200);
        JsonPath byProgram = passRates(organiser, 2541, "program");
        assertThat(byProgram.getInt("rows[0].passed")).isEqualTo(1);
        assertThat(byProgram.getString("rows[0].nameTh")).isEqualTo("นักวิทยาการข้อมูล (Data Scientist)");
        api.as(organiser).get("/enrollments/" + fine.enrollmentId() + "/result").then().body("passed", equalTo(true));
        api.as(organiser).get("/enrollments/" + good.enrollmentId() + "/result").then().body("passed", equalTo(false));

        // HR sees only the trainees its organisation subtree sent; another department's HR sees only its own
        JsonPath ours = passRates(world.token(world.person(world.departmentId, "HR")), 2541, "organization");
        assertThat(ours.getBoolean("scopedToOrganizations")).isTrue();
        assertThat(ours.getList("rows.id")).containsExactly(world.divisionId);
        assertThat(ours.getInt("evaluated")).isEqualTo(2);
        JsonPath theirs = passRates(world.token(world.person(otherDepartment, "HR")), 2541, "organization");
        assertThat(theirs.getList("rows.id")).containsExactly(otherDepartment);
        String unrelatedMinistry = world.organization("กระทรวงอื่น", "MINISTRY", null);
        assertThat(passRates(world.token(world.person(unrelatedMinistry, "HR")), 2541, "cohort").getList("rows")).isEmpty();

        // a client that accepts anything gets JSON; CSV only when asked for
        api.as(executive).accept("*/*").queryParam("fiscalYear", 2541).get("/reports/pass-rates").then().statusCode(200)
                .contentType(containsString("application/json"));

        // trainees and trainers see no reports; bad input is a 400 that names the field
        api.as(good.token()).queryParam("fiscalYear", 2541).get("/reports/pass-rates").then().statusCode(403);
        api.as(trainerToken).queryParam("fiscalYear", 2541).get("/reports/pass-rates").then().statusCode(403);
        api.as(executive).get("/reports/pass-rates").then().statusCode(400).body("errors[0].field", equalTo("fiscalYear"));
        api.as(executive).queryParam("fiscalYear", 41).get("/reports/pass-rates").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
        api.as(executive).queryParam("fiscalYear", 2541).queryParam("groupBy", "province").get("/reports/pass-rates").then()
                .statusCode(400).body("errors[0].field", equalTo("groupBy"));
        api.as(executive).queryParam("fiscalYear", "๒๕๔๑").get("/reports/pass-rates").then().statusCode(org.hamcrest.Matchers.lessThan(500));
        api.as(executive).queryParam("fiscalYear", "พ.ศ. 2541").get("/reports/pass-rates").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors[0].field", equalTo("fiscalYear"));
        api.as(executive).queryParam("fiscalYear", "abc").get("/indicators").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear"));
    }

    @Test
    void gradesGivenWhileReportsAreBeingReadAreAllCountedOnceCommitted() throws Exception {
        String cohortId = cohort(program("นักสื่อสารองค์กร (PR MIND)"), 1, "1995-11-13", "1995-11-17");
        String work = assignment(cohortId);
        int trainees = 16;
        List<Trainee> handedIn = new ArrayList<>();
        for (int i = 0; i < trainees; i++) {
            World.Person person = world.person(world.divisionId, "TRAINEE");
            String token = world.seat(organiser, cohortId, person);
            String submission = api.as(token).body(Map.of("url", "https://www.example.org/work/" + UUID.randomUUID()))
                    .post("/assessments/" + work + "/submissions").then().statusCode(201).extract().path("id");
            handedIn.add(new Trainee(person, token, submission, enrollmentOf(token, cohortId)));
        }
        assertThat(passRates(executive, 2539, "cohort").getInt("passed")).isZero();

        // every grade at once, each its own transaction, while two readers keep refreshing the cohort's decisions, so
        // that refreshes also meet each other
        ExecutorService pool = Executors.newFixedThreadPool(trainees + 2);
        try {
            AtomicBoolean grading = new AtomicBoolean(true);
            List<Future<Integer>> readers = new ArrayList<>();
            for (String reader : List.of(executive, organiser)) {
                readers.add(pool.submit(() -> {
                    int n = 0;
                    while (grading.get()) {
                        passRates(reader, 2539, "cohort");
                        n++;
                    }
                    return n;
                }));
            }
            List<Future<Integer>> grades = new ArrayList<>();
            for (int i = 0; i < trainees; i++) {
                String submission = handedIn.get(i).submissionId();
                int score = i % 2 == 0 ? 8 : 3;
                grades.add(pool.submit(() -> api.as(organiser).body(Map.of("score", score)).put("/submissions/" + submission + "/grade")
                        .statusCode()));
            }
            for (Future<Integer> status : grades) {
                assertThat(status.get()).isEqualTo(200);
            }
            grading.set(false);
            for (Future<Integer> reads : readers) {
                assertThat(reads.get()).isPositive();
            }
        } finally {
            pool.shutdown();
        }

        // a refresh that ran while a grade was not yet committed did not see it, and left the cohort stale for the next
        JsonPath report = passRates(executive, 2539, "cohort");
        assertThat(report.getInt("evaluated")).isEqualTo(trainees);
        assertThat(report.getInt("passed")).isEqualTo(trainees / 2);
        for (int i = 0; i < trainees; i++) {
            api.as(organiser).get("/enrollments/" + handedIn.get(i).enrollmentId() + "/result").then().statusCode(200)
                    .body("passed", equalTo(i % 2 == 0));
        }
        // the last refresh deleted the changes it had seen, and nothing is left over
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM pass_decision_change WHERE cohort_id = ?", cohortId)).isZero();
    }

    @Test
    void aChangeStillInFlightWhileAReportRefreshesIsCountedByTheNextReport() throws Exception {
        String cohortId = cohort(program("นักวิทยาการข้อมูล (Data Scientist)"), 1, "1994-11-14", "1994-11-18");
        String work = assignment(cohortId);
        Trainee regraded = trainee(cohortId, work, world.divisionId, 3);
        Trainee inFlight = trainee(cohortId, work, world.divisionId, 3);
        assertThat(passRates(executive, 2538, "cohort").getInt("passed")).isZero();
        // a committed change leaves the cohort stale, so that the next report refreshes it
        api.as(organiser).body(Map.of("score", 8, "reason", "ทบทวนคะแนน")).put("/submissions/" + regraded.submissionId() + "/grade")
                .then().statusCode(200);

        // another change, written as the service writes one (the grade and the cohort's change row in one transaction),
        // commits only while the report below is refreshing. The refresh must neither see it nor delete its row: a
        // refresh that deleted every change of the cohort would wait for that row, then delete it unseen.
        ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor();
        try (Connection change = TestDatabase.connect()) {
            change.setAutoCommit(false);
            try (PreparedStatement grade = change.prepareStatement("UPDATE grade SET score = 8, raw_score = 8 WHERE submission_id = ?");
                 PreparedStatement changed = change.prepareStatement(
                         "INSERT INTO pass_decision_change (cohort_id, changed_at) VALUES (?, UTC_TIMESTAMP(6))")) {
                grade.setString(1, inFlight.submissionId());
                assertThat(grade.executeUpdate()).isEqualTo(1);
                changed.setString(1, cohortId);
                changed.executeUpdate();
            }
            ScheduledFuture<?> committed = later.schedule(() -> {
                change.commit();
                return null;
            }, 1, TimeUnit.SECONDS);
            assertThat(passRates(executive, 2538, "cohort").getInt("passed")).isBetween(1, 2);
            committed.get();
        } finally {
            later.shutdown();
        }

        assertThat(passRates(executive, 2538, "cohort").getInt("passed")).isEqualTo(2);
        api.as(organiser).get("/enrollments/" + inFlight.enrollmentId() + "/result").then().statusCode(200).body("passed", equalTo(true));
    }

    @Test
    void aCohortBelongsToTheFiscalYearItStartsInAndAWorkToTheYearItWasPresentedIn() {
        String programId = program("หลักสูตรปลายปีงบประมาณ");
        String lastDay = cohort(programId, 1, "2001-09-30", "2001-10-02");
        String firstDay = cohort(programId, 2, "2001-10-01", "2001-10-03");
        World.Person a = world.person(world.divisionId, "TRAINEE");
        World.Person b = world.person(world.divisionId, "TRAINEE");
        world.seat(organiser, lastDay, a);
        world.seat(organiser, firstDay, b);
        assertThat(passRates(executive, 2544, "cohort").getList("rows.id")).containsExactly(lastDay);
        assertThat(passRates(executive, 2545, "cohort").getList("rows.id")).containsExactly(firstDay);

        String early = output(lastDay, List.of(a.id()), "PRESENTED", "2001-09-30");
        String late = output(firstDay, List.of(b.id()), "PRESENTED", "2001-10-01");
        assertThat(api.as(executive).queryParam("fiscalYear", 2544).queryParam("programId", programId).get("/academic-outputs")
                .then().statusCode(200).extract().jsonPath().getList("items.id")).containsExactly(early);
        api.as(executive).get("/academic-outputs/" + late).then().statusCode(200).body("fiscalYear", equalTo(2545));
    }

    @Test
    void withdrawingBeforeTheStartLeavesTheDenominatorAndDroppingOutCountsAsNotPassed() {
        String programId = program("หลักสูตรทดสอบการถอนตัว");
        String future = cohort(programId, 1, "2031-01-13", "2031-01-17");
        String stays = api.as(organiser).body(Map.of("personId", world.person(world.divisionId, "TRAINEE").id()))
                .post("/cohorts/" + future + "/enrollments").then().statusCode(201).extract().path("id");
        String leaves = api.as(organiser).body(Map.of("personId", world.person(world.divisionId, "TRAINEE").id()))
                .post("/cohorts/" + future + "/enrollments").then().statusCode(201).extract().path("id");
        api.as(organiser).post("/enrollments/" + leaves + "/withdraw").then().statusCode(200);
        // the gradebook says who will count; the year's figures count a cohort once its last day is over (who is
        // enrolled at its end is not known before, and trainees still to take it are not failures: until 2026-11-27
        // this cohort's trainee counted as not passed, 0% in the year's report)
        api.as(organiser).get("/cohorts/" + future + "/gradebook").then().statusCode(200).body("evaluated", equalTo(1));
        JsonPath notEnded = passRates(organiser, 2574, "cohort");
        assertThat(notEnded.getInt("evaluated")).isZero();
        assertThat(notEnded.getList("rows")).isEmpty();
        // the days pass (the cohort moved under the API into fiscal year 2528, which no other test uses, the withdrawal
        // still before its first day, and its decisions marked stale as any change marks them)
        TestDatabase.update("UPDATE cohort SET starts_on = '1985-01-14', ends_on = '1985-01-18' WHERE id = ?", future);
        TestDatabase.update("UPDATE enrollment SET seat_left_at = '1984-12-03 03:00:00' WHERE id = ?", leaves);
        TestDatabase.update("INSERT INTO pass_decision_change (cohort_id, changed_at) VALUES (?, UTC_TIMESTAMP(6))", future);
        JsonPath ended = passRates(organiser, 2528, "cohort");
        assertThat(ended.getInt("evaluated")).isEqualTo(1);
        assertThat(ended.getInt("rows[0].evaluated")).isEqualTo(1);
        assertThat(ended.getString("rows[0].id")).isEqualTo(future);

        String started = cohort(programId, 2, "1998-11-09", "1998-11-13");
        String work = assignment(started);
        trainee(started, work, world.divisionId, 8);
        Trainee dropout = trainee(started, work, world.divisionId, 9);
        api.as(organiser).post("/enrollments/" + dropout.enrollmentId() + "/withdraw").then().statusCode(200);
        JsonPath report = passRates(organiser, 2542, "cohort");
        assertThat(report.getInt("rows[0].evaluated")).isEqualTo(2);
        assertThat(report.getInt("rows[0].passed")).isEqualTo(1);
        assertThat(report.getFloat("rows[0].passRatePercent")).isEqualTo(50.0f);
        assertThat(stays).isNotBlank();
    }

    // --- academic outputs

    private String output(String cohortId, List<String> authors, String status, String presentedOn) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "การวิเคราะห์ข้อมูลสุขภาพจิตของบุคลากร");
        body.put("kind", "RESEARCH");
        body.put("authorIds", authors);
        body.put("cohortId", cohortId);
        body.put("status", status);
        body.put("presentedOn", presentedOn);
        body.put("venue", "การประชุมวิชาการประจำปี");
        body.put("evidenceUrl", "https://www.example.org/evidence/" + UUID.randomUUID());
        return api.as(organiser).body(body).post("/academic-outputs").then().statusCode(201).extract().path("id");
    }

    @Test
    void aWorkIsPresentedOrPublishedOnlyOnADayThatHasCome() {
        String cohortId = cohort(program("หลักสูตรผลงานที่ยังไม่นำเสนอ"), 1, "2002-01-14", "2002-01-18");
        World.Person author = world.person(world.divisionId, "TRAINEE");
        String token = world.seat(organiser, cohortId, author);
        String tomorrow = LocalDate.now(ZoneOffset.ofHours(7)).plusDays(1).toString();
        Map<String, Object> body = new HashMap<>();
        body.put("title", "คลิปสั้นสื่อสารความรอบรู้สุขภาพจิต");
        body.put("kind", "MEDIA");
        body.put("authorIds", List.of(author.id()));
        body.put("cohortId", cohortId);
        body.put("status", "PRESENTED");
        body.put("presentedOn", tomorrow);
        // recorded ahead of the day, it counted in the indicators (once confirmed) before it was presented
        api.as(token).body(body).post("/academic-outputs").then().statusCode(422).contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo("presentedOn"));
        body.put("status", "PUBLISHED");
        body.remove("presentedOn");
        body.put("publishedOn", tomorrow);
        api.as(token).body(body).post("/academic-outputs").then().statusCode(422).body("errors[0].field", equalTo("publishedOn"));
        // planned for tomorrow it is, and it becomes PRESENTED once the day has come, not before
        body.put("status", "PLANNED");
        body.remove("publishedOn");
        body.put("presentedOn", tomorrow);
        String id = api.as(token).body(body).post("/academic-outputs").then().statusCode(201).extract().path("id");
        api.as(token).body(Map.of("status", "PRESENTED")).patch("/academic-outputs/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("presentedOn"));
        api.as(token).get("/academic-outputs/" + id).then().statusCode(200).body("status", equalTo("PLANNED"));
        String today = LocalDate.now(ZoneOffset.ofHours(7)).toString();
        api.as(token).body(Map.of("status", "PRESENTED", "presentedOn", today)).patch("/academic-outputs/" + id).then().statusCode(200)
                .body("status", equalTo("PRESENTED"));
    }

    @Test
    void authorsRecordTheirWorksWhichCountOnceATrainerConfirmsTheEvidence() {
        String programId = program("หลักสูตรผลงานวิชาการ");
        String cohortId = cohort(programId, 1, "2002-11-11", "2002-11-15");
        World.Person author = world.namedPerson(world.divisionId, "ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง", "TRAINEE");
        String authorToken = world.seat(organiser, cohortId, author);
        World.Person coauthor = world.person(world.divisionId, "TRAINEE");
        world.seat(organiser, cohortId, coauthor);
        World.Person outsider = world.person(otherDepartment, "TRAINEE");
        String outsiderToken = world.token(outsider);

        Map<String, Object> body = new HashMap<>();
        body.put("title", "อินโฟกราฟิกความรอบรู้ด้านสุขภาพ");
        body.put("kind", "MEDIA");
        body.put("authorIds", List.of(author.id(), coauthor.id()));
        body.put("cohortId", cohortId);
        body.put("status", "IN_PROGRESS");
        String id = api.as(authorToken).body(body).post("/academic-outputs").then().statusCode(201)
                .body("status", equalTo("IN_PROGRESS")).body("counts", equalTo(false))
                .body("authors[0].name", equalTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง")).body("programId", equalTo(programId))
                .extract().path("id");

        // refused: a trainee who is not an author, an author outside the cohort, bad fields
        api.as(outsiderToken).body(body).post("/academic-outputs").then().statusCode(403);
        Map<String, Object> stranger = new HashMap<>(body);
        stranger.put("authorIds", List.of(author.id(), outsider.id()));
        api.as(authorToken).body(stranger).post("/academic-outputs").then().statusCode(422)
                .body("errors[0].field", equalTo("authorIds[1]"));
        Map<String, Object> bad = new HashMap<>(body);
        bad.put("evidenceUrl", "javascript:alert(1)");
        api.as(authorToken).body(bad).post("/academic-outputs").then().statusCode(400).body("errors[0].field", equalTo("evidenceUrl"));
        bad.put("evidenceUrl", null);
        bad.put("kind", "NOVEL");
        api.as(authorToken).body(bad).post("/academic-outputs").then().statusCode(400);
        api.as(authorToken).body(Map.of("status", "PRESENTED")).patch("/academic-outputs/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("presentedOn"));
        api.as(organiser).post("/academic-outputs/" + id + "/evidence-confirmation").then().statusCode(422);

        // presented with evidence, confirmed by the cohort's trainer (not by the author)
        api.as(authorToken).body(Map.of("status", "PRESENTED", "presentedOn", "2003-06-20", "venue", "มหกรรมสุขภาพ",
                "evidenceUrl", "https://www.example.org/infographic.png")).patch("/academic-outputs/" + id).then().statusCode(200)
                .body("fiscalYear", equalTo(2546)).body("counts", equalTo(false));
        api.as(authorToken).post("/academic-outputs/" + id + "/evidence-confirmation").then().statusCode(403);
        api.as(trainerToken).post("/academic-outputs/" + id + "/evidence-confirmation").then().statusCode(200)
                .body("evidenceConfirmed", equalTo(true)).body("counts", equalTo(true));
        // new evidence takes the confirmation back
        api.as(authorToken).body(Map.of("evidenceUrl", "https://www.example.org/infographic-v2.png")).patch("/academic-outputs/" + id)
                .then().statusCode(200).body("counts", equalTo(false));
        api.as(trainerToken).post("/academic-outputs/" + id + "/evidence-confirmation").then().statusCode(200);

        // who reads: HR of the authors' organisation yes, another department's HR and an outsider no
        api.as(world.token(world.person(world.departmentId, "HR"))).get("/academic-outputs/" + id).then().statusCode(200);
        api.as(world.token(world.person(otherDepartment, "HR"))).get("/academic-outputs/" + id).then().statusCode(404);
        api.as(outsiderToken).get("/academic-outputs/" + id).then().statusCode(404);
        api.as(outsiderToken).get("/academic-outputs").then().statusCode(200).body("items", hasSize(0));
        api.as(authorToken).get("/academic-outputs").then().statusCode(200).body("items.id", hasItem(id));

        // PDPA: the export lists the work; erasure removes its evidence and keeps the counted record
        api.as(authorToken).get("/people/" + author.id() + "/personal-data").then().statusCode(200)
                .body("academicOutputs.academicOutputs.id", hasItem(id));
        api.as(world.adminToken()).delete("/people/" + author.id() + "/personal-data").then().statusCode(204);
        api.as(organiser).get("/academic-outputs/" + id).then().statusCode(200)
                .body("evidenceUrl", nullValue()).body("counts", equalTo(true))
                .body("authors[0].name", not(equalTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง")));
    }

    @Test
    void aWorkRecordedByMistakeIsDeletedByItsAuthorsUntilItCountsAndStaysOnceReported() {
        // fiscal year 2526, which no other test counts
        String programId = program("หลักสูตรลบผลงาน");
        String cohortId = cohort(programId, 1, "1982-11-08", "1982-11-12");
        World.Person author = world.person(world.divisionId, "TRAINEE");
        String authorToken = world.seat(organiser, cohortId, author);
        World.Person other = world.person(world.divisionId, "TRAINEE");
        String otherToken = world.seat(organiser, cohortId, other);
        Map<String, Object> body = new HashMap<>();
        body.put("title", "คลิปวิดีโอสั้นส่งเสริมสุขภาพ");
        body.put("kind", "MEDIA");
        body.put("authorIds", List.of(author.id()));
        body.put("cohortId", cohortId);
        body.put("status", "PRESENTED");
        body.put("presentedOn", "1983-06-20");
        body.put("evidenceUrl", "https://www.example.org/clip");
        // recorded twice by mistake: the authors delete the second, with its evidence file; nobody else may
        String kept = api.as(authorToken).body(body).post("/academic-outputs").then().statusCode(201).extract().path("id");
        String twice = api.as(authorToken).body(body).post("/academic-outputs").then().statusCode(201).extract().path("id");
        api.as(authorToken).contentType("multipart/form-data").multiPart("file", "evidence.pdf", "%PDF-1.4\n%%EOF\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                "application/pdf").post("/academic-outputs/" + twice + "/evidence-file").then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stored_file WHERE uploaded_by = ?", author.id())).isEqualTo(1);
        api.as(otherToken).delete("/academic-outputs/" + twice).then().statusCode(oneOf(403, 404));
        api.as(executive).delete("/academic-outputs/" + twice).then().statusCode(403);
        api.as(authorToken).delete("/academic-outputs/" + twice).then().statusCode(204);
        api.as(authorToken).get("/academic-outputs/" + twice).then().statusCode(404);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stored_file WHERE uploaded_by = ?", author.id())).isZero();

        // once its evidence is confirmed it counts: the programme administrator deletes it, not the author
        api.as(trainerToken).post("/academic-outputs/" + kept + "/evidence-confirmation").then().statusCode(200);
        api.as(authorToken).delete("/academic-outputs/" + kept).then().statusCode(409).body("type", containsString("output-confirmed"));
        // and once a closed indicator counted it, it stays as reported
        Map<String, Object> plan = indicator(2526, List.of(activity("นำเสนอผลงาน", "OUTPUTS_PRESENTED",
                Map.of("programId", programId), 1, "WORK")));
        plan.put("code", "6.1");
        String indicatorId = api.as(organiser).body(plan).post("/indicators").then().statusCode(201).extract().path("id");
        api.as(organiser).post("/indicators/" + indicatorId + "/close").then().statusCode(200);
        api.as(organiser).delete("/academic-outputs/" + kept).then().statusCode(409).body("type", containsString("output-counted"));
        api.as(organiser).get("/academic-outputs/" + kept).then().statusCode(200);
    }

    // --- indicators

    private Map<String, Object> activity(String title, String measure, Map<String, Object> scope, Object target, String unit) {
        Map<String, Object> a = new HashMap<>();
        a.put("title", title);
        a.put("measure", measure);
        a.put("scope", scope);
        a.put("target", target);
        a.put("unit", unit);
        a.put("strategy", "PARTNERSHIP");
        return a;
    }

    private Map<String, Object> indicator(int fiscalYear, List<Map<String, Object>> activities) {
        return new HashMap<>(Map.of("code", "1.33", "nameTh", "ร้อยละ 80 ของการผ่านเกณฑ์การประเมินผล กลุ่มเป้าหมายนักวิทยาการข้อมูล",
                "fiscalYear", fiscalYear, "ownerOrganizationId", world.departmentId, "activities", activities));
    }

    @Test
    void indicatorStatusIsLiveAndClosingFreezesASnapshotThatLaterChangesDoNotAlter() throws Exception {
        String programId = program("นักวิทยาการข้อมูล (Data Scientist)");
        String first = cohort(programId, 1, "1999-11-22", "1999-11-25");
        String work = assignment(first);
        List<Trainee> trainees = new ArrayList<>();
        for (int score : new int[] {8, 9, 7, 10, 3}) {
            trainees.add(trainee(first, work, world.divisionId, score));
        }
        Trainee weak = trainees.get(4);
        String second = cohort(programId, 2, "2000-06-12", "2000-06-16");
        world.seat(organiser, second, world.person(world.divisionId, "TRAINEE"));
        world.seat(organiser, second, world.person(world.departmentId, "TRAINEE"));
        String presented = output(first, List.of(trainees.get(0).person().id(), trainees.get(1).person().id()), "PRESENTED", "2000-06-20");
        api.as(trainerToken).post("/academic-outputs/" + presented + "/evidence-confirmation").then().statusCode(200);
        output(first, List.of(trainees.get(2).person().id()), "PRESENTED", "2000-06-21"); // evidence never confirmed: does not count

        Map<String, Object> body = indicator(2543, List.of(
                activity("ส่งบุคลากรเข้ารับการอบรม", "TRAINEES_SENT",
                        Map.of("programId", programId, "cohortIds", List.of(first), "organizationId", world.departmentId), 1, "PERSON"),
                activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE", Map.of("cohortIds", List.of(first)), 80, "PERCENT"),
                activity("ผลงานวิชาการได้รับการนำเสนอ", "OUTPUTS_PRESENTED", Map.of("programId", programId), 1, "WORK"),
                activity("ส่งบุคลากรเข้ารับการอบรม รุ่นที่ 2", "TRAINEES_SENT", Map.of("cohortIds", List.of(second)), 2, "PERSON"),
                activity("ผู้ผ่านได้รับวุฒิบัตร", "CERTIFICATES_ISSUED", Map.of("programId", programId), 4, "PERSON")));
        ((Map<String, Object>) ((List<?>) body.get("activities")).get(3)).put("periodNote", "กองแผนงานกำหนด");
        String id = api.as(organiser).body(body).post("/indicators").then().statusCode(201)
                .body("activities", hasSize(5)).body("activities[3].periodNote", equalTo("กองแผนงานกำหนด"))
                .extract().path("id");

        // the PDF report first (OpenPDF's layout switch), then certificates: both PDFs render in one JVM
        api.as(executive).queryParam("fiscalYear", 2543).get("/reports/pass-rates.pdf").then().statusCode(200);
        api.as(organiser).post("/cohorts/" + first + "/certificates").then().statusCode(200).body("issued", equalTo(4));

        JsonPath status = api.as(executive).get("/indicators/" + id + "/status").then().statusCode(200).extract().jsonPath();
        assertThat(status.getList("activities.numerator", Integer.class)).containsExactly(5, 4, 1, 2, 4);
        assertThat(status.getInt("activities[1].denominator")).isEqualTo(5);
        assertThat(status.getFloat("activities[1].actual")).isEqualTo(80.0f);
        assertThat(status.getList("activities.achieved", Boolean.class)).containsOnly(true);
        assertThat(status.getInt("achieved")).isEqualTo(5);
        assertThat(status.getList("activities[1].records.passed", Boolean.class)).containsExactlyInAnyOrder(true, true, true, true, false);
        assertThat(status.getList("activities[2].records.title")).containsExactly("การวิเคราะห์ข้อมูลสุขภาพจิตของบุคลากร");
        assertThat(status.getList("activities[2].records[0].authors")).hasSize(2);
        assertThat(status.getString("activities[1].snapshot")).isNull();
        String passRate = status.getString("activities[1].activityId");
        api.as(organiser).queryParam("size", 2).queryParam("page", 2).get("/indicators/" + id + "/activities/" + passRate + "/records")
                .then().statusCode(200).body("total", equalTo(5)).body("items", hasSize(1));

        // who may: HR and trainees do not read indicators; only PROGRAM_ADMIN closes
        api.as(world.token(world.person(world.departmentId, "HR"))).get("/indicators/" + id + "/status").then().statusCode(403);
        api.as(weak.token()).get("/indicators/" + id + "/status").then().statusCode(403);
        api.as(executive).get("/indicators/" + UUID.randomUUID() + "/status").then().statusCode(404);
        api.as(executive).post("/indicators/" + id + "/close").then().statusCode(403);

        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(200).body("closed", equalTo(true));
        // the problem says when, as the API writes instants: in Bangkok with its offset, not in UTC
        String closedAt = api.as(executive).get("/indicators/" + id + "/status").then().statusCode(200).extract().path("closedAt");
        assertThat(closedAt).endsWith("+07:00");
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(409)
                .body("type", equalTo("urn:sakkaya:problem:indicator-closed")).body("detail", endsWith("closed already, at " + closedAt));

        // later changes move the live figures, never the snapshot
        api.as(organiser).body(Map.of("score", 9, "reason", "ตรวจใหม่")).put("/submissions/" + weak.submissionId() + "/grade")
                .then().statusCode(200);
        world.seat(organiser, second, world.person(world.divisionId, "TRAINEE"));
        JsonPath after = api.as(executive).queryParam("records", 0).get("/indicators/" + id + "/status").then().statusCode(200)
                .extract().jsonPath();
        assertThat(after.getBoolean("closed")).isTrue();
        assertThat(after.getFloat("activities[1].actual")).isEqualTo(100.0f);
        assertThat(after.getFloat("activities[1].snapshot.actual")).isEqualTo(80.0f);
        assertThat(after.getInt("activities[1].snapshot.numerator")).isEqualTo(4);
        assertThat(after.getInt("activities[3].numerator")).isEqualTo(3);
        assertThat(after.getInt("activities[3].snapshot.numerator")).isEqualTo(2);
        assertThat(after.getList("activities[1].records")).isEmpty();
        JsonPath frozen = api.as(executive).queryParam("frozen", true).get("/indicators/" + id + "/activities/" + passRate + "/records")
                .then().statusCode(200).extract().jsonPath();
        assertThat(frozen.getList("items.passed", Boolean.class)).containsExactlyInAnyOrder(true, true, true, true, false);
        assertThat(frozen.getString("items.find { it.passed == false }.personId")).isEqualTo(weak.person().id());
    }

    @Test
    void aProgrammesIndicatorRefreshesItsOwnCohortsOnlyWhenReadAndClosed() {
        // fiscal year 2534, which no other test counts
        String ours = program("หลักสูตรนักวิทยาการข้อมูลของกรม");
        String theirs = program("หลักสูตรของอีกกรมหนึ่ง");
        String counted = cohort(ours, 1, "1990-11-12", "1990-11-16");
        String other = cohort(theirs, 1, "1990-11-12", "1990-11-16");
        trainee(counted, assignment(counted), world.divisionId, 8);
        trainee(other, assignment(other), world.divisionId, 8);
        Map<String, Object> body = indicator(2534, List.of(
                activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE", Map.of("programId", ours), 80, "PERCENT")));
        body.put("code", "P-" + UUID.randomUUID().toString().substring(0, 8));
        String id = api.as(organiser).body(body).post("/indicators").then().statusCode(201).extract().path("id");

        api.as(executive).get("/indicators/" + id + "/status").then().statusCode(200).body("activities[0].actual", equalTo(100.0f));
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(200);
        // the programme's cohort was brought up to date; another programme's cohort of the same year was left alone
        // (a busy cohort elsewhere would otherwise be refreshed on every read, and keep a close from ever settling)
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM pass_decision_change WHERE cohort_id = ?", counted)).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM pass_decision_change WHERE cohort_id = ?", other)).isPositive();
    }

    @Test
    void closingFreezesAGradeGivenJustBeforeItAndWaitsUntilEveryCohortCountedHasEnded() {
        String programId = program("หลักสูตรทดสอบการปิดตัวชี้วัด");
        String done = cohort(programId, 1, "1996-11-11", "1996-11-15");
        String work = assignment(done);
        Trainee late = trainee(done, work, world.divisionId, 3);
        trainee(done, work, world.divisionId, 8);
        Map<String, Object> body = indicator(2540, List.of(
                activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE", Map.of("cohortIds", List.of(done)), 80, "PERCENT")));
        body.put("code", "C-" + UUID.randomUUID().toString().substring(0, 8));
        String id = api.as(organiser).body(body).post("/indicators").then().statusCode(201).extract().path("id");
        api.as(executive).get("/indicators/" + id + "/status").then().statusCode(200).body("activities[0].actual", equalTo(50.0f));
        // the pass-rate file for people shows the start in the Thai short form
        String csv = new String(api.as(executive).queryParam("fiscalYear", 2540).queryParam("groupBy", "cohort")
                .get("/reports/pass-rates.csv").then().statusCode(200).extract().asByteArray(), StandardCharsets.UTF_8);
        assertThat(csv).contains("11 พ.ย. 39").doesNotContain("1996-11-11");

        // a regrade, and nobody reads a report before the indicator is closed: the snapshot still counts it
        api.as(organiser).body(Map.of("score", 9, "reason", "ตรวจใหม่ก่อนปิดปีงบประมาณ")).put("/submissions/" + late.submissionId() + "/grade")
                .then().statusCode(200);
        // with an Idempotency-Key the request has a transaction of its own; the snapshot still reads the refreshed figures
        api.as(organiser).header("Idempotency-Key", UUID.randomUUID().toString()).post("/indicators/" + id + "/close").then().statusCode(200);
        JsonPath closed = api.as(executive).get("/indicators/" + id + "/status").then().statusCode(200).extract().jsonPath();
        assertThat(closed.getFloat("activities[0].snapshot.actual")).isEqualTo(100.0f);
        assertThat(closed.getInt("activities[0].snapshot.numerator")).isEqualTo(2);
        assertThat(closed.getBoolean("activities[0].snapshot.achieved")).isTrue();
        // the frozen records, a page at a time in the order counted, and in the counted person's own export
        String activityId = closed.getString("activities[0].activityId");
        String records = "/indicators/" + id + "/activities/" + activityId + "/records";
        String first = api.as(executive).queryParam("frozen", true).queryParam("size", 1).get(records).then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).extract().path("items[0].id");
        api.as(executive).queryParam("frozen", true).queryParam("size", 1).queryParam("page", 1).get(records).then().statusCode(200)
                .body("items", hasSize(1)).body("items[0].id", not(equalTo(first))).body("items[0].passed", equalTo(true));
        api.as(late.token()).get("/people/" + late.person().id() + "/personal-data").then().statusCode(200)
                .body("academicOutputs.countedInClosedIndicators.indicatorId", contains(id))
                .body("academicOutputs.countedInClosedIndicators[0].recordId", equalTo(late.enrollmentId()))
                .body("academicOutputs.countedInClosedIndicators[0].passed", equalTo(true));

        // fiscal year 2569 is over, but a cohort that started in it is still running: its results are not final
        String running = cohort(programId, 2, "2026-09-21", LocalDate.now(ZoneOffset.ofHours(7)).plusDays(30).toString());
        Map<String, Object> open = indicator(2569, List.of(
                activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE", Map.of("programId", programId), 80, "PERCENT")));
        open.put("code", "R-" + UUID.randomUUID().toString().substring(0, 8));
        String year = api.as(organiser).body(open).post("/indicators").then().statusCode(201).extract().path("id");
        api.as(organiser).post("/indicators/" + year + "/close").then().statusCode(422).contentType(containsString("problem+json"))
                .body("type", containsString("cohorts-running")).body("detail", containsString(running));
        api.as(executive).get("/indicators/" + year + "/status").then().statusCode(200).body("closed", equalTo(false));
    }

    @Test
    void anIndicatorIsNotClosedWhileACountedCohortsAssessmentIsStillOpen() {
        // fiscal year 2535, which no other test counts: a cohort of its last weeks, with a project due after its last day
        String programId = program("หลักสูตรที่ส่งโครงงานหลังจบรุ่น");
        String cohortId = cohort(programId, 1, "1992-09-14", "1992-09-18");
        String work = assignment(cohortId);
        List<Trainee> trainees = List.of(trainee(cohortId, work, world.divisionId, 8), trainee(cohortId, work, world.divisionId, 9));
        Map<String, Object> body = indicator(2535, List.of(
                activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE", Map.of("programId", programId), 80, "PERCENT")));
        body.put("code", "A-" + UUID.randomUUID().toString().substring(0, 8));
        String id = api.as(organiser).body(body).post("/indicators").then().statusCode(201).extract().path("id");
        OffsetDateTime due = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS).plusDays(1);
        String project = assignment(cohortId, "โครงงานส่งหลังจบรุ่น", due);

        // the year is over and the cohort has ended, but the project still takes work: closing now would freeze both
        // trainees as not passed (the project missing, counted 0)
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(422).contentType(containsString("problem+json"))
                .body("type", equalTo("urn:sakkaya:problem:assessments-open"))
                .body("detail", containsString("cohort " + cohortId)).body("detail", containsString(project))
                .body("detail", containsString("until " + DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(due)));
        api.as(executive).get("/indicators/" + id + "/status").then().statusCode(200)
                .body("closed", equalTo(false)).body("activities[0].snapshot", nullValue());
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM indicator_snapshot WHERE indicator_id = ?", id)).isZero();

        // the first trainee hands the project in on time; its due time passes (moved into the past under the API, as
        // the day would pass); the second hands it in late, taken and flagged
        List<String> handedIn = new ArrayList<>();
        handedIn.add(api.as(trainees.get(0).token()).body(Map.of("url", "https://www.example.org/project/" + UUID.randomUUID()))
                .post("/assessments/" + project + "/submissions").then().statusCode(201).body("late", equalTo(false)).extract().path("id"));
        TestDatabase.update("UPDATE assessment SET closes_at = ? WHERE id = ?", LocalDateTime.now(ZoneOffset.UTC).minusMinutes(1), project);
        handedIn.add(api.as(trainees.get(1).token()).body(Map.of("url", "https://www.example.org/project/" + UUID.randomUUID()))
                .post("/assessments/" + project + "/submissions").then().statusCode(201).body("late", equalTo(true)).extract().path("id"));

        // nothing takes work any more, but neither hand-in is graded: frozen now, both would count 0
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(422)
                .body("type", equalTo("urn:sakkaya:problem:assessments-ungraded"))
                .body("detail", containsString(project)).body("detail", containsString("2 hand-ins not graded yet"));
        // one graded, the other graded and held back (it counts for nobody yet): still not final
        api.as(organiser).body(Map.of("score", 9)).put("/submissions/" + handedIn.get(0) + "/grade").then().statusCode(200);
        api.as(organiser).body(Map.of("score", 9, "released", false)).put("/submissions/" + handedIn.get(1) + "/grade")
                .then().statusCode(200);
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(422)
                .body("type", equalTo("urn:sakkaya:problem:assessments-ungraded")).body("detail", containsString("1 hand-in not graded yet"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM indicator_snapshot WHERE indicator_id = ?", id)).isZero();

        // released, the results are final and counted
        api.as(organiser).body(Map.of("score", 9, "reason", "ประกาศผล", "released", true)).put("/submissions/" + handedIn.get(1) + "/grade")
                .then().statusCode(200);
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(200).body("closed", equalTo(true));
        JsonPath closed = api.as(executive).get("/indicators/" + id + "/status").then().statusCode(200).extract().jsonPath();
        assertThat(closed.getInt("activities[0].snapshot.numerator")).isEqualTo(2);
        assertThat(closed.getFloat("activities[0].snapshot.actual")).isEqualTo(100.0f);
    }

    @Test
    void aDrillDownPagedOverSeveralCohortsListsExactlyTheRecordsCountedInOneOrder() {
        String programId = program("นักวิทยาการข้อมูล รุ่นต่อเนื่อง");
        // three cohorts of fiscal year 2545: 2 of 3 pass, none of 2, 3 of 4
        int[][] scores = {{8, 2, 9}, {1, 3}, {7, 10, 4, 6}};
        String[] starts = {"2001-11-05", "2002-01-07", "2002-03-04"};
        for (int c = 0; c < scores.length; c++) {
            String cohort = cohort(programId, c + 1, starts[c], LocalDate.parse(starts[c]).plusDays(3).toString());
            String work = assignment(cohort);
            for (int t = 0; t < scores[c].length; t++) {
                // the last cohort's first two trainees are sent by the department itself, outside the division
                trainee(cohort, work, c == 2 && t < 2 ? world.departmentId : world.divisionId, scores[c][t]);
            }
        }
        Map<String, Object> scope = Map.of("programId", programId);
        Map<String, Object> division = Map.of("programId", programId, "organizationId", world.divisionId);
        String id = api.as(organiser).body(indicator(2545, List.of(
                activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE", scope, 80, "PERCENT"),
                activity("ผู้ผ่านเกณฑ์", "TRAINEES_PASSED", scope, 5, "PERSON"),
                activity("ส่งบุคลากรเข้ารับการอบรม", "TRAINEES_SENT", scope, 9, "PERSON"),
                activity("ผู้ผ่านเกณฑ์ของกอง", "TRAINEES_PASSED", division, 3, "PERSON"),
                activity("กองส่งบุคลากรเข้ารับการอบรม", "TRAINEES_SENT", division, 7, "PERSON"))))
                .post("/indicators").then().statusCode(201).extract().path("id");
        JsonPath status = api.as(executive).queryParam("records", 4).get("/indicators/" + id + "/status").then().statusCode(200)
                .extract().jsonPath();
        assertThat(status.getList("activities.numerator", Integer.class)).containsExactly(5, 5, 9, 3, 7);
        assertThat(status.getInt("activities[0].denominator")).isEqualTo(9);
        assertThat(status.getList("activities.recordsTotal", Integer.class)).containsExactly(9, 5, 9, 3, 7);
        assertThat(api.as(executive).queryParam("records", 0).get("/indicators/" + id + "/status").then().statusCode(200)
                .extract().jsonPath().getList("activities.numerator", Integer.class)).containsExactly(5, 5, 9, 3, 7);
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(200);

        // the frozen list is read in one statement in the drill-down's order; live pages read only the cohorts they
        // cover: page after page, of every size, they must give the same records in the same order
        int[] totals = {9, 5, 9, 3, 7};
        for (int a = 0; a < totals.length; a++) {
            String activity = status.getString("activities[" + a + "].activityId");
            List<String> frozen = api.as(executive).queryParam("frozen", true).queryParam("size", 100)
                    .get("/indicators/" + id + "/activities/" + activity + "/records").then().statusCode(200)
                    .extract().jsonPath().getList("items.id");
            assertThat(frozen).hasSize(totals[a]).doesNotHaveDuplicates();
            assertThat(status.getList("activities[" + a + "].records.id")).isEqualTo(frozen.subList(0, Math.min(4, totals[a])));
            for (int size : new int[] {1, 2, 3, 4, 100}) {
                List<String> live = new ArrayList<>();
                for (int page = 0; page * size < frozen.size() + size; page++) {
                    JsonPath p = api.as(executive).queryParam("size", size).queryParam("page", page)
                            .get("/indicators/" + id + "/activities/" + activity + "/records").then().statusCode(200).extract().jsonPath();
                    assertThat(p.getInt("total")).isEqualTo(frozen.size());
                    live.addAll(p.getList("items.id"));
                }
                assertThat(live).as("activity %d in pages of %d", a, size).isEqualTo(frozen);
            }
        }
    }

    @Test
    void indicatorsRefuseBadPlansAndAYearThatIsNotOver() {
        String programId = program("หลักสูตรตัวชี้วัด");
        String cohortId = cohort(programId, 1, "2002-01-07", "2002-01-11");
        int thisYear = OffsetDateTime.now(ZoneOffset.ofHours(7)).getYear() + 543 + 1;
        String open = api.as(organiser).body(indicator(thisYear, List.of(activity("ผ่านเกณฑ์", "PASS_RATE", Map.of(), 80, "PERCENT"))))
                .post("/indicators").then().statusCode(201).extract().path("id");
        api.as(organiser).post("/indicators/" + open + "/close").then().statusCode(422);
        api.as(organiser).body(indicator(thisYear, List.of(activity("ผ่านเกณฑ์", "PASS_RATE", Map.of(), 80, "PERCENT"))))
                .post("/indicators").then().statusCode(409).body("errors[0].field", equalTo("code"));
        // another department numbers its own plan: its 1.33 of the same year is its own indicator
        Map<String, Object> theirs = indicator(thisYear, List.of(activity("ผ่านเกณฑ์", "PASS_RATE", Map.of(), 80, "PERCENT")));
        theirs.put("ownerOrganizationId", otherDepartment);
        api.as(organiser).body(theirs).post("/indicators").then().statusCode(201);

        api.as(organiser).body(indicator(2545, List.of(activity("ผ่านเกณฑ์", "PASS_RATE", Map.of(), 80, "PERSON"))))
                .post("/indicators").then().statusCode(422).body("errors[0].field", equalTo("activities[0].unit"));
        api.as(organiser).body(indicator(2545, List.of(activity("ผ่านเกณฑ์", "PASS_RATE", Map.of(), 180, "PERCENT"))))
                .post("/indicators").then().statusCode(422).body("errors[0].field", equalTo("activities[0].target"));
        api.as(organiser).body(indicator(2545, List.of(activity("ส่งบุคลากร", "TRAINEES_SENT",
                        Map.of("cohortIds", List.of(cohortId, UUID.randomUUID().toString())), 1, "PERSON"))))
                .post("/indicators").then().statusCode(422).body("errors[0].field", equalTo("activities[0].scope.cohortIds[1]"));
        // an activity's period lies in the indicator's fiscal year (2545: 1 Oct 2001 to 30 Sep 2002); the next year's
        // date was stored as typed
        Map<String, Object> late = activity("นำเสนอผลงาน", "OUTPUTS_PRESENTED", Map.of(), 1, "WORK");
        late.put("startsOn", "2002-06-01");
        late.put("dueOn", "2002-10-01");
        Map<String, Object> plan = indicator(2545, List.of(late));
        plan.put("code", "9.99");
        api.as(organiser).body(plan).post("/indicators").then().statusCode(422)
                .body("errors[0].field", equalTo("activities[0].dueOn"))
                .body("errors[0].message", containsString("1 ตุลาคม พ.ศ. 2544"));
        late.put("dueOn", "2002-09-30");
        late.put("startsOn", "2001-09-30");
        api.as(organiser).body(plan).post("/indicators").then().statusCode(422)
                .body("errors[0].field", equalTo("activities[0].startsOn"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM indicator WHERE code = '9.99' AND owner_organization_id = ?",
                world.departmentId)).isZero();
        late.put("startsOn", "2001-10-01");
        api.as(organiser).body(plan).post("/indicators").then().statusCode(201);
        api.as(organiser).body(indicator(45, List.of(activity("ผ่านเกณฑ์", "PASS_RATE", Map.of(), 80, "PERCENT"))))
                .post("/indicators").then().statusCode(400).body("errors[0].field", equalTo("fiscalYear"));
        api.as(organiser).body(indicator(2545, List.of(activity("ผ่านเกณฑ์", "WIN_RATE", Map.of(), 80, "PERCENT"))))
                .post("/indicators").then().statusCode(400);
        api.as(organiser).body(indicator(2545, List.of())).post("/indicators").then().statusCode(400)
                .body("errors[0].field", containsString("activities"));
        api.as(executive).body(indicator(2545, List.of(activity("ผ่านเกณฑ์", "PASS_RATE", Map.of(), 80, "PERCENT"))))
                .post("/indicators").then().statusCode(403);
        api.as(executive).queryParam("fiscalYear", thisYear).get("/indicators").then().statusCode(200)
                .body("items.id", hasItem(open));
    }

    @Test
    void anOpenIndicatorIsCorrectedKeepingItsLinesAndAClosedOneStaysAsReported() {
        // fiscal year 2527, which no other test counts: a plan typed with a wrong target and a line too many
        String programId = program("หลักสูตรแก้ไขตัวชี้วัด");
        String cohortId = cohort(programId, 1, "1984-01-09", "1984-01-13");
        world.seat(organiser, cohortId, world.person(world.divisionId, "TRAINEE"));
        Map<String, Object> passRate = activity("ผ่านเกณฑ์การประเมินผล", "PASS_RATE", Map.of("programId", programId), 50, "PERCENT");
        Map<String, Object> sent = activity("ส่งบุคลากรเข้ารับการอบรม", "TRAINEES_SENT", Map.of("cohortIds", List.of(cohortId)), 3, "PERSON");
        Map<String, Object> works = activity("นำเสนอผลงานวิชาการ", "OUTPUTS_PRESENTED", Map.of(), 1, "WORK");
        Map<String, Object> plan = indicator(2527, List.of(passRate, sent, works));
        plan.put("code", "7.1");
        String id = api.as(organiser).body(plan).post("/indicators").then().statusCode(201).extract().path("id");
        var read = api.as(organiser).get("/indicators/" + id);
        read.then().statusCode(200).header("ETag", notNullValue());
        String version = read.header("ETag");
        List<String> lines = read.path("activities.id");

        // the planning division sets the target later, the lines swap places, the works line goes, one is added; a
        // new line may not name an id of its own, nor one of another indicator's lines
        passRate.put("id", lines.get(0));
        passRate.put("target", 80);
        sent.put("id", lines.get(1));
        Map<String, Object> passed = activity("ผู้ผ่านการอบรม", "TRAINEES_PASSED", Map.of("cohortIds", List.of(cohortId)), 1, "PERSON");
        Map<String, Object> corrected = indicator(2527, List.of(sent, passRate, passed));
        corrected.put("code", "7.2");
        corrected.put("nameTh", "ร้อยละ 80 ของผู้เข้ารับการอบรมผ่านเกณฑ์ (แก้ไข)");
        passed.put("id", UUID.randomUUID().toString());
        api.as(organiser).body(corrected).put("/indicators/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("activities[2].id"));
        passed.remove("id");
        // a stale version is refused, and so is everyone but a programme administrator
        api.as(organiser).header("If-Match", "\"70\"").body(corrected).put("/indicators/" + id).then().statusCode(412);
        api.as(executive).body(corrected).put("/indicators/" + id).then().statusCode(403);
        JsonPath changed = api.as(organiser).header("If-Match", version).body(corrected).put("/indicators/" + id).then().statusCode(200)
                .header("ETag", not(equalTo(version)))
                .body("code", equalTo("7.2")).body("nameTh", equalTo("ร้อยละ 80 ของผู้เข้ารับการอบรมผ่านเกณฑ์ (แก้ไข)"))
                .body("activities.id[0]", equalTo(lines.get(1))).body("activities.id[1]", equalTo(lines.get(0)))
                .body("activities.id[2]", not(in(lines))).body("activities.position", equalTo(List.of(0, 1, 2)))
                .body("activities.measure", equalTo(List.of("TRAINEES_SENT", "PASS_RATE", "TRAINEES_PASSED")))
                .extract().jsonPath();
        assertThat(changed.getDouble("activities[1].target")).isEqualTo(80.0);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM indicator_activity WHERE id = ?", lines.get(2))).isZero();
        // the status counts the corrected plan: one trainee sent of a target of 3, the rate against 80
        JsonPath status = api.as(executive).queryParam("records", 0).get("/indicators/" + id + "/status").then().statusCode(200)
                .body("activities[0].numerator", equalTo(1)).extract().jsonPath();
        assertThat(status.getDouble("activities[0].target")).isEqualTo(3.0);
        assertThat(status.getDouble("activities[1].target")).isEqualTo(80.0);
        // bad input names its field as the service's rules name theirs: activities[1].target, not activities.target[1]
        passRate.put("target", -1);
        api.as(organiser).body(corrected).put("/indicators/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("activities[1].target"));
        passRate.put("target", 80);
        // persons are counted whole: a target of 2.5 was kept and printed as "2.50 คน"
        sent.put("target", 2.5);
        api.as(organiser).body(corrected).put("/indicators/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("activities[0].target")).body("errors[0].message", containsString("whole"));
        sent.put("target", 3);
        // once closed, it is what was reported for its year: neither changed nor deleted
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(200);
        api.as(organiser).body(corrected).put("/indicators/" + id).then().statusCode(409).body("type", containsString("indicator-closed"));
        api.as(organiser).delete("/indicators/" + id).then().statusCode(409);

        // one made by mistake is deleted with its lines; its code is free again
        Map<String, Object> mistake = indicator(2527, List.of(activity("ทดลอง", "TRAINEES_SENT", Map.of(), 1, "PERSON")));
        mistake.put("code", "7.9");
        String wrong = api.as(organiser).body(mistake).post("/indicators").then().statusCode(201).extract().path("id");
        api.as(executive).delete("/indicators/" + wrong).then().statusCode(403);
        api.as(organiser).delete("/indicators/" + wrong).then().statusCode(204);
        api.as(executive).get("/indicators/" + wrong).then().statusCode(404);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM indicator_activity WHERE indicator_id = ?", wrong)).isZero();
        api.as(organiser).body(mistake).post("/indicators").then().statusCode(201);
    }

    @Test
    void aDrillDownIsFrozenOnlyWhenAskedWithTrueOrFalse() {
        // fiscal year 2531, which no other test counts
        String programId = program("หลักสูตรทดสอบการอ่านค่าจริงเท็จ");
        String cohortId = cohort(programId, 1, "1987-11-09", "1987-11-13");
        world.seat(organiser, cohortId, world.person(world.divisionId, "TRAINEE"));
        Map<String, Object> body = indicator(2531, List.of(
                activity("ส่งบุคลากรเข้ารับการอบรม", "TRAINEES_SENT", Map.of("cohortIds", List.of(cohortId)), 1, "PERSON")));
        body.put("code", "F-" + UUID.randomUUID().toString().substring(0, 8));
        String id = api.as(organiser).body(body).post("/indicators").then().statusCode(201).extract().path("id");
        api.as(organiser).post("/indicators/" + id + "/close").then().statusCode(200);
        String activityId = api.as(executive).get("/indicators/" + id).then().statusCode(200).extract().path("activities[0].id");
        String records = "/indicators/" + id + "/activities/" + activityId + "/records";
        // a seat taken after closing: the live list has two, the frozen one
        world.seat(organiser, cohortId, world.person(world.divisionId, "TRAINEE"));

        for (String frozen : List.of("true", "TRUE", "True")) {
            api.as(executive).queryParam("frozen", frozen).get(records).then().statusCode(200).body("total", equalTo(1));
        }
        for (String live : List.of("false", "FALSE", "")) {
            api.as(executive).queryParam("frozen", live).get(records).then().statusCode(200).body("total", equalTo(2));
        }
        api.as(executive).get(records).then().statusCode(200).body("total", equalTo(2));
        // read as false before, which answered the live records to someone who asked for the frozen ones
        for (String unclear : List.of("1", "yes", "ja", "on")) {
            api.as(executive).queryParam("frozen", unclear).get(records).then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("frozen")).body("errors[0].message", equalTo("must be true or false"));
        }
    }

    @Test
    void aPageOfWorksOrIndicatorsCostsAsManyStatementsWithTwelveAsWithTwo() {
        // fiscal year 2532, which no other test counts
        String programId = program("หลักสูตรนับคำสั่งฐานข้อมูล");
        String cohortId = cohort(programId, 1, "1988-11-07", "1988-11-11");
        World.Person author = world.person(world.divisionId, "TRAINEE");
        World.Person coauthor = world.person(world.divisionId, "TRAINEE");
        world.seat(organiser, cohortId, author);
        world.seat(organiser, cohortId, coauthor);
        String works = "/academic-outputs?programId=" + programId;
        String plans = "/indicators?fiscalYear=2532";
        long worksForTwo = 0;
        long plansForTwo = 0;
        for (int i = 1; i <= 12; i++) {
            output(cohortId, List.of(author.id(), coauthor.id()), "PRESENTED", "1989-06-20");
            Map<String, Object> body = indicator(2532, List.of(
                    activity("ส่งบุคลากรเข้ารับการอบรม", "TRAINEES_SENT", Map.of("cohortIds", List.of(cohortId)), 1, "PERSON"),
                    activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE",
                            Map.of("programId", programId, "cohortIds", List.of(cohortId)), 80, "PERCENT")));
            body.put("code", "N-" + i + "-" + UUID.randomUUID().toString().substring(0, 8));
            api.as(organiser).body(body).post("/indicators").then().statusCode(201);
            if (i == 2) {
                worksForTwo = Pages.statementsPerRead(api, executive, works);
                plansForTwo = Pages.statementsPerRead(api, executive, plans);
            }
        }
        JsonPath listed = api.as(executive).queryParam("programId", programId).get("/academic-outputs").then().statusCode(200)
                .body("total", equalTo(12)).extract().jsonPath();
        assertThat(listed.getList("items.authorIds", List.class)).hasSize(12)
                .allSatisfy(ids -> assertThat(ids).containsExactly(author.id(), coauthor.id()));
        // each work's authors come in one statement for the whole page, not one per work
        assertThat(Pages.statementsPerRead(api, executive, works)).as("statements for 12 works, against 2").isEqualTo(worksForTwo);

        JsonPath indicators = api.as(executive).queryParam("fiscalYear", 2532).queryParam("size", 500).get("/indicators").then()
                .statusCode(200).extract().jsonPath();
        assertThat(indicators.getInt("total")).isGreaterThanOrEqualTo(12);
        assertThat(indicators.getList("items.activities.scope.cohortIds.flatten()", String.class))
                .hasSize(2 * indicators.getInt("total")).containsOnly(cohortId);
        assertThat(indicators.getList("items.activities.position.flatten()", Integer.class))
                .containsExactlyElementsOf(java.util.Collections.nCopies(indicators.getInt("total"), List.of(0, 1)).stream()
                        .flatMap(List::stream).toList());
        // the activities of a page come in one statement, and their cohorts in one more
        assertThat(Pages.statementsPerRead(api, executive, plans)).as("statements for 12 indicators, against 2").isEqualTo(plansForTwo);
    }

    // --- exports

    @Test
    void theExportsOpenAndHoldTheSameRowsAsTheJson() throws Exception {
        String formula = program("=HYPERLINK(\"https://evil.example\",\"นักวิทยาการข้อมูล\")");
        String plain = program("นักสื่อสารสุขภาพ (ครีเอเตอร์)");
        for (String programId : List.of(formula, plain)) {
            String cohortId = cohort(programId, 1, "2004-11-15", "2004-11-19");
            String work = assignment(cohortId);
            trainee(cohortId, work, world.divisionId, 8);
            trainee(cohortId, work, world.divisionId, programId.equals(plain) ? 9 : 2);
            trainee(cohortId, work, otherDepartment, 4);
        }
        api.as(organiser).body(indicator(2548, List.of(
                activity("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล", "PASS_RATE", Map.of("programId", plain), 60, "PERCENT"),
                activity("ผลงานวิชาการได้รับการนำเสนอ", "OUTPUTS_PRESENTED", Map.of("programId", plain), 1, "WORK"))))
                .post("/indicators").then().statusCode(201);
        JsonPath json = passRates(executive, 2548, "program");
        List<Map<String, Object>> rows = json.getList("rows");
        assertThat(rows).hasSize(2);

        Response csv = api.as(executive).accept("text/csv").queryParam("fiscalYear", 2548).get("/reports/pass-rates");
        csv.then().statusCode(200).contentType(containsString("text/csv"));
        String text = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> records = CSVParser.parse(text.substring(1), CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()).getRecords();
        // the rows, then their totals, as the PDF has them (the files had none until 2026-11-27)
        assertThat(records).hasSize(3);
        assertThat(records.get(2).get("id")).isEmpty();
        assertThat(records.get(2).get("ชื่อ")).isEqualTo("รวม (Total)");
        assertThat(records.get(2).get("ผู้ได้รับการประเมิน (คน)")).isEqualTo(String.valueOf(json.getLong("evaluated")));
        assertThat(records.get(2).get("ผ่านเกณฑ์ (คน)")).isEqualTo(String.valueOf(json.getLong("passed")));
        assertThat(new java.math.BigDecimal(records.get(2).get("ร้อยละที่ผ่าน"))).isEqualByComparingTo(json.getString("passRatePercent"));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(records.get(i).get("id")).isEqualTo(rows.get(i).get("id"));
            assertThat(records.get(i).get("ผู้ได้รับการประเมิน (คน)")).isEqualTo(String.valueOf(rows.get(i).get("evaluated")));
            assertThat(records.get(i).get("ผ่านเกณฑ์ (คน)")).isEqualTo(String.valueOf(rows.get(i).get("passed")));
            assertThat(new java.math.BigDecimal(records.get(i).get("ร้อยละที่ผ่าน")))
                    .isEqualByComparingTo(String.valueOf(rows.get(i).get("passRatePercent")));
        }
        assertThat(records.stream().map(r -> r.get("ชื่อ"))).contains("'=HYPERLINK(\"https://evil.example\",\"นักวิทยาการข้อมูล\")");
        assertThat(api.as(executive).queryParam("fiscalYear", 2548).get("/reports/pass-rates.csv").asByteArray()).isEqualTo(csv.asByteArray());

        Response xlsx = api.as(executive).queryParam("fiscalYear", 2548).get("/reports/pass-rates.xlsx");
        xlsx.then().statusCode(200).contentType(containsString("spreadsheetml"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo(3);
            Row total = sheet.getRow(3);
            assertThat(total.getCell(0)).isNull();
            assertThat(total.getCell(2).getStringCellValue()).isEqualTo("รวม (Total)");
            assertThat((long) total.getCell(3).getNumericCellValue()).isEqualTo(json.getLong("evaluated"));
            assertThat((long) total.getCell(4).getNumericCellValue()).isEqualTo(json.getLong("passed"));
            assertThat(total.getCell(5).getNumericCellValue()).isCloseTo(json.getDouble("passRatePercent"),
                    org.assertj.core.data.Offset.offset(0.001));
            for (int i = 0; i < rows.size(); i++) {
                Row row = sheet.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(rows.get(i).get("id"));
                assertThat(row.getCell(2).getStringCellValue()).isEqualTo(rows.get(i).get("nameTh"));
                assertThat((long) row.getCell(3).getNumericCellValue()).isEqualTo(((Number) rows.get(i).get("evaluated")).longValue());
                assertThat((long) row.getCell(4).getNumericCellValue()).isEqualTo(((Number) rows.get(i).get("passed")).longValue());
                assertThat(row.getCell(5).getNumericCellValue()).isCloseTo(((Number) rows.get(i).get("passRatePercent")).doubleValue(),
                        org.assertj.core.data.Offset.offset(0.001));
                assertThat(row.getCell(2).getCellType()).isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
            }
            // the Thai name gets the wide column, the short code (รหัส) a narrow one
            assertThat(sheet.getRow(0).getCell(1).getStringCellValue()).isEqualTo("รหัส");
            assertThat(sheet.getRow(0).getCell(2).getStringCellValue()).isEqualTo("ชื่อ");
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(2 * sheet.getColumnWidth(1));
            assertThat(sheet.getColumnWidth(1)).isEqualTo(sheet.getColumnWidth(4));
        }
        // by cohort, the programme's name is a wide column too
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(api.as(executive).queryParam("fiscalYear", 2548)
                .queryParam("groupBy", "cohort").get("/reports/pass-rates.xlsx").then().statusCode(200).extract().asByteArray()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(3).getStringCellValue()).isEqualTo("หลักสูตร");
            assertThat(sheet.getColumnWidth(2)).isGreaterThan(2 * sheet.getColumnWidth(1));
            assertThat(sheet.getColumnWidth(3)).isGreaterThan(2 * sheet.getColumnWidth(1));
            assertThat(sheet.getColumnWidth(4)).isEqualTo(sheet.getColumnWidth(1));
        }

        Response pdf = api.as(executive).queryParam("fiscalYear", 2548).get("/reports/pass-rates.pdf");
        pdf.then().statusCode(200).contentType(containsString("application/pdf"));
        try (PDDocument document = Loader.loadPDF(pdf.asByteArray())) {
            String printed = new PDFTextStripper().getText(document);
            assertThat(printed).contains("รายงานผลการผ่านเกณฑ์การประเมินผล ปีงบประมาณ พ.ศ. 2548")
                    .contains("1 ตุลาคม พ.ศ. 2547").contains("30 กันยายน พ.ศ. 2548")
                    .contains("นักสื่อสารสุขภาพ (ครีเอเตอร์)")
                    .contains("ตัวชี้วัด 1.33").contains("ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล")
                    .contains("ผล ร้อยละ 66.67 / เป้าหมาย ร้อยละ 60.00 (บรรลุ)")
                    .contains("ผล 0 งาน / เป้าหมาย 1 งาน (ยังไม่บรรลุ)");
            for (Map<String, Object> row : rows) {
                assertThat(printed).contains(String.valueOf(row.get("evaluated"))).contains(String.valueOf(row.get("passRatePercent")));
            }
            assertThat(document.getPage(0).getResources().getFontNames()).isNotEmpty();
        }

        // HR's files hold its own staff only; another ministry's HR gets empty files; a trainee gets none
        String hr = world.token(world.person(world.departmentId, "HR"));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(api.as(hr).queryParam("fiscalYear", 2548)
                .get("/reports/pass-rates.xlsx").then().statusCode(200).extract().asByteArray()))) {
            assertThat((long) workbook.getSheetAt(0).getRow(1).getCell(3).getNumericCellValue()).isEqualTo(2);
        }
        String stranger = world.token(world.person(world.organization("กระทรวงอื่น", "MINISTRY", null), "HR"));
        try (PDDocument document = Loader.loadPDF(api.as(stranger).queryParam("fiscalYear", 2548).get("/reports/pass-rates.pdf")
                .then().statusCode(200).extract().asByteArray())) {
            String printed = new PDFTextStripper().getText(document);
            assertThat(printed).doesNotContain("นักสื่อสารสุขภาพ").doesNotContain("ตัวชี้วัด");
        }
        String trainee = world.token(world.person(world.divisionId, "TRAINEE"));
        api.as(trainee).queryParam("fiscalYear", 2548).get("/reports/pass-rates.xlsx").then().statusCode(403);
        api.as(trainee).queryParam("fiscalYear", 2548).get("/reports/pass-rates.pdf").then().statusCode(403);
        api.as(executive).queryParam("fiscalYear", 2548).get("/reports/pass-rates.docx").then().statusCode(404);
        api.as(executive).get("/reports/pass-rates.xlsx").then().statusCode(400);
    }
}
