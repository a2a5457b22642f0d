package org.sakkaya.workshop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
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
 * Workshop sessions, attendance, check-in and field work, as organisers, trainers, HR and trainees use them. Sessions
 * are scheduled around the present moment, so what the server's clock decides (the check-in window, lateness,
 * which sessions have ended) is the same on every run.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class WorkshopIT {
    static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    static final String TITLE_1 = "ครั้งที่ 1: การผลิตคอนเทนต์วิดีโอสั้น (TikTok) สำหรับหน่วยงานภาครัฐ";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;
    World world;
    String organiser;

    @BeforeEach
    void setUp() {
        api = new Api(base);
        world = new World(api);
        organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
    }

    // --- the world of one cohort

    private String cohort() {
        // from the PR MIND series' first session (2023) to a year from now: the tests' sessions are either the series'
        // own dates or scheduled around the present moment, and every session must lie within its cohort's days
        return cohort(java.time.LocalDate.parse("2023-09-26"), java.time.LocalDate.now(BANGKOK).plusYears(1));
    }

    private String cohort(java.time.LocalDate startsOn, java.time.LocalDate endsOn) {
        Map<String, Object> program = Map.of("code", "PR-" + world.tag() + UUID.randomUUID().toString().substring(0, 13),
                "nameTh", "นักสื่อสาร/ครีเอเตอร์ (PR content creator)", "track", "CONTENT_CREATOR");
        String programId = api.as(organiser).body(program).post("/programs").then().statusCode(201).extract().path("id");
        Map<String, Object> body = new HashMap<>();
        body.put("programId", programId);
        body.put("number", 1);
        body.put("nameTh", "PR MIND: สัมมนาเชิงปฏิบัติการนักประชาสัมพันธ์ยุคใหม่");
        body.put("organizerId", world.departmentId);
        body.put("startsOn", startsOn.toString());
        body.put("endsOn", endsOn.toString());
        return api.as(organiser).body(body).post("/cohorts").then().statusCode(201).extract().path("id");
    }

    private World.Person trainerOf(String cohortId) {
        World.Person trainer = world.person(world.divisionId, "TRAINER");
        api.as(organiser).put("/cohorts/" + cohortId + "/trainers/" + trainer.id()).then().statusCode(200);
        return trainer;
    }

    private World.Person seated(String cohortId, String organizationId) {
        World.Person trainee = world.person(organizationId, "TRAINEE");
        seat(cohortId, trainee.id());
        return trainee;
    }

    /**
     * Seated as if before the cohort's first day, as trainees usually are: the sessions these tests put in the past
     * count for them (a session that ended before a trainee's seat does not, unless they hold a record of it).
     */
    private void seat(String cohortId, String personId) {
        seatNow(cohortId, personId);
        seatedAt(cohortId, personId, OffsetDateTime.parse("2023-09-26T00:00:00+07:00"));
    }

    private void seatNow(String cohortId, String personId) {
        api.as(organiser).body(Map.of("personId", personId)).post("/cohorts/" + cohortId + "/enrollments").then()
                .statusCode(201).body("status", equalTo("ENROLLED"));
    }

    private static void seatedAt(String cohortId, String personId, OffsetDateTime at) {
        assertThat(TestDatabase.update("UPDATE enrollment SET enrolled_at = ? WHERE cohort_id = ? AND person_id = ?",
                LocalDateTime.ofInstant(at.toInstant(), ZoneOffset.UTC), cohortId, personId)).isEqualTo(1);
    }

    /** A session starting {@code startsIn} from now (negative: in the past) and lasting {@code lasts}. */
    private String session(String cohortId, int number, Duration startsIn, Duration lasts) {
        OffsetDateTime starts = OffsetDateTime.now(BANGKOK).plus(startsIn).truncatedTo(ChronoUnit.SECONDS);
        return api.as(organiser).body(sessionBody(number, "ครั้งที่ " + number, starts.toString(), starts.plus(lasts).toString()))
                .post("/cohorts/" + cohortId + "/sessions").then().statusCode(201).extract().path("id");
    }

    private static Map<String, Object> sessionBody(int number, String title, String startsAt, String endsAt) {
        Map<String, Object> body = new HashMap<>();
        body.put("number", number);
        body.put("title", title);
        body.put("startsAt", startsAt);
        body.put("endsAt", endsAt);
        body.put("venue", "ห้องประชุมชั้น 5 สำนักงานปลัดกระทรวงอุตสาหกรรม ถนนพระรามที่ 6 กรุงเทพมหานคร");
        body.put("speaker", "ดร.ฤทัยรัตน์ ภู่ผึ้ง");
        return body;
    }

    private String code(String trainerToken, String sessionId) {
        return api.as(trainerToken).post("/sessions/" + sessionId + "/check-in-code").then().statusCode(200)
                .extract().path("code");
    }

    private Response checkIn(String traineeToken, String sessionId, String code) {
        return api.as(traineeToken).body(Map.of("code", code)).post("/sessions/" + sessionId + "/check-in");
    }

    private Response record(String token, String sessionId, Object... personStatusPairs) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int i = 0; i < personStatusPairs.length; i += 2) {
            rows.add(Map.of("personId", personStatusPairs[i], "status", personStatusPairs[i + 1]));
        }
        return api.as(token).body(rows).put("/sessions/" + sessionId + "/attendance");
    }

    private static void expireCheckInCode(String sessionId) throws SQLException {
        try (Connection connection = TestDatabase.connect();
             var update = connection.prepareStatement("UPDATE workshop_session SET check_in_code_expires_at = ? WHERE id = ?")) {
            update.setObject(1, LocalDateTime.now(ZoneOffset.UTC).minusSeconds(1));
            update.setString(2, sessionId);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }
    }

    // --- sessions

    @Test
    void anOrganiserSchedulesSessionsAndTheCohortReadsThem() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        String trainee = world.token(seated(cohortId, world.divisionId));
        String hr = world.token(world.person(world.departmentId, "HR"));
        String outsider = world.token(world.person(world.divisionId, "TRAINEE"));
        String otherTrainer = world.token(trainerOf(cohort()));

        Map<String, Object> first = sessionBody(1, TITLE_1, "2023-09-26T09:00:00+07:00", "2023-09-26T16:00:00+07:00");
        first.put("onlineUrl", "https://meet.example.org/pr-mind-1");
        Response created = api.as(organiser).body(first).post("/cohorts/" + cohortId + "/sessions");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/sessions/"))
                .body("title", equalTo(TITLE_1))
                .body("startsAt", equalTo("2023-09-26T09:00:00+07:00"))
                .body("endsAt", equalTo("2023-09-26T16:00:00+07:00"))
                .body("speaker", equalTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง"));
        String id = created.path("id");
        // an instant given in UTC is the same instant, answered in Bangkok time
        api.as(organiser).body(sessionBody(2, "ครั้งที่ 2: Soft Power", "2023-10-26T02:00:00Z", "2023-10-26T09:00:00Z"))
                .post("/cohorts/" + cohortId + "/sessions").then().statusCode(201)
                .body("startsAt", equalTo("2023-10-26T09:00:00+07:00"));

        for (String reader : List.of(trainee, trainer, hr, organiser)) {
            api.as(reader).get("/cohorts/" + cohortId + "/sessions").then().statusCode(200)
                    .body("items.number", contains(1, 2)).body("items[0].venue", containsString("กรุงเทพมหานคร")).body("total", equalTo(2));
        }
        api.as(trainee).get("/sessions/" + id).then().statusCode(200).body("title", equalTo(TITLE_1))
                .body("onlineUrl", equalTo("https://meet.example.org/pr-mind-1"));
        api.as(outsider).get("/cohorts/" + cohortId + "/sessions").then().statusCode(404);
        api.as(outsider).get("/sessions/" + id).then().statusCode(404);
        api.as(otherTrainer).get("/cohorts/" + cohortId + "/sessions").then().statusCode(404);
        api.as(world.token(world.person(world.departmentId, "EXECUTIVE"))).get("/sessions/" + id).then().statusCode(403);

        api.as(organiser).body(Map.of("title", "ครั้งที่ 1: TikTok เชิงสร้างสรรค์", "endsAt", "2023-09-26T16:30:00+07:00"))
                .patch("/sessions/" + id).then().statusCode(200)
                .body("title", equalTo("ครั้งที่ 1: TikTok เชิงสร้างสรรค์"))
                .body("endsAt", equalTo("2023-09-26T16:30:00+07:00"))
                .body("startsAt", equalTo("2023-09-26T09:00:00+07:00"))
                // what the PATCH left out stays
                .body("onlineUrl", equalTo("https://meet.example.org/pr-mind-1")).body("speaker", equalTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง"));
        // moved on-line: an empty venue and speaker clear them, the address stays; then back to the room
        api.as(organiser).body(Map.of("venue", "", "speaker", "")).patch("/sessions/" + id).then().statusCode(200)
                .body("venue", nullValue()).body("speaker", nullValue()).body("onlineUrl", equalTo("https://meet.example.org/pr-mind-1"));
        api.as(organiser).body(Map.of("venue", "ห้องประชุม 2 กรมอนามัย", "onlineUrl", "")).patch("/sessions/" + id).then().statusCode(200)
                .body("venue", equalTo("ห้องประชุม 2 กรมอนามัย")).body("onlineUrl", nullValue());
        api.as(organiser).body(Map.of("onlineUrl", "javascript:alert(1)")).patch("/sessions/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("onlineUrl"));
        api.as(trainee).get("/sessions/" + id).then().statusCode(200).body("venue", equalTo("ห้องประชุม 2 กรมอนามัย"))
                .body("onlineUrl", nullValue()).body("speaker", nullValue());
        api.as(trainer).body(Map.of("title", "x")).patch("/sessions/" + id).then().statusCode(403);
        api.as(trainer).body(first).post("/cohorts/" + cohortId + "/sessions").then().statusCode(403);
    }

    @Test
    void aSessionThatWillNotTakePlaceIsDeletedButNotOneThatTookPlace() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person trainee = seated(cohortId, world.divisionId);
        String hr = world.token(world.person(world.departmentId, "HR"));
        String future = session(cohortId, 1, Duration.ofDays(30), Duration.ofHours(7));
        String held = session(cohortId, 2, Duration.ofDays(-2), Duration.ofHours(7));
        String followed = session(cohortId, 3, Duration.ofDays(-1), Duration.ofHours(7));
        record(trainer, held, trainee.id(), "ABSENT").then().statusCode(200);
        // weeks ahead only a leave can be known: PRESENT was stored and counted once the session ended, whoever came
        String ahead = session(cohortId, 4, Duration.ofDays(20), Duration.ofHours(7));
        for (String status : List.of("PRESENT", "LATE", "ABSENT")) {
            record(trainer, ahead, trainee.id(), status).then().statusCode(422)
                    .body("type", containsString("session-not-started")).body("errors[0].field", equalTo("[0].status"));
        }
        record(trainer, ahead, trainee.id(), "EXCUSED").then().statusCode(200).body("[0].status", equalTo("EXCUSED"));
        // leave recorded in advance does not make a cancelled session one that took place: it goes with the session
        api.as(organiser).delete("/sessions/" + ahead).then().statusCode(204);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id = ?", ahead)).isZero();
        // a session that took place does not move to a time that has not come: its ABSENT would count again then
        OffsetDateTime nextWeek = OffsetDateTime.now(BANGKOK).plusDays(7).truncatedTo(ChronoUnit.SECONDS);
        api.as(organiser).body(Map.of("startsAt", nextWeek.toString(), "endsAt", nextWeek.plusHours(7).toString()))
                .patch("/sessions/" + held).then().statusCode(409).body("type", containsString("session-has-attendance"));
        api.as(organiser).body(Map.of("title", "คลิปสั้น", "dueOn", "2030-01-31", "afterSessionId", followed))
                .post("/cohorts/" + cohortId + "/field-assignments").then().statusCode(201);

        // as a change of the session: PROGRAM_ADMIN only
        for (String refused : List.of(world.token(trainee), trainer, hr)) {
            api.as(refused).delete("/sessions/" + future).then().statusCode(403);
        }
        api.as(organiser).delete("/sessions/" + held).then().statusCode(409)
                .contentType(containsString("application/problem+json")).body("type", containsString("session-has-attendance"));
        api.as(organiser).delete("/sessions/" + followed).then().statusCode(409).body("type", containsString("session-has-field-work"));
        api.as(organiser).delete("/sessions/" + future).then().statusCode(204);
        api.as(organiser).get("/sessions/" + future).then().statusCode(404);
        api.as(organiser).get("/cohorts/" + cohortId + "/sessions").then().body("items.number", contains(2, 3));
        api.as(organiser).delete("/sessions/" + future).then().statusCode(404);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SESSION_DELETED' AND subject_id = ?", future))
                .isEqualTo(1);
    }

    @Test
    void deletingAnEndedSessionNobodyAttendedGivesTraineesTheirAttendanceBack() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person trainee = seated(cohortId, world.divisionId);
        String held = session(cohortId, 1, Duration.ofDays(-9), Duration.ofHours(7));
        // cancelled for flooding, but left in the schedule: everyone missed it
        String cancelled = session(cohortId, 2, Duration.ofDays(-2), Duration.ofHours(7));
        record(trainer, held, trainee.id(), "PRESENT").then().statusCode(200);
        api.as(organiser).body(Map.of("passPolicy", Map.of("minAttendancePercent", 80))).patch("/cohorts/" + cohortId).then()
                .statusCode(200);
        api.as(organiser).get("/cohorts/" + cohortId + "/attendance").then().body("rows[0].attendancePercent", equalTo(50.0f));
        api.as(organiser).get("/cohorts/" + cohortId + "/gradebook").then().statusCode(200)
                .body("rows.find { it.personId == '" + trainee.id() + "' }.passed", equalTo(false));

        api.as(organiser).delete("/sessions/" + cancelled).then().statusCode(204);
        api.as(organiser).get("/cohorts/" + cohortId + "/attendance").then().body("sessions.number", contains(1))
                .body("rows[0].ended", equalTo(1)).body("rows[0].attendancePercent", equalTo(100.0f));
        api.as(organiser).get("/cohorts/" + cohortId + "/gradebook").then().statusCode(200)
                .body("rows.find { it.personId == '" + trainee.id() + "' }.passed", equalTo(true));
    }

    @Test
    void aCohortsSessionsComeAPageAtATimeByNumber() {
        String cohortId = cohort();
        String trainee = world.token(seated(cohortId, world.divisionId));
        // scheduled out of order: the list goes by number
        for (int number : List.of(3, 1, 5, 2, 4)) {
            session(cohortId, number, Duration.ofDays(10 + 7L * (6 - number)), Duration.ofHours(6));
        }
        assertThat(Pages.checkPaging(api, organiser, "/cohorts/" + cohortId + "/sessions", "number", 2, 5))
                .containsExactly(1, 2, 3, 4, 5);
        api.as(trainee).queryParam("size", 2).queryParam("page", 1).get("/cohorts/" + cohortId + "/sessions").then()
                .statusCode(200).body("items.number", contains(3, 4)).body("total", equalTo(5));
    }

    @Test
    void aCohortsFieldAssignmentsComeAPageAtATimeByDueTime() {
        String cohortId = cohort();
        List<String> due = List.of("2030-03-31T12:00:00+07:00", "2030-01-31T12:00:00+07:00", "2030-02-28T12:00:00+07:00");
        for (String at : due) {
            api.as(organiser).body(Map.of("title", "งานภาคสนาม " + at, "dueAt", at))
                    .post("/cohorts/" + cohortId + "/field-assignments").then().statusCode(201);
        }
        assertThat(Pages.checkPaging(api, organiser, "/cohorts/" + cohortId + "/field-assignments", "dueAt", 2, 3))
                .containsExactly("2030-01-31T12:00:00+07:00", "2030-02-28T12:00:00+07:00", "2030-03-31T12:00:00+07:00");
    }

    @Test
    void aSessionsAttendanceSheetComesAPageAtATimeAndHrStillSeesOnlyItsOwnStaff() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        String otherDepartment = world.organization("กรมอื่น ทดสอบหน้า", "DEPARTMENT", world.ministryId);
        List<World.Person> ours = List.of(seated(cohortId, world.divisionId), seated(cohortId, world.divisionId),
                seated(cohortId, world.divisionId));
        World.Person theirs = seated(cohortId, otherDepartment);
        String sessionId = session(cohortId, 1, Duration.ofDays(-2), Duration.ofHours(7));
        record(trainer, sessionId, ours.get(0).id(), "PRESENT", theirs.id(), "LATE").then().statusCode(200);

        String sheet = "/sessions/" + sessionId + "/attendance";
        long statementsForFour = Pages.statementsPerRead(api, trainer, sheet);
        assertThat(Pages.checkPaging(api, trainer, sheet, "personId", 3, 4)).containsExactlyInAnyOrder(
                ours.get(0).id(), ours.get(1).id(), ours.get(2).id(), theirs.id());
        String hr = world.token(world.person(world.departmentId, "HR"));
        assertThat(Pages.checkPaging(api, hr, sheet, "personId", 2, 3)).containsExactlyInAnyOrder(
                ours.get(0).id(), ours.get(1).id(), ours.get(2).id());
        api.as(trainer).queryParam("size", 500).get(sheet).then().statusCode(200)
                .body("items.find { it.personId == '" + theirs.id() + "' }.status", equalTo("LATE"))
                .body("items.find { it.personId == '" + ours.get(1).id() + "' }.status", nullValue());
        // records and names are read for the page in one query each, however many seats
        seated(cohortId, otherDepartment);
        seated(cohortId, world.divisionId);
        assertThat(Pages.statementsPerRead(api, trainer, sheet)).isEqualTo(statementsForFour);
    }

    @Test
    void badSessionsAreClearErrors() {
        String cohortId = cohort();
        String sessions = "/cohorts/" + cohortId + "/sessions";
        api.as(organiser).body(sessionBody(1, "ก", "2023-09-26T09:00:00+07:00", "2023-09-26T16:00:00+07:00")).post(sessions)
                .then().statusCode(201);
        api.as(organiser).body(sessionBody(1, "ข", "2023-10-26T09:00:00+07:00", "2023-10-26T16:00:00+07:00")).post(sessions)
                .then().statusCode(409).body("errors[0].field", equalTo("number"));
        api.as(organiser).body(sessionBody(2, "ข", "2023-10-26T16:00:00+07:00", "2023-10-26T09:00:00+07:00")).post(sessions)
                .then().statusCode(422).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("endsAt"));
        api.as(organiser).body(sessionBody(2, "ข", "2023-10-26T09:00:00", "2023-10-26T16:00:00")).post(sessions)
                .then().statusCode(400);
        Map<String, Object> script = sessionBody(2, "ข", "2023-10-26T09:00:00+07:00", "2023-10-26T16:00:00+07:00");
        script.put("onlineUrl", "javascript:alert(1)");
        api.as(organiser).body(script).post(sessions).then().statusCode(400).body("errors[0].field", equalTo("onlineUrl"));
        api.as(organiser).body(Map.of("number", 2)).post(sessions).then().statusCode(400);
        api.as(organiser).body(sessionBody(2, "ข", "2023-10-26T09:00:00+07:00", "2023-10-26T16:00:00+07:00"))
                .post("/cohorts/" + UUID.randomUUID() + "/sessions").then().statusCode(404);
        api.as(organiser).body(Map.of("endsAt", "2023-09-26T08:00:00+07:00")).patch("/sessions/" + UUID.randomUUID())
                .then().statusCode(404);
    }

    // --- attendance

    @Test
    void trainersRecordAttendanceInBulkAndTheSameRequestTwiceChangesNothing() {
        String cohortId = cohort();
        World.Person trainer = trainerOf(cohortId);
        String trainerToken = world.token(trainer);
        World.Person a = seated(cohortId, world.divisionId);
        World.Person b = world.namedPerson(world.divisionId, "นาย", "ปิติพัฒน์", "ธีระวุฒิ", "TRAINEE");
        seat(cohortId, b.id());
        World.Person c = seated(cohortId, world.divisionId);
        String sessionId = session(cohortId, 1, Duration.ofDays(-2), Duration.ofHours(7));

        record(trainerToken, sessionId, a.id(), "PRESENT", b.id(), "LATE").then().statusCode(200)
                .body("size()", equalTo(3))
                .body("find { it.personId == '" + b.id() + "' }.personName", equalTo("นายปิติพัฒน์ ธีระวุฒิ"))
                .body("find { it.personId == '" + b.id() + "' }.status", equalTo("LATE"))
                .body("find { it.personId == '" + b.id() + "' }.recordedBy", equalTo(trainer.id()))
                .body("find { it.personId == '" + c.id() + "' }.status", nullValue());
        long changes = TestDatabase.count("SELECT COUNT(*) FROM pass_decision_change WHERE cohort_id = ?", cohortId);
        record(trainerToken, sessionId, a.id(), "PRESENT", b.id(), "LATE").then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id = ?", sessionId)).isEqualTo(2);
        // the same save again changes nothing, and leaves the cohort's pass decisions as computed
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM pass_decision_change WHERE cohort_id = ?", cohortId)).isEqualTo(changes);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ATTENDANCE_RECORDED' AND subject_id = ?",
                sessionId)).isEqualTo(2);

        // the organiser may correct too; a change is a change of who recorded it
        World.Person organiserPerson = world.person(world.departmentId, "PROGRAM_ADMIN");
        record(world.token(organiserPerson), sessionId, a.id(), "EXCUSED").then().statusCode(200)
                .body("find { it.personId == '" + a.id() + "' }.status", equalTo("EXCUSED"))
                .body("find { it.personId == '" + a.id() + "' }.recordedBy", equalTo(organiserPerson.id()));
        api.as(trainerToken).get("/sessions/" + sessionId + "/attendance").then().statusCode(200)
                .body("items.status", containsInAnyOrder("EXCUSED", "LATE", null)).body("total", equalTo(3));
    }

    @Test
    void aBadRowRefusesTheWholeRequestAndWritesNothing() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person a = seated(cohortId, world.divisionId);
        World.Person c = seated(cohortId, world.divisionId);
        World.Person notSeated = world.person(world.divisionId, "TRAINEE");
        String otherCohort = cohort();
        String sessionId = session(cohortId, 1, Duration.ofDays(-2), Duration.ofHours(7));
        record(trainer, sessionId, a.id(), "PRESENT").then().statusCode(200);

        record(trainer, sessionId, a.id(), "ABSENT", notSeated.id(), "PRESENT", c.id(), "LATE").then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("errors.field", contains("[1].personId"));
        record(trainer, sessionId, c.id(), "LATE", UUID.randomUUID().toString(), "PRESENT", notSeated.id(), "ABSENT")
                .then().statusCode(422).body("errors.field", contains("[1].personId", "[2].personId"));
        record(trainer, sessionId, a.id(), "ABSENT", c.id(), "HERE").then().statusCode(400);
        record(trainer, sessionId, a.id(), "ABSENT", a.id(), "LATE").then().statusCode(400)
                .body("errors[0].field", equalTo("[1].personId"));
        // the id column compares without case: a trainee's id in capitals is not their id, and is refused as one
        record(trainer, sessionId, c.id(), "LATE", a.id().toUpperCase(java.util.Locale.ROOT), "ABSENT").then().statusCode(400)
                .body("errors[0].field", equalTo("[1].personId")).body("errors[0].message", equalTo("must be an id"));
        api.as(trainer).body(List.of(Map.of("status", "PRESENT"))).put("/sessions/" + sessionId + "/attendance").then()
                .statusCode(400).body("errors[0].field", equalTo("[0].personId"));
        api.as(trainer).body(Map.of("personId", a.id())).put("/sessions/" + sessionId + "/attendance").then().statusCode(400)
                .body("errors[0].field", equalTo("body")).body("errors[0].message", equalTo("must be an array"));

        assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id = ?", sessionId)).isEqualTo(1);
        api.as(trainer).get("/sessions/" + sessionId + "/attendance").then()
                .body("items.find { it.personId == '" + a.id() + "' }.status", equalTo("PRESENT"))
                .body("items.find { it.personId == '" + c.id() + "' }.status", nullValue());

        String otherTrainer = world.token(trainerOf(otherCohort));
        record(otherTrainer, sessionId, a.id(), "ABSENT").then().statusCode(404);
        record(world.token(a), sessionId, a.id(), "PRESENT").then().statusCode(403);
        record(world.token(world.person(world.departmentId, "HR")), sessionId, a.id(), "ABSENT").then().statusCode(403);
        record(trainer, UUID.randomUUID().toString(), a.id(), "ABSENT").then().statusCode(404);
    }

    @Test
    void attendanceIsReadByTrainersAllHrItsOwnStaffAndATraineeOnlyThemself() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        String otherDepartment = world.organization("กรมสุขภาพจิต ทดสอบ", "DEPARTMENT", world.ministryId);
        World.Person ours = seated(cohortId, world.divisionId);
        World.Person theirs = seated(cohortId, otherDepartment);
        String sessionId = session(cohortId, 1, Duration.ofDays(-2), Duration.ofHours(7));
        record(trainer, sessionId, ours.id(), "PRESENT", theirs.id(), "ABSENT").then().statusCode(200);

        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).get("/sessions/" + sessionId + "/attendance").then().statusCode(200)
                .body("items.personId", contains(ours.id())).body("items[0].status", equalTo("PRESENT")).body("total", equalTo(1));
        api.as(world.token(world.person(otherDepartment, "HR"))).get("/sessions/" + sessionId + "/attendance").then()
                .statusCode(200).body("items.personId", contains(theirs.id()));
        String unrelatedHr = world.token(world.person(world.organization("กระทรวงอื่น", "MINISTRY", null), "HR"));
        api.as(unrelatedHr).get("/sessions/" + sessionId + "/attendance").then().statusCode(200).body("items", empty())
                .body("total", equalTo(0));
        api.as(unrelatedHr).get("/cohorts/" + cohortId + "/attendance").then().statusCode(200).body("rows", empty());

        api.as(world.token(ours)).get("/sessions/" + sessionId + "/attendance").then().statusCode(200)
                .body("items.personId", contains(ours.id()));
        api.as(world.token(theirs)).get("/sessions/" + sessionId + "/attendance").then().statusCode(200)
                .body("items.personId", contains(theirs.id())).body("items[0].status", equalTo("ABSENT"));
        api.as(world.token(world.person(world.divisionId, "TRAINEE"))).get("/sessions/" + sessionId + "/attendance")
                .then().statusCode(404);
        api.as(world.token(trainerOf(cohort()))).get("/sessions/" + sessionId + "/attendance").then().statusCode(404);

        api.as(hr).get("/cohorts/" + cohortId + "/attendance").then().statusCode(200)
                .body("rows.personId", contains(ours.id()));
        api.as(world.token(ours)).get("/cohorts/" + cohortId + "/attendance").then().statusCode(403);
        api.as(world.token(trainerOf(cohort()))).get("/cohorts/" + cohortId + "/attendance").then().statusCode(404);
    }

    // --- check-in

    @Test
    void traineesCheckInOnceWithTheCurrentCodeAndLatecomersAreLate() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person early = seated(cohortId, world.divisionId);
        World.Person latecomer = seated(cohortId, world.divisionId);
        String underWay = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));
        String aboutToStart = session(cohortId, 2, Duration.ofMinutes(10), Duration.ofHours(3));

        Response issued = api.as(trainer).post("/sessions/" + underWay + "/check-in-code");
        issued.then().statusCode(200)
                .body("code", matchesPattern("[23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6}"))
                .body("expiresAt", containsString("+07:00"));
        OffsetDateTime expiresAt = OffsetDateTime.parse(issued.path("expiresAt"));
        assertThat(expiresAt).isBetween(OffsetDateTime.now().plusMinutes(4), OffsetDateTime.now().plusMinutes(6));
        String code = issued.path("code");

        String latecomerToken = world.token(latecomer);
        checkIn(latecomerToken, underWay, code.toLowerCase()).then().statusCode(201)
                .header("Location", containsString("/sessions/" + underWay + "/attendance"))
                .body("status", equalTo("LATE")).body("personId", equalTo(latecomer.id()))
                .body("checkedInAt", notNullValue());
        checkIn(latecomerToken, underWay, code).then().statusCode(409);
        checkIn(world.token(early), aboutToStart, code(trainer, aboutToStart)).then().statusCode(201)
                .body("status", equalTo("PRESENT"));

        api.as(trainer).get("/sessions/" + underWay + "/attendance").then()
                .body("items.find { it.personId == '" + latecomer.id() + "' }.recordedBy", equalTo(latecomer.id()))
                .body("items.find { it.personId == '" + latecomer.id() + "' }.checkedInAt", notNullValue());
        // the trainer is the authority: a correction overwrites the check-in, which stays as evidence
        record(trainer, underWay, latecomer.id(), "PRESENT").then().statusCode(200)
                .body("find { it.personId == '" + latecomer.id() + "' }.status", equalTo("PRESENT"))
                .body("find { it.personId == '" + latecomer.id() + "' }.checkedInAt", notNullValue());
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CHECKED_IN' AND subject_id = ?", underWay))
                .isEqualTo(1);

        checkIn(world.token(world.person(world.divisionId, "TRAINEE")), underWay, code).then().statusCode(404);
        checkIn(trainer, underWay, code).then().statusCode(403);
        api.as(latecomerToken).post("/sessions/" + underWay + "/check-in-code").then().statusCode(403);
        api.as(world.token(trainerOf(cohort()))).post("/sessions/" + underWay + "/check-in-code").then().statusCode(404);
        api.as(organiser).post("/sessions/" + underWay + "/check-in-code").then().statusCode(403);
    }

    @Test
    void aSheetOpenedBeforeACheckInDoesNotOverwriteItWhenSavedWithItsETag() {
        String cohortId = cohort();
        World.Person trainerPerson = trainerOf(cohortId);
        String trainer = world.token(trainerPerson);
        World.Person punctual = seated(cohortId, world.divisionId);
        World.Person other = seated(cohortId, world.divisionId);
        String underWay = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));

        // the trainer opens the sheet: nobody is recorded yet
        Response opened = api.as(trainer).get("/sessions/" + underWay + "/attendance");
        opened.then().statusCode(200).header("ETag", matchesPattern("\"[0-9a-f]{32}\""));
        String etag = opened.header("ETag");
        // HR reads the sheet too, but writes nothing: no version for it
        api.as(world.token(world.person(world.divisionId, "HR"))).get("/sessions/" + underWay + "/attendance").then()
                .statusCode(200).header("ETag", nullValue());

        // meanwhile a trainee checks in with the code on the screen
        checkIn(world.token(punctual), underWay, code(trainer, underWay)).then().statusCode(201);

        // the sheet as opened marks everyone absent: with its ETag, the save is refused and the check-in stands
        Response stale = api.as(trainer).header("If-Match", etag)
                .body(List.of(Map.of("personId", punctual.id(), "status", "ABSENT"), Map.of("personId", other.id(), "status", "ABSENT")))
                .put("/sessions/" + underWay + "/attendance");
        stale.then().statusCode(412).contentType(containsString("problem+json")).body("type", containsString("attendance-changed"));
        api.as(trainer).get("/sessions/" + underWay + "/attendance").then()
                .body("items.find { it.personId == '" + punctual.id() + "' }.status", equalTo("LATE"))
                .body("items.find { it.personId == '" + other.id() + "' }.status", nullValue());

        // read again, saved with the new ETag: applied, and the answer's ETag is the sheet's as read next
        String fresh = api.as(trainer).get("/sessions/" + underWay + "/attendance").header("ETag");
        assertThat(fresh).isNotEqualTo(etag);
        Response saved = api.as(trainer).header("If-Match", fresh).body(List.of(Map.of("personId", other.id(), "status", "ABSENT")))
                .put("/sessions/" + underWay + "/attendance");
        saved.then().statusCode(200).body("find { it.personId == '" + punctual.id() + "' }.status", equalTo("LATE"));
        assertThat(saved.header("ETag")).isEqualTo(api.as(trainer).get("/sessions/" + underWay + "/attendance").header("ETag"));
        // the same save again (a retry) changes nothing and is not refused, though its ETag is old now
        api.as(trainer).header("If-Match", fresh).body(List.of(Map.of("personId", other.id(), "status", "ABSENT")))
                .put("/sessions/" + underWay + "/attendance").then().statusCode(200);
        // without If-Match a save is last-writer-wins, as before; "*" matches any version
        record(trainer, underWay, other.id(), "EXCUSED").then().statusCode(200);
        Response changed = api.as(trainer).header("If-Match", "*").body(List.of(Map.of("personId", other.id(), "status", "PRESENT")))
                .put("/sessions/" + underWay + "/attendance");
        changed.then().statusCode(200);
        // a changed record's new version is in the answer's ETag, so the next save can send it
        String afterChange = changed.header("ETag");
        assertThat(afterChange).isEqualTo(api.as(trainer).get("/sessions/" + underWay + "/attendance").header("ETag"));
        api.as(trainer).header("If-Match", afterChange).body(List.of(Map.of("personId", other.id(), "status", "LATE")))
                .put("/sessions/" + underWay + "/attendance").then().statusCode(200);
    }

    @Test
    void trainersSavingAnEmptySheetAtOnceWithIfMatchAreAllApplied() throws Exception {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        int savers = 12;
        List<World.Person> trainees = new ArrayList<>();
        for (int i = 0; i < savers; i++) {
            trainees.add(seated(cohortId, world.divisionId));
        }
        String sessionId = session(cohortId, 1, Duration.ofDays(-1), Duration.ofHours(3));
        ExecutorService pool = Executors.newFixedThreadPool(savers);
        try {
            CountDownLatch together = new CountDownLatch(1);
            List<Future<Integer>> saves = new ArrayList<>();
            for (World.Person trainee : trainees) {
                saves.add(pool.submit(() -> {
                    together.await();
                    return api.as(trainer).header("If-Match", "*").body(List.of(Map.of("personId", trainee.id(), "status", "PRESENT")))
                            .put("/sessions/" + sessionId + "/attendance").statusCode();
                }));
            }
            together.countDown();
            for (Future<Integer> save : saves) {
                assertThat(save.get()).as("a save of the empty sheet at the same moment as others").isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id = ?", sessionId)).isEqualTo(savers);
    }

    /** Sends the requests at the same moment, each from its own thread, and answers their responses in order. */
    private static List<Response> together(List<java.util.concurrent.Callable<Response>> requests) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(requests.size());
        try {
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(requests.size());
            List<Future<Response>> answers = new ArrayList<>();
            for (java.util.concurrent.Callable<Response> request : requests) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return request.call();
                }));
            }
            List<Response> responses = new ArrayList<>();
            for (Future<Response> answer : answers) {
                responses.add(answer.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            return responses;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameSheetSavedTenTimesAtOnceWithoutIfMatchIsAppliedOnceAndEverySaveAnswersIt() throws Exception {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        List<World.Person> trainees = List.of(seated(cohortId, world.divisionId), seated(cohortId, world.divisionId),
                seated(cohortId, world.divisionId));
        Object[] sheet = {trainees.get(0).id(), "PRESENT", trainees.get(1).id(), "LATE", trainees.get(2).id(), "ABSENT"};
        // a few sessions, each saved ten times at once: a double click, or a retry after a timeout, from several devices
        for (int round = 1; round <= 3; round++) {
            String sessionId = session(cohortId, round, Duration.ofDays(-round), Duration.ofHours(3));
            List<java.util.concurrent.Callable<Response>> saves = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                saves.add(() -> record(trainer, sessionId, sheet));
            }
            List<Response> answers = together(saves);
            for (Response answer : answers) {
                assertThat(answer.statusCode()).as("round %d: %s", round, answer.asString()).isEqualTo(200);
                for (int i = 0; i < sheet.length; i += 2) {
                    assertThat((String) answer.path("find { it.personId == '" + sheet[i] + "' }.status"))
                            .as("round %d: every save answers the sheet as saved", round).isEqualTo(sheet[i + 1]);
                }
            }
            assertThat(answers.stream().map(a -> a.header("ETag")).distinct()).as("round %d: one version", round)
                    .containsExactly(api.as(trainer).get("/sessions/" + sessionId + "/attendance").header("ETag"));
            assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id = ?", sessionId)).isEqualTo(3);
            assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ATTENDANCE_RECORDED' AND subject_id = ?",
                    sessionId)).as("round %d: applied once", round).isEqualTo(3);
        }
    }

    /**
     * Two trainers save the first sheets of two sessions at the same moment, as at the end of a day of parallel
     * workshops. Neither session has a record yet, so a locking read of either session's records would lock the same
     * index gap (new sessions' ids come last), and the two inserts, each waiting for the other's gap, would deadlock:
     * one trainer would get 503 and have to save again. Every save answers 200.
     */
    @Test
    void theFirstSheetsOfTwoSessionsSavedAtOnceAreBothSaved() throws Exception {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        List<World.Person> trainees = List.of(seated(cohortId, world.divisionId), seated(cohortId, world.divisionId));
        Object[] sheet = {trainees.get(0).id(), "PRESENT", trainees.get(1).id(), "LATE"};
        for (int round = 1; round <= 12; round++) {
            String first = session(cohortId, 2 * round, Duration.ofDays(-2 * round), Duration.ofHours(3));
            String second = session(cohortId, 2 * round + 1, Duration.ofDays(-2 * round - 1), Duration.ofHours(3));
            String etag = api.as(trainer).get("/sessions/" + second + "/attendance").header("ETag");
            List<java.util.concurrent.Callable<Response>> saves = List.of(
                    () -> record(trainer, first, sheet),
                    () -> api.as(trainer).header("If-Match", etag).body(List.of(Map.of("personId", sheet[0], "status", sheet[1]),
                            Map.of("personId", sheet[2], "status", sheet[3]))).put("/sessions/" + second + "/attendance"));
            for (Response answer : together(saves)) {
                assertThat(answer.statusCode()).as("round %d: %s", round, answer.asString()).isEqualTo(200);
            }
            assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id IN (?, ?)", first, second))
                    .as("round %d", round).isEqualTo(4);
        }
    }

    /**
     * A double click: both check-ins are on their way at once. The test holds the trainee's seat for a moment, as a
     * slow first check-in would, so that both have set out before either records anything; then lets go.
     */
    @Test
    void aCheckInSentTwiceAtOnceIsRecordedOnceAndTheSecondIsToldItIsRecorded() throws Exception {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person trainee = seated(cohortId, world.divisionId);
        String token = world.token(trainee);
        String sessionId = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));
        String code = code(trainer, sessionId);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (var seat = holder.prepareStatement("SELECT id FROM enrollment WHERE cohort_id = ? AND person_id = ? FOR UPDATE")) {
                seat.setString(1, cohortId);
                seat.setString(2, trainee.id());
                assertThat(seat.executeQuery().next()).isTrue();
            }
            List<Future<Response>> clicks = List.of(pool.submit(() -> checkIn(token, sessionId, code)),
                    pool.submit(() -> checkIn(token, sessionId, code)));
            // both are waiting (the process list shows their locking reads): one for the seat, the other for the seat or
            // for the session's row, which the first holds
            long waitUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(40);
            while (TestDatabase.count("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE '%FOR UPDATE%' "
                    + "AND (info LIKE CONCAT('%FROM enrollment%', ?, '%') OR info LIKE CONCAT('%FROM workshop_session%', ?, '%')) "
                    + "AND id <> CONNECTION_ID()", trainee.id(), sessionId) < 2) {
                assertThat(clicks.stream().filter(Future::isDone)).as("a check-in answered before it reached the seat").isEmpty();
                assertThat(System.nanoTime()).as("both check-ins reached the seat").isLessThan(waitUntil);
                Thread.sleep(20);
            }
            holder.commit();
            List<Response> answers = List.of(clicks.get(0).get(1, java.util.concurrent.TimeUnit.MINUTES),
                    clicks.get(1).get(1, java.util.concurrent.TimeUnit.MINUTES));
            assertThat(answers.stream().map(Response::statusCode)).as("%s / %s", answers.get(0).asString(), answers.get(1).asString())
                    .containsExactlyInAnyOrder(201, 409);
            Response refused = answers.stream().filter(a -> a.statusCode() == 409).findFirst().orElseThrow();
            assertThat(refused.contentType()).contains("problem+json");
            assertThat((String) refused.path("type")).as(refused.asString()).endsWith("attendance-recorded");
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id = ?", sessionId)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CHECKED_IN' AND subject_id = ?", sessionId))
                .isEqualTo(1);
    }

    /**
     * A trainee checks in while a trainer's save of the sheet is writing their record (PRESENT): the check-in is told the
     * attendance is recorded, not a bare 409 {@code duplicate}. The test writes the record as the save does, in a
     * transaction it holds open until the check-in has come as far as it can.
     */
    @Test
    void aCheckInWhileASaveRecordsTheTraineeIsToldItIsRecorded() throws Exception {
        String cohortId = cohort();
        World.Person trainer = trainerOf(cohortId);
        World.Person trainee = seated(cohortId, world.divisionId);
        String token = world.token(trainee);
        String sessionId = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));
        String code = code(world.token(trainer), sessionId);
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection save = TestDatabase.connect()) {
            save.setAutoCommit(false);
            try (var insert = save.prepareStatement("INSERT INTO attendance_record (id, session_id, person_id, status, recorded_by, "
                    + "recorded_at) VALUES (?, ?, ?, 'PRESENT', ?, UTC_TIMESTAMP(6))")) {
                insert.setString(1, UUID.randomUUID().toString());
                insert.setString(2, sessionId);
                insert.setString(3, trainee.id());
                insert.setString(4, trainer.id());
                assertThat(insert.executeUpdate()).isEqualTo(1);
            }
            Future<Response> checkIn = pool.submit(() -> checkIn(token, sessionId, code));
            // the check-in waits for the save: at its own record, or at the session's row
            long waitUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(40);
            while (TestDatabase.count("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE CONCAT('%', ?, '%') "
                    + "AND (info LIKE 'INSERT INTO attendance_record%' OR (info LIKE '%FROM workshop_session%' AND info LIKE '%FOR UPDATE%')) "
                    + "AND id <> CONNECTION_ID()", sessionId) == 0) {
                assertThat(checkIn.isDone()).as("the check-in answered before the save committed: %s",
                        checkIn.isDone() ? checkIn.get().asString() : "").isFalse();
                assertThat(System.nanoTime()).as("the check-in reached the save's record").isLessThan(waitUntil);
                Thread.sleep(20);
            }
            save.commit();
            Response answer = checkIn.get(1, java.util.concurrent.TimeUnit.MINUTES);
            assertThat(answer.statusCode()).as(answer.asString()).isEqualTo(409);
            assertThat(answer.contentType()).contains("problem+json");
            assertThat((String) answer.path("type")).as(answer.asString()).endsWith("attendance-recorded");
        } finally {
            pool.shutdownNow();
        }
        api.as(world.token(trainer)).get("/sessions/" + sessionId + "/attendance").then()
                .body("items.find { it.personId == '" + trainee.id() + "' }.status", equalTo("PRESENT"));
    }

    @Test
    void wrongReplacedExpiredForeignAndOutOfWindowCodesAreRefused() throws Exception {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        String trainee = world.token(seated(cohortId, world.divisionId));
        String first = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));
        String second = session(cohortId, 2, Duration.ofHours(-1), Duration.ofHours(3));
        String nextMonth = session(cohortId, 3, Duration.ofDays(30), Duration.ofHours(7));
        String lastMonth = session(cohortId, 4, Duration.ofDays(-30), Duration.ofHours(7));

        checkIn(trainee, first, "ABCDEF").then().statusCode(422).body("errors[0].field", equalTo("code"));
        checkIn(trainee, first, code(trainer, second)).then().statusCode(422)
                .body("type", containsString("wrong-check-in-code")).body("errors[0].field", equalTo("code"));
        String replaced = code(trainer, first);
        String current = code(trainer, first);
        if (!replaced.equals(current)) {
            checkIn(trainee, first, replaced).then().statusCode(422).body("errors[0].field", equalTo("code"));
        }
        expireCheckInCode(first);
        checkIn(trainee, first, current).then().statusCode(422)
                .body("type", containsString("check-in-code-expired")).body("errors[0].field", equalTo("code"));
        checkIn(trainee, first, code(trainer, first)).then().statusCode(201).body("status", equalTo("LATE"));

        checkIn(trainee, nextMonth, code(trainer, nextMonth)).then().statusCode(422)
                .body("type", containsString("check-in-closed")).body("detail", containsString("+07:00"));
        api.as(trainer).post("/sessions/" + lastMonth + "/check-in-code").then().statusCode(422)
                .body("type", containsString("session-ended"));
        checkIn(trainee, lastMonth, "ABCDEF").then().statusCode(422).body("type", containsString("check-in-closed"));
        api.as(trainee).body(Map.of()).post("/sessions/" + first + "/check-in").then().statusCode(400)
                .body("errors[0].field", equalTo("code"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE session_id IN (?, ?, ?)", second, nextMonth,
                lastMonth)).isZero();
    }

    @Test
    void aKeyedCodeRequestKeepsNoAnswerThatHoldsTheCode() {
        String cohortId = cohort();
        World.Person trainer = trainerOf(cohortId);
        String trainerToken = world.token(trainer);
        String sessionId = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));

        List<String> codes = new ArrayList<>();
        for (String path : List.of("/check-in-code", "/check-in-code/")) {
            codes.add(api.as(trainerToken).header("Idempotency-Key", UUID.randomUUID().toString())
                    .post("/sessions/" + sessionId + path).then().statusCode(200).extract().path("code"));
        }
        for (String code : codes) {
            assertThat(TestDatabase.count("SELECT COUNT(*) FROM idempotent_request WHERE body LIKE ?", "%" + code + "%")).isZero();
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM idempotent_request WHERE person_id = ?", trainer.id())).isZero();
    }

    @Test
    void guessingCodesIsThrottledPerTraineeAndSession() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person guesser = seated(cohortId, world.divisionId);
        String guesserToken = world.token(guesser);
        String colleague = world.token(seated(cohortId, world.divisionId));
        String sessionId = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));
        String code = code(trainer, sessionId);
        String wrong = code.equals("222222") ? "333333" : "222222";

        for (int i = 0; i < 10; i++) {
            // every other guess with a new Idempotency-Key, as a portal that keys every POST sends it: counted all the same
            var guess = api.as(guesserToken).body(Map.of("code", wrong));
            if (i % 2 == 0) {
                guess = guess.header("Idempotency-Key", UUID.randomUUID().toString());
            }
            // one keyed guess to the address with a trailing slash, which JAX-RS routes to the same check-in
            guess.post("/sessions/" + sessionId + (i == 4 ? "/check-in/" : "/check-in")).then().statusCode(422);
        }
        checkIn(guesserToken, sessionId, code).then().statusCode(429)
                .contentType(containsString("application/problem+json"))
                .header("Retry-After", notNullValue());
        assertThat(TestDatabase.count("SELECT failures FROM check_in_failure WHERE session_id = ? AND person_id = ?",
                sessionId, guesser.id())).isEqualTo(10);
        checkIn(colleague, sessionId, code).then().statusCode(201);
        // the trainer can still record the throttled trainee
        record(trainer, sessionId, guesser.id(), "LATE").then().statusCode(200);
    }

    @Test
    void parallelWrongCodesAreCountedOneAfterAnother() throws Exception {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person guesser = seated(cohortId, world.divisionId);
        String guesserToken = world.token(guesser);
        String sessionId = session(cohortId, 1, Duration.ofHours(-1), Duration.ofHours(3));
        String code = code(trainer, sessionId);
        String wrong = code.equals("222222") ? "333333" : "222222";

        int guesses = 40;
        var start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(guesses);
        try {
            List<java.util.concurrent.Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < guesses; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return checkIn(guesserToken, sessionId, wrong).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (var answer : answers) {
                statuses.add(answer.get(2, java.util.concurrent.TimeUnit.MINUTES));
            }
            // sakkaya.checkin.max-failures is 10 in the tests as by default
            assertThat(statuses).containsOnly(422, 429);
            assertThat(statuses.stream().filter(s -> s == 422).count()).isEqualTo(10);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("SELECT failures FROM check_in_failure WHERE session_id = ? AND person_id = ?",
                sessionId, guesser.id())).isEqualTo(10);
    }

    // --- the cohort's table and percentages

    @Test
    void percentagesCountEndedSessionsLeaveOutExcusedAndComeAsCsvToo() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person a = world.namedPerson(world.divisionId, "นางสาว", "กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์", "TRAINEE");
        World.Person b = world.namedPerson(world.divisionId, "นาย", "ปิติพัฒน์", "ธีระวุฒิ", "TRAINEE");
        World.Person c = world.namedPerson(world.divisionId, "ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง", "TRAINEE");
        World.Person d = world.namedPerson(world.divisionId, null, "=HYPERLINK(\"http://evil.example\")", "x", "TRAINEE");
        for (World.Person p : List.of(a, b, c, d)) {
            seat(cohortId, p.id());
        }
        String s1 = session(cohortId, 1, Duration.ofDays(-60), Duration.ofHours(7));
        String s2 = session(cohortId, 2, Duration.ofDays(-30), Duration.ofHours(7));
        String s3 = session(cohortId, 3, Duration.ofDays(-2), Duration.ofHours(7));
        String underWay = session(cohortId, 4, Duration.ofHours(-1), Duration.ofHours(3));
        session(cohortId, 5, Duration.ofDays(30), Duration.ofHours(7));
        record(trainer, s1, a.id(), "PRESENT", b.id(), "PRESENT", c.id(), "EXCUSED").then().statusCode(200);
        record(trainer, s2, a.id(), "LATE", b.id(), "ABSENT", c.id(), "EXCUSED").then().statusCode(200);
        record(trainer, s3, a.id(), "EXCUSED", c.id(), "EXCUSED").then().statusCode(200);
        record(trainer, underWay, a.id(), "PRESENT", b.id(), "PRESENT").then().statusCode(200);

        Response table = api.as(trainer).get("/cohorts/" + cohortId + "/attendance");
        table.then().statusCode(200)
                .body("cohortId", equalTo(cohortId))
                .body("sessions.number", contains(1, 2, 3, 4, 5))
                .body("rows.personId", contains(a.id(), b.id(), c.id(), d.id()))
                .body("rows[0].personName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"))
                .body("rows[0].statuses", contains("PRESENT", "LATE", "EXCUSED", "PRESENT", null))
                .body("rows[0].ended", equalTo(3))
                .body("rows[0].excused", equalTo(1))
                .body("rows[0].attendancePercent", equalTo(100.0f))
                .body("rows[1].attendancePercent", equalTo(33.33f))
                // excused from every ended session: nothing attended, not "no figure yet"
                .body("rows[2].attendancePercent", equalTo(0.0f))
                .body("rows[3].statuses", contains(null, null, null, null, null))
                .body("rows[3].attendancePercent", equalTo(0.0f));

        Response csv = api.as(trainer).accept("text/csv").get("/cohorts/" + cohortId + "/attendance");
        csv.then().statusCode(200).contentType(containsString("text/csv"))
                .header("Content-Disposition", containsString("attachment"));
        byte[] bytes = csv.asByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        List<String> lines = new String(bytes, StandardCharsets.UTF_8).substring(1).lines().toList();
        assertThat(lines.get(0)).startsWith("ชื่อ-นามสกุล,ครั้งที่ 1 (").endsWith(",ร้อยละการเข้าร่วม");
        assertThat(lines.get(1)).isEqualTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์,มา,สาย,ลา,มา,,100.00");
        assertThat(lines.get(2)).isEqualTo("นายปิติพัฒน์ ธีระวุฒิ,มา,ขาด,,มา,,33.33");
        assertThat(lines.get(3)).isEqualTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง,ลา,ลา,ลา,,,0.00");
        assertThat(lines.get(4)).startsWith("\"'=HYPERLINK(");
        api.as(world.token(a)).accept("text/csv").get("/cohorts/" + cohortId + "/attendance").then().statusCode(403);

        // so an attendance minimum is not met on excuses alone
        api.as(organiser).body(Map.of("passPolicy", Map.of("minAttendancePercent", 50))).patch("/cohorts/" + cohortId).then().statusCode(200);
        api.as(organiser).get("/cohorts/" + cohortId + "/gradebook").then().statusCode(200)
                .body("rows.find { it.personId == '" + c.id() + "' }.passed", equalTo(false))
                .body("rows.find { it.personId == '" + c.id() + "' }.reasons.code", contains("ATTENDANCE_BELOW_MINIMUM"))
                .body("rows.find { it.personId == '" + a.id() + "' }.passed", equalTo(true));

        String noSessionEndedYet = cohort();
        seat(noSessionEndedYet, a.id());
        session(noSessionEndedYet, 1, Duration.ofDays(7), Duration.ofHours(7));
        api.as(organiser).get("/cohorts/" + noSessionEndedYet + "/attendance").then().statusCode(200)
                .body("rows[0].ended", equalTo(0)).body("rows[0].attendancePercent", nullValue());
    }

    @Test
    void aTraineeSeatedLateIsNotCountedAbsentFromSessionsThatEndedBeforeTheirSeat() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        World.Person early = seated(cohortId, world.divisionId);
        World.Person promoted = world.person(world.divisionId, "TRAINEE");
        World.Person recordedBefore = world.person(world.divisionId, "TRAINEE");
        World.Person justSeated = world.person(world.divisionId, "TRAINEE");
        String s1 = session(cohortId, 1, Duration.ofDays(-10), Duration.ofHours(7));
        String s2 = session(cohortId, 2, Duration.ofDays(-5), Duration.ofHours(7));
        String s3 = session(cohortId, 3, Duration.ofDays(-2), Duration.ofHours(7));
        // seated a week ago, between sessions 1 and 2 (as a promotion from the waitlist would), and one just now
        for (World.Person late : List.of(promoted, recordedBefore, justSeated)) {
            seatNow(cohortId, late.id());
        }
        seatedAt(cohortId, promoted.id(), OffsetDateTime.now(BANGKOK).minusDays(7));
        seatedAt(cohortId, recordedBefore.id(), OffsetDateTime.now(BANGKOK).minusDays(7));
        record(trainer, s1, early.id(), "PRESENT", recordedBefore.id(), "ABSENT").then().statusCode(200);
        record(trainer, s2, early.id(), "PRESENT", promoted.id(), "PRESENT", recordedBefore.id(), "PRESENT").then().statusCode(200);
        record(trainer, s3, early.id(), "ABSENT", promoted.id(), "LATE", recordedBefore.id(), "PRESENT").then().statusCode(200);

        Response table = api.as(organiser).get("/cohorts/" + cohortId + "/attendance");
        table.then().statusCode(200);
        Map<String, Object> byPerson = new HashMap<>();
        List<Map<String, Object>> rows = table.path("rows");
        rows.forEach(row -> byPerson.put((String) row.get("personId"), row));
        assertThat(byPerson.get(early.id())).extracting("ended", "attendancePercent").containsExactly(3, 66.67f);
        // session 1 ended before the seat and nothing is recorded for it: not an absence
        assertThat(byPerson.get(promoted.id())).extracting("ended", "attendancePercent").containsExactly(2, 100.0f);
        // an earlier record counts all the same
        assertThat(byPerson.get(recordedBefore.id())).extracting("ended", "attendancePercent").containsExactly(3, 66.67f);
        // no session has ended since the seat: no figure yet
        assertThat(byPerson.get(justSeated.id())).extracting("ended", "attendancePercent").containsExactly(0, null);
        // one who held a seat before (withdrew and was seated again just now) missed every session: leaving and
        // asking again does not wipe absences out
        World.Person rejoined = world.person(world.divisionId, "TRAINEE");
        seatNow(cohortId, rejoined.id());
        TestDatabase.update("UPDATE enrollment SET seat_left_at = enrolled_at - INTERVAL 9 DAY WHERE cohort_id = ? AND person_id = ?",
                cohortId, rejoined.id());
        api.as(organiser).get("/cohorts/" + cohortId + "/attendance").then().statusCode(200)
                .body("rows.find { it.personId == '" + rejoined.id() + "' }.ended", equalTo(3))
                .body("rows.find { it.personId == '" + rejoined.id() + "' }.attendancePercent", equalTo(0.0f));

        api.as(organiser).body(Map.of("passPolicy", Map.of("minAttendancePercent", 80))).patch("/cohorts/" + cohortId).then()
                .statusCode(200);
        api.as(organiser).get("/cohorts/" + cohortId + "/gradebook").then().statusCode(200)
                .body("rows.find { it.personId == '" + promoted.id() + "' }.passed", equalTo(true))
                .body("rows.find { it.personId == '" + early.id() + "' }.passed", equalTo(false));
    }

    @Test
    void sessionsLieWithinTheirCohortsDaysAndTheCohortCannotShrinkAwayFromThem() {
        String cohortId = cohort();
        String sessions = "/cohorts/" + cohortId + "/sessions";
        // before the first day, and after the last: a session there would change results after certificates
        api.as(organiser).body(sessionBody(1, "ก่อนเริ่ม", "2023-09-25T09:00:00+07:00", "2023-09-25T16:00:00+07:00")).post(sessions)
                .then().statusCode(422).body("type", containsString("session-outside-cohort")).body("errors[0].field", equalTo("startsAt"));
        String afterEnd = java.time.LocalDate.now(BANGKOK).plusYears(1).plusDays(1).toString();
        api.as(organiser).body(sessionBody(1, "หลังจบ", afterEnd + "T09:00:00+07:00", afterEnd + "T16:00:00+07:00")).post(sessions)
                .then().statusCode(422).body("errors[0].field", equalTo("endsAt"));
        // an evening session of the last day that ends at midnight ends on the last day
        String lastDay = java.time.LocalDate.now(BANGKOK).plusYears(1).toString();
        api.as(organiser).body(sessionBody(9, "ช่วงค่ำวันสุดท้าย", lastDay + "T20:00:00+07:00", afterEnd + "T00:00:00+07:00")).post(sessions)
                .then().statusCode(201);
        // the first day counts in Bangkok: 08:00 on 26 Sep in Bangkok is 25 Sep in UTC
        String first = api.as(organiser).body(sessionBody(1, TITLE_1, "2023-09-26T01:00:00Z", "2023-09-26T09:00:00Z")).post(sessions)
                .then().statusCode(201).extract().path("id");
        api.as(organiser).body(Map.of("startsAt", "2023-09-25T09:00:00+07:00")).patch("/sessions/" + first).then().statusCode(422)
                .body("type", containsString("session-outside-cohort"));
        // a change keeps what creation required: field work due after the session it follows, and a title
        api.as(organiser).body(Map.of("title", "คลิปสั้น", "dueOn", "2023-09-27", "afterSessionId", first))
                .post("/cohorts/" + cohortId + "/field-assignments").then().statusCode(201);
        api.as(organiser).body(Map.of("endsAt", "2023-09-28T10:00:00+07:00")).patch("/sessions/" + first).then().statusCode(422)
                .body("type", containsString("due-before-session")).body("errors[0].field", equalTo("endsAt"));
        api.as(organiser).body(Map.of("title", " ")).patch("/sessions/" + first).then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        api.as(organiser).get("/sessions/" + first).then().body("title", equalTo(TITLE_1)).body("endsAt", equalTo("2023-09-26T16:00:00+07:00"));
        // the cohort cannot be moved away from its sessions, and nothing is changed when it is refused
        api.as(organiser).body(Map.of("startsOn", "2023-10-01")).patch("/cohorts/" + cohortId).then().statusCode(422)
                .body("type", containsString("sessions-outside-cohort")).body("errors[0].field", equalTo("startsOn"));
        api.as(organiser).get("/cohorts/" + cohortId).then().body("startsOn", equalTo("2023-09-26"));
        // the same days sent again with another change are no change of days; reversed days are said to be reversed
        api.as(organiser).body(Map.of("startsOn", "2023-09-26", "capacity", 45)).patch("/cohorts/" + cohortId).then().statusCode(200);
        api.as(organiser).body(Map.of("startsOn", "2023-09-27", "endsOn", "2023-09-20")).patch("/cohorts/" + cohortId).then()
                .statusCode(not(equalTo(200))).body("type", not(containsString("sessions-outside-cohort")));
        api.as(organiser).body(Map.of("endsOn", lastDay)).patch("/cohorts/" + cohortId).then().statusCode(200);
    }

    /**
     * The cohort shrinks while, at the same moment, its session is moved past the new end, another is scheduled there,
     * and field work is set due soon after the session: whichever comes first, no session is left outside the cohort's
     * days and no field work is due before its session ends; what is refused is a 4xx problem, never a 500.
     */
    @Test
    void aCohortShrinkingWhileItsSessionsMoveLeavesNoSessionOutsideItsDays() throws Exception {
        java.time.LocalDate first = java.time.LocalDate.now(BANGKOK).plusMonths(2).withDayOfMonth(1);
        String on10th = first.plusDays(9) + "T09:00:00+07:00";
        for (int round = 1; round <= 30; round++) {
            String cohortId = cohort(first, first.plusDays(30));
            String sessionId = api.as(organiser).body(sessionBody(1, "ครั้งที่ 1", on10th, first.plusDays(9) + "T16:00:00+07:00"))
                    .post("/cohorts/" + cohortId + "/sessions").then().statusCode(201).extract().path("id");
            Map<String, Object> fieldWork = Map.of("title", "ฝึกปฏิบัติภาคสนาม", "afterSessionId", sessionId,
                    "dueAt", first.plusDays(14) + "T17:00:00+07:00");
            List<Response> answers = together(List.of(
                    () -> api.as(organiser).body(Map.of("endsOn", first.plusDays(19).toString())).patch("/cohorts/" + cohortId),
                    () -> api.as(organiser).body(Map.of("startsAt", first.plusDays(24) + "T09:00:00+07:00",
                            "endsAt", first.plusDays(24) + "T16:00:00+07:00")).patch("/sessions/" + sessionId),
                    () -> api.as(organiser).body(sessionBody(2, "ครั้งที่ 2", first.plusDays(25) + "T09:00:00+07:00",
                            first.plusDays(25) + "T16:00:00+07:00")).post("/cohorts/" + cohortId + "/sessions"),
                    () -> api.as(organiser).body(fieldWork).post("/cohorts/" + cohortId + "/field-assignments")));
            for (Response answer : answers) {
                assertThat(answer.statusCode()).as("round %d: %s", round, answer.asString()).isLessThan(500);
                if (answer.statusCode() >= 400) {
                    assertThat(answer.contentType()).as("round %d", round).contains("problem+json");
                }
            }
            Response cohort = api.as(organiser).get("/cohorts/" + cohortId);
            java.time.LocalDate startsOn = java.time.LocalDate.parse(cohort.path("startsOn"));
            java.time.LocalDate endsOn = java.time.LocalDate.parse(cohort.path("endsOn"));
            Map<String, OffsetDateTime> ends = new HashMap<>();
            for (Map<String, Object> session : api.as(organiser).get("/cohorts/" + cohortId + "/sessions")
                    .then().statusCode(200).extract().jsonPath().<Map<String, Object>>getList("items")) {
                OffsetDateTime startsAt = OffsetDateTime.parse((String) session.get("startsAt"));
                OffsetDateTime endsAt = OffsetDateTime.parse((String) session.get("endsAt"));
                ends.put((String) session.get("id"), endsAt);
                assertThat(startsAt.atZoneSameInstant(BANGKOK).toLocalDate())
                        .as("round %d: session %s against the cohort's %s to %s (answers %s)", round, session.get("number"),
                                startsOn, endsOn, answers.stream().map(Response::statusCode).toList())
                        .isBetween(startsOn, endsOn);
                assertThat(endsAt.minusNanos(1).atZoneSameInstant(BANGKOK).toLocalDate())
                        .as("round %d: session %s against the cohort's %s to %s (answers %s)", round, session.get("number"),
                                startsOn, endsOn, answers.stream().map(Response::statusCode).toList())
                        .isBetween(startsOn, endsOn);
            }
            for (Map<String, String> work : api.as(organiser).get("/cohorts/" + cohortId + "/field-assignments")
                    .then().statusCode(200).extract().jsonPath().<Map<String, String>>getList("items")) {
                assertThat(OffsetDateTime.parse(work.get("dueAt")))
                        .as("round %d: field work due after the session it follows (answers %s)", round,
                                answers.stream().map(Response::statusCode).toList())
                        .isAfter(ends.get(work.get("afterSessionId")));
            }
        }
    }

    // --- field work

    private String assignment(String cohortId, String afterSessionId) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", "ฝึกปฏิบัติภาคสนาม: คลิปวิดีโอสั้นของหน่วยงาน");
        body.put("brief", "ผลิตคลิปวิดีโอสั้นความยาวไม่เกิน 60 วินาที แนะนำงานของหน่วยงานท่าน เผยแพร่บน TikTok แล้วส่งลิงก์และสรุปผลตอบรับ");
        body.put("dueOn", "2023-10-20");
        body.put("afterSessionId", afterSessionId);
        return api.as(organiser).body(body).post("/cohorts/" + cohortId + "/field-assignments").then().statusCode(201)
                .header("Location", containsString("/api/v1/field-assignments/"))
                .body("dueAt", equalTo("2023-10-20T23:59:59+07:00"))
                .body("dueOn", equalTo("2023-10-20"))
                .extract().path("id");
    }

    private Response report(String token, String assignmentId, String text, List<String> links) {
        Map<String, Object> body = new HashMap<>();
        body.put("text", text);
        body.put("links", links);
        return api.as(token).body(body).post("/field-assignments/" + assignmentId + "/reports");
    }

    @Test
    void traineesReportFieldWorkAsRevisionsAndMentorsGiveFeedback() {
        String cohortId = cohort();
        World.Person mentor = trainerOf(cohortId);
        String mentorToken = world.token(mentor);
        String otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
        World.Person ours = seated(cohortId, world.divisionId);
        World.Person theirs = seated(cohortId, otherDepartment);
        String oursToken = world.token(ours);
        String theirsToken = world.token(theirs);
        String sessionId = api.as(organiser).body(sessionBody(1, TITLE_1, "2023-09-26T09:00:00+07:00", "2023-09-26T16:00:00+07:00"))
                .post("/cohorts/" + cohortId + "/sessions").then().statusCode(201).extract().path("id");
        String assignmentId = assignment(cohortId, sessionId);

        api.as(oursToken).get("/cohorts/" + cohortId + "/field-assignments").then().statusCode(200)
                .body("items.title", contains("ฝึกปฏิบัติภาคสนาม: คลิปวิดีโอสั้นของหน่วยงาน"))
                .body("items[0].afterSessionId", equalTo(sessionId)).body("total", equalTo(1));
        api.as(oursToken).get("/field-assignments/" + assignmentId).then().statusCode(200)
                .body("brief", containsString("TikTok"));
        api.as(world.token(world.person(world.divisionId, "TRAINEE"))).get("/field-assignments/" + assignmentId).then()
                .statusCode(404);

        String text = "ผลิตคลิป \"สุขภาพดีเริ่มที่บ้าน\" ยอดชม 12,500 ครั้งในสัปดาห์แรก ผู้ชมส่วนใหญ่อายุ 18-24 ปี";
        Response first = report(oursToken, assignmentId, text, List.of("https://www.tiktok.com/@doh.example/video/7290000000000000001"));
        first.then().statusCode(201).header("Location", containsString("/api/v1/field-reports/"))
                .body("revision", equalTo(1)).body("latest", equalTo(true)).body("text", equalTo(text))
                .body("links", contains("https://www.tiktok.com/@doh.example/video/7290000000000000001"))
                .body("late", equalTo(true)).body("feedback", empty());
        String firstId = first.path("id");
        String secondId = report(oursToken, assignmentId, text + " (ฉบับแก้ไข)", List.of()).then().statusCode(201)
                .body("revision", equalTo(2)).extract().path("id");
        String theirsId = report(theirsToken, assignmentId, "คลิปแนะนำกรม", null).then().statusCode(201).extract().path("id");

        api.as(mentorToken).get("/field-assignments/" + assignmentId + "/reports").then().statusCode(200)
                .body("total", equalTo(3)).body("items.id", contains(theirsId, secondId, firstId));
        api.as(mentorToken).queryParam("latest", true).get("/field-assignments/" + assignmentId + "/reports").then()
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(theirsId, secondId));
        api.as(mentorToken).get("/field-reports/" + firstId).then().statusCode(200).body("latest", equalTo(false));

        Response feedback = api.as(mentorToken).body(Map.of("text", "เล่าเรื่องได้ดีมาก ลองเพิ่มคำบรรยายภาษาไทยในคลิป"))
                .post("/field-reports/" + secondId + "/feedback");
        feedback.then().statusCode(201).body("authorId", equalTo(mentor.id()))
                .body("authorName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์")).body("createdAt", containsString("+07:00"));
        api.as(mentorToken).body(Map.of("text", "ติดตามยอดชมอีกครั้งหลัง 30 วัน")).post("/field-reports/" + secondId + "/feedback")
                .then().statusCode(201);
        api.as(oursToken).get("/field-reports/" + secondId).then().statusCode(200)
                .body("feedback.text", contains("เล่าเรื่องได้ดีมาก ลองเพิ่มคำบรรยายภาษาไทยในคลิป", "ติดตามยอดชมอีกครั้งหลัง 30 วัน"));

        // trainees see their own, HR its own staff's, nobody else anything
        api.as(oursToken).get("/field-assignments/" + assignmentId + "/reports").then().statusCode(200)
                .body("items.id", contains(secondId, firstId));
        api.as(oursToken).get("/field-reports/" + theirsId).then().statusCode(404);
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).get("/field-assignments/" + assignmentId + "/reports").then().body("total", equalTo(2));
        api.as(hr).get("/field-reports/" + secondId).then().statusCode(200);
        api.as(hr).get("/field-reports/" + theirsId).then().statusCode(404);
        String unrelatedHr = world.token(world.person(world.organization("กระทรวงอื่นอีก", "MINISTRY", null), "HR"));
        api.as(unrelatedHr).get("/field-assignments/" + assignmentId + "/reports").then().statusCode(200).body("total", equalTo(0));
        String otherMentor = world.token(trainerOf(cohort()));
        api.as(otherMentor).get("/field-reports/" + secondId).then().statusCode(404);
        api.as(otherMentor).body(Map.of("text", "x")).post("/field-reports/" + secondId + "/feedback").then().statusCode(404);
        api.as(oursToken).body(Map.of("text", "x")).post("/field-reports/" + secondId + "/feedback").then().statusCode(403);
        api.as(hr).body(Map.of("text", "x")).post("/field-reports/" + secondId + "/feedback").then().statusCode(403);
        api.as(mentorToken).body(Map.of("text", " ")).post("/field-reports/" + secondId + "/feedback").then().statusCode(400);
        api.as(mentorToken).get("/field-reports/" + secondId + "/file").then().statusCode(404);
    }

    @Test
    void onlyTrueOrFalseLeavesOutSupersededReports() {
        String cohortId = cohort();
        String mentor = world.token(trainerOf(cohortId));
        String trainee = world.token(seated(cohortId, world.divisionId));
        String assignmentId = api.as(organiser).body(Map.of("title", "ก", "dueOn", "2030-01-31"))
                .post("/cohorts/" + cohortId + "/field-assignments").then().statusCode(201).extract().path("id");
        report(trainee, assignmentId, "ฉบับแรก", null).then().statusCode(201);
        String current = report(trainee, assignmentId, "ฉบับแก้ไข", null).then().statusCode(201).extract().path("id");
        String reports = "/field-assignments/" + assignmentId + "/reports";

        for (String latest : List.of("true", "TRUE", "True")) {
            api.as(mentor).queryParam("latest", latest).get(reports).then().statusCode(200)
                    .body("total", equalTo(1)).body("items.id", contains(current));
        }
        for (String every : List.of("false", "False", "")) {
            api.as(mentor).queryParam("latest", every).get(reports).then().statusCode(200).body("total", equalTo(2));
        }
        api.as(mentor).get(reports).then().statusCode(200).body("total", equalTo(2));
        // read as false before: the superseded revisions came back to someone who asked to leave them out
        for (String unclear : List.of("yes", "1", "y", "on")) {
            api.as(mentor).queryParam("latest", unclear).get(reports).then().statusCode(400)
                    .contentType(containsString("application/problem+json"))
                    .body("errors[0].field", equalTo("latest")).body("errors[0].message", equalTo("must be true or false"));
        }
    }

    @Test
    void badFieldWorkRequestsAreClearErrors() {
        String cohortId = cohort();
        String trainer = world.token(trainerOf(cohortId));
        String trainee = world.token(seated(cohortId, world.divisionId));
        String otherCohortsSession = session(cohort(), 1, Duration.ofDays(-2), Duration.ofHours(7));
        String sessionId = session(cohortId, 1, Duration.ofDays(-2), Duration.ofHours(7));
        String assignments = "/cohorts/" + cohortId + "/field-assignments";

        api.as(organiser).body(Map.of("title", "ก", "dueOn", "2030-01-31", "afterSessionId", otherCohortsSession))
                .post(assignments).then().statusCode(422).body("errors[0].field", equalTo("afterSessionId"));
        api.as(organiser).body(Map.of("title", "ก", "dueAt", OffsetDateTime.now(BANGKOK).minusDays(5).toString(),
                "afterSessionId", sessionId)).post(assignments).then().statusCode(422).body("errors[0].field", equalTo("dueAt"));
        api.as(organiser).body(Map.of("title", "ก", "dueOn", "2030-01-31", "dueAt", "2030-01-31T12:00:00+07:00"))
                .post(assignments).then().statusCode(400).body("errors[0].field", equalTo("dueAt"));
        api.as(organiser).body(Map.of("title", "ก")).post(assignments).then().statusCode(400)
                .body("errors[0].field", equalTo("dueOn"));
        api.as(trainer).body(Map.of("title", "ก", "dueOn", "2030-01-31")).post(assignments).then().statusCode(403);
        String assignmentId = api.as(organiser).body(Map.of("title", "ก", "dueAt", "2030-01-31T12:00:00+07:00"))
                .post(assignments).then().statusCode(201).body("dueAt", equalTo("2030-01-31T12:00:00+07:00"))
                .body("dueOn", equalTo("2030-01-31")).extract().path("id");
        // due at midnight, Bangkok time, sent in UTC: due by the end of the 31st, which dueOn says (it said 1 February)
        api.as(organiser).body(Map.of("title", "ข", "dueAt", "2030-01-31T17:00:00Z")).post(assignments).then().statusCode(201)
                .body("dueAt", equalTo("2030-02-01T00:00:00+07:00")).body("dueOn", equalTo("2030-01-31"));

        report(trainee, assignmentId, "ลิงก์ไม่ถูก", List.of("https://ok.example.org/a", "javascript:alert(1)")).then()
                .statusCode(400).body("errors[0].field", equalTo("links[1]"));
        report(trainee, assignmentId, " ", List.of()).then().statusCode(400).body("errors[0].field", equalTo("text"));
        // twenty long links with Thai in them do not fit their column: a 400, not a 500
        List<String> long20 = java.util.Collections.nCopies(20, "https://www.tiktok.com/" + "ข่าวสุขภาพ".repeat(190));
        report(trainee, assignmentId, "ลิงก์ยาว", long20).then().statusCode(400).body("errors[0].field", equalTo("links"))
                .contentType(containsString("problem+json"));
        report(trainee, assignmentId, "x".repeat(20001), null).then().statusCode(400);
        report(world.token(world.person(world.divisionId, "TRAINEE")), assignmentId, "ไม่ได้ลงทะเบียน", null).then()
                .statusCode(404);
        report(trainer, assignmentId, "วิทยากรส่งไม่ได้", null).then().statusCode(403);
        report(trainee, UUID.randomUUID().toString(), "ไม่มีงานนี้", null).then().statusCode(404);
        report(trainee, assignmentId, "ทันเวลา", null).then().statusCode(201).body("late", equalTo(false));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM field_report WHERE assignment_id = ?", assignmentId)).isEqualTo(1);
    }

    // --- files

    /** A PDF as far as magic bytes go, of the given size. */
    private static byte[] pdf(int size) {
        byte[] bytes = new byte[size];
        Arrays.fill(bytes, (byte) ' ');
        byte[] head = "%PDF-1.4\n%âãÏÓ\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(head, 0, bytes, 0, head.length);
        byte[] tail = "\n%%EOF\n".getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(tail, 0, bytes, size - tail.length, tail.length);
        return bytes;
    }

    private static MultiPartSpecification text(String name, String value) {
        return new MultiPartSpecBuilder(value).controlName(name).mimeType("text/plain").charset(StandardCharsets.UTF_8).build();
    }

    private RequestSpecification form(String token) {
        return api.as(token).contentType("multipart/form-data");
    }

    @Test
    void aReportCarriesAFileCheckedByItsContent() {
        String cohortId = cohort();
        String mentor = world.token(trainerOf(cohortId));
        World.Person trainee = seated(cohortId, world.divisionId);
        String token = world.token(trainee);
        String assignmentId = assignment(cohortId, null);
        String reports = "/field-assignments/" + assignmentId + "/reports";
        byte[] document = pdf(40_000);
        String text = "สรุปผลการลงพื้นที่ จังหวัดนนทบุรี: ผู้ชม ๑๒,๕๐๐ ครั้ง";

        Response submitted = form(token)
                .multiPart(text("text", text))
                .multiPart(text("links", "https://www.tiktok.com/@doh.example/video/7290000000000000002"))
                .multiPart(text("links", "https://www.facebook.com/doh.example/videos/1"))
                .multiPart("file", "field-report.pdf", document, "application/pdf")
                .post(reports);
        submitted.then().statusCode(201)
                .body("text", equalTo(text))
                .body("links", hasSize(2))
                .body("file.name", equalTo("field-report.pdf"))
                .body("file.mediaType", equalTo("application/pdf"))
                .body("file.sizeBytes", equalTo(document.length));
        String id = submitted.path("id");

        Response download = api.as(mentor).accept("*/*").get("/field-reports/" + id + "/file");
        download.then().statusCode(200)
                .contentType(containsString("application/pdf"))
                .header("Content-Disposition", containsString("attachment"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        assertThat(download.asByteArray()).isEqualTo(document);
        api.as(token).accept("*/*").get("/field-reports/" + id + "/file").then().statusCode(200);
        api.as(world.token(seated(cohortId, world.divisionId))).accept("*/*").get("/field-reports/" + id + "/file").then()
                .statusCode(404);

        long reportsBefore = TestDatabase.count("SELECT COUNT(*) FROM field_report WHERE person_id = ?", trainee.id());
        long filesBefore = TestDatabase.count("SELECT COUNT(*) FROM stored_file WHERE uploaded_by = ?", trainee.id());
        byte[] page = "<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
                .getBytes(StandardCharsets.UTF_8);
        form(token).multiPart(text("text", "ไฟล์ปลอม")).multiPart("file", "report.pdf", page, "application/pdf").post(reports)
                .then().statusCode(415).contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("file"));
        byte[] program = new byte[4096];
        System.arraycopy(new byte[]{0x7F, 'E', 'L', 'F', 2, 1, 1, 0}, 0, program, 0, 8);
        form(token).multiPart("file", "report.pdf", program, "application/pdf").post(reports).then().statusCode(415);
        form(token).multiPart("file", "big.pdf", pdf(1_048_577), "application/pdf").post(reports).then().statusCode(413)
                .body("errors[0].field", equalTo("file"));
        form(token).multiPart(text("text", "ลิงก์เสีย")).multiPart(text("links", "file:///etc/passwd")).post(reports).then()
                .statusCode(400).body("errors[0].field", equalTo("links[0]"));
        form(token).multiPart(text("comment", "x")).post(reports).then().statusCode(400)
                .body("errors[0].field", equalTo("comment"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM field_report WHERE person_id = ?", trainee.id())).isEqualTo(reportsBefore);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stored_file WHERE uploaded_by = ?", trainee.id())).isEqualTo(filesBefore);

        // a browser form with its file input left empty still sends the part, with no name
        form(token).multiPart(text("text", "แก้ไขข้อความ")).multiPart("file", "", new byte[0], "application/octet-stream")
                .post(reports).then().statusCode(201).body("revision", equalTo(2)).body("file", nullValue());
    }

    @Test
    void aFormsEmptyLinkInputsAreNoLinks() {
        String cohortId = cohort();
        String token = world.token(seated(cohortId, world.divisionId));
        String reports = "/field-assignments/" + assignment(cohortId, null) + "/reports";

        // a browser form with three link inputs, one filled in, and its file input left empty
        form(token).multiPart(text("text", "สรุปผลการลงพื้นที่")).multiPart(text("links", ""))
                .multiPart(text("links", "https://www.tiktok.com/@doh.example/video/7290000000000000003"))
                .multiPart(text("links", " ")).multiPart("file", "", new byte[0], "application/octet-stream")
                .post(reports).then().statusCode(201)
                .body("links", contains("https://www.tiktok.com/@doh.example/video/7290000000000000003"))
                .body("file", nullValue());
    }

    // --- personal data

    @Test
    void personalDataExportShowsWorkshopsAndErasureKeepsAttendanceButNotTheWork() {
        String cohortId = cohort();
        String mentor = world.token(trainerOf(cohortId));
        World.Person trainee = seated(cohortId, world.divisionId);
        String token = world.token(trainee);
        String sessionId = session(cohortId, 1, Duration.ofDays(-2), Duration.ofHours(7));
        record(mentor, sessionId, trainee.id(), "PRESENT").then().statusCode(200);
        String assignmentId = assignment(cohortId, null);
        String reportId = form(token).multiPart(text("text", "งานของนางสาวกัญญ์ณัฏฐ์"))
                .multiPart(text("links", "https://www.tiktok.com/@kanyanat/video/1"))
                .multiPart("file", "work.pdf", pdf(2048), "application/pdf")
                .post("/field-assignments/" + assignmentId + "/reports").then().statusCode(201).extract().path("id");
        api.as(mentor).body(Map.of("text", "คุณกัญญ์ณัฏฐ์ทำได้ดี")).post("/field-reports/" + reportId + "/feedback").then()
                .statusCode(201);

        api.as(token).get("/people/" + trainee.id() + "/personal-data").then().statusCode(200)
                .body("workshops.attendance[0].status", equalTo("PRESENT"))
                .body("workshops.fieldReports[0].text", equalTo("งานของนางสาวกัญญ์ณัฏฐ์"))
                .body("workshops.fieldReports[0].feedbackReceived[0].text", equalTo("คุณกัญญ์ณัฏฐ์ทำได้ดี"));

        api.as(world.adminToken()).delete("/people/" + trainee.id() + "/personal-data").then().statusCode(204);
        api.as(mentor).get("/field-reports/" + reportId).then().statusCode(200)
                .body("text", nullValue()).body("links", empty()).body("file", nullValue()).body("feedback", empty());
        // nor does feedback come back about the erased person
        api.as(mentor).body(Map.of("text", "คุณกัญญ์ณัฏฐ์ส่งงานครบ")).post("/field-reports/" + reportId + "/feedback").then()
                .statusCode(422).body("type", containsString("report-author-erased"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM field_report_feedback WHERE report_id = ?", reportId)).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stored_file WHERE uploaded_by = ?", trainee.id())).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM attendance_record WHERE person_id = ?", trainee.id())).isEqualTo(1);
        api.as(mentor).get("/cohorts/" + cohortId + "/attendance").then()
                .body("rows[0].attendancePercent", equalTo(100.0f));
    }

    @Test
    void theOpenApiDocumentDescribesTheWorkshopEndpoints() {
        api.root().accept("application/json").get("/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/cohorts/{id}/sessions"))
                .body("paths.keySet()", hasItem("/api/v1/sessions/{id}/check-in"))
                .body("paths.keySet()", hasItem("/api/v1/cohorts/{id}/attendance"))
                .body("paths.keySet()", hasItem("/api/v1/field-assignments/{id}/reports"))
                .body("paths.keySet()", hasItem("/api/v1/field-reports/{id}/feedback"));
    }
}
