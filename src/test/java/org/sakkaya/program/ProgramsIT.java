package org.sakkaya.program;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
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
import org.sakkaya.it.HeldRow;
import org.sakkaya.it.Pages;
import org.sakkaya.it.TestDatabase;
import org.sakkaya.it.World;

/** Programmes, cohorts, trainers and enrolment as the organiser, HR, trainers and trainees use them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ProgramsIT {
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

    private String program() {
        Map<String, Object> body = Map.of("code", "DS-" + world.tag() + UUID.randomUUID().toString().substring(0, 13),
                "nameTh", "นักวิทยาการข้อมูล (Data Scientist)", "nameEn", "Data Scientist", "track", "DATA_SCIENCE",
                "competencies", List.of(Map.of("code", "DS-STAT", "nameTh", "สถิติสำหรับวิทยาการข้อมูล"),
                        Map.of("code", "DS-ML", "nameTh", "การเรียนรู้ของเครื่อง")));
        return api.as(organiser).body(body).post("/programs").then().statusCode(201).extract().path("id");
    }

    private String cohort(String programId, int number, String startsOn, String endsOn, Integer capacity, boolean open) {
        Map<String, Object> body = new HashMap<>();
        body.put("programId", programId);
        body.put("number", number);
        body.put("nameTh", "นักวิทยาการข้อมูล รุ่นที่ " + number);
        body.put("organizerId", world.departmentId);
        body.put("startsOn", startsOn);
        body.put("endsOn", endsOn);
        body.put("capacity", capacity);
        body.put("enrollmentOpen", open);
        body.put("passPolicy", Map.of("minScorePercent", 60, "minAttendancePercent", 80));
        return api.as(organiser).body(body).post("/cohorts").then().statusCode(201).extract().path("id");
    }

    private Response enrol(String token, String cohortId, String personId) {
        return api.as(token).body(Map.of("personId", personId)).post("/cohorts/" + cohortId + "/enrollments");
    }

    // --- programmes and cohorts

    @Test
    void competencyCodesAreOneCodeWhateverTheirCaseAndSpaces() {
        String programId = program();
        // the column's unique key ignores case and trailing spaces: this answered a 409 naming no field at the commit
        api.as(organiser).body(Map.of("competencies", List.of(Map.of("code", "DS-VIZ", "nameTh", "การนำเสนอข้อมูลด้วยภาพ"),
                        Map.of("code", "ds-viz ", "nameTh", "การนำเสนอข้อมูล"))))
                .patch("/programs/" + programId).then().statusCode(400).body("errors[0].field", equalTo("competencies"));
        api.as(organiser).body(Map.of("competencies", List.of(Map.of("code", " DS-VIZ ", "nameTh", "การนำเสนอข้อมูลด้วยภาพ"))))
                .patch("/programs/" + programId).then().statusCode(200).body("competencies.code", contains("DS-VIZ"));
    }

    @Test
    void aPatchWithTheETagItReadIsRefusedWhenSomeoneSavedTheRecordSinceAndOverwritesNothing() {
        String programId = program();
        String first = api.as(organiser).get("/programs/" + programId).then().statusCode(200).extract().header("ETag");
        assertThat(first).matches("\"[0-9]+\"");
        // two programme admins read it; the first replaces the competencies
        String second = api.as(organiser).header("If-Match", first)
                .body(Map.of("competencies", List.of(Map.of("code", "DS-VIZ", "nameTh", "การนำเสนอข้อมูลด้วยภาพ"))))
                .patch("/programs/" + programId).then().statusCode(200).body("competencies.code", contains("DS-VIZ"))
                .extract().header("ETag");
        assertThat(second).isNotEqualTo(first);
        api.as(organiser).get("/programs/" + programId).then().header("ETag", equalTo(second));
        // the other, with what it read before, would have put the old list back unseen: 412, nothing written
        api.as(organiser).header("If-Match", first)
                .body(Map.of("nameTh", "ชื่อใหม่", "competencies", List.of(Map.of("code", "DS-STAT", "nameTh", "สถิติ"))))
                .patch("/programs/" + programId).then().statusCode(412)
                .contentType(containsString("application/problem+json")).body("type", endsWith("record-changed"));
        api.as(organiser).get("/programs/" + programId).then().statusCode(200)
                .body("competencies.code", contains("DS-VIZ")).body("nameTh", equalTo("นักวิทยาการข้อมูล (Data Scientist)"))
                .header("ETag", equalTo(second));
        // "*" and a list holding the current tag are taken; without If-Match a PATCH is applied as before
        api.as(organiser).header("If-Match", "\"0\", " + second).body(Map.of("nameEn", "Data Scientist 2"))
                .patch("/programs/" + programId).then().statusCode(200);
        api.as(organiser).body(Map.of("nameEn", "Data Scientist 3")).patch("/programs/" + programId).then().statusCode(200);
        // a keyed PATCH retried after a lost answer gets the answer again with its ETag, to send with the next change
        String now = api.as(organiser).get("/programs/" + programId).then().extract().header("ETag");
        String key = UUID.randomUUID().toString();
        String applied = api.as(organiser).header("Idempotency-Key", key).header("If-Match", now).body(Map.of("nameEn", "Data Scientist 4"))
                .patch("/programs/" + programId).then().statusCode(200).extract().header("ETag");
        api.as(organiser).header("Idempotency-Key", key).header("If-Match", now).body(Map.of("nameEn", "Data Scientist 4"))
                .patch("/programs/" + programId).then().statusCode(200).header("Idempotent-Replayed", equalTo("true"))
                .header("ETag", equalTo(applied));

        // a cohort's pass policy, a list replaced whole, the same way; a change to it alone moves the tag on
        String cohortId = cohort(programId, 1, "2020-11-23", "2020-11-26", 40, true);
        String read = api.as(organiser).get("/cohorts/" + cohortId).then().statusCode(200).extract().header("ETag");
        String changed = api.as(organiser).header("If-Match", read)
                .body(Map.of("passPolicy", Map.of("minScorePercent", 70, "minAttendancePercent", 80)))
                .patch("/cohorts/" + cohortId).then().statusCode(200).body("passPolicy.minScorePercent", equalTo(70))
                .extract().header("ETag");
        assertThat(changed).isNotEqualTo(read);
        api.as(organiser).header("If-Match", read).body(Map.of("passPolicy", Map.of("minScorePercent", 50)))
                .patch("/cohorts/" + cohortId).then().statusCode(412).body("type", endsWith("record-changed"));
        api.as(organiser).get("/cohorts/" + cohortId).then().body("passPolicy.minScorePercent", equalTo(70.0f))
                .header("ETag", equalTo(changed));
    }

    @Test
    void anOrganiserCreatesAProgrammeWithItsCompetencies() {
        String id = program();
        String trainee = world.token(world.person(world.divisionId, "TRAINEE"));
        api.as(trainee).get("/programs/" + id).then().statusCode(200)
                .body("nameTh", equalTo("นักวิทยาการข้อมูล (Data Scientist)"))
                .body("track", equalTo("DATA_SCIENCE"))
                .body("competencies.code", containsInAnyOrder("DS-STAT", "DS-ML"))
                .body("competencies[1].nameTh", equalTo("การเรียนรู้ของเครื่อง"));
        api.as(organiser).body(Map.of("competencies", List.of(Map.of("code", "A", "nameTh", "ก"), Map.of("code", "A", "nameTh", "ข"))))
                .patch("/programs/" + id).then().statusCode(400).body("errors[0].field", equalTo("competencies"));
        api.as(trainee).body(Map.of("code", "X", "nameTh", "x", "track", "OTHER")).post("/programs").then().statusCode(403);
        api.as(organiser).body(Map.of("code", "X" + world.tag(), "nameTh", "x", "track", "COOKING")).post("/programs").then().statusCode(400);
    }

    @Test
    void cohortsAreFilteredByBuddhistEraFiscalYear() {
        String programId = program();
        String lastDayOf2563 = cohort(programId, 1, "2020-09-30", "2020-09-30", 10, false);
        String firstDayOf2564 = cohort(programId, 2, "2020-10-01", "2020-10-02", 10, false);
        String november = cohort(programId, 3, "2020-11-23", "2020-11-26", 30, false);

        Response fy2564 = api.as(organiser).queryParam("programId", programId).queryParam("fiscalYear", 2564).get("/cohorts");
        fy2564.then().statusCode(200).body("total", equalTo(2));
        assertThat(fy2564.jsonPath().getList("items.id", String.class)).containsExactly(firstDayOf2564, november);
        api.as(organiser).queryParam("programId", programId).queryParam("fiscalYear", 2563).get("/cohorts").then()
                .body("items.id", containsInAnyOrder(lastDayOf2563)).body("items[0].fiscalYear", equalTo(2563));
        api.as(organiser).queryParam("fiscalYear", 2021).get("/cohorts").then().statusCode(400)
                .body("errors[0].field", equalTo("fiscalYear")).body("detail", containsString("2564"));
    }

    /**
     * Sends the PATCH while a transaction of the test holds the programme's row with its version moved on: the PATCH
     * reads the old version, waits at its UPDATE for that lock, and finds the row changed once the test commits, as
     * when two administrators save at the same moment.
     */
    private Response patchLosingARace(String id, Map<String, Object> patch, String key) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection other = TestDatabase.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement bump = other.prepareStatement("UPDATE program SET version = version + 1 WHERE id = ?")) {
                bump.setString(1, id);
                assertThat(bump.executeUpdate()).isEqualTo(1);
            }
            Future<Response> answer = pool.submit(() -> {
                RequestSpecification request = api.as(organiser).body(patch);
                return (key == null ? request : request.header("Idempotency-Key", key)).patch("/programs/" + id);
            });
            // the PATCH's UPDATE shows in the process list (InnoDB's own transaction table is a cache that may lag)
            long waitUntil = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(40);
            while (TestDatabase.count("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE CONCAT('UPDATE program %', ?, '%')", id) == 0) {
                assertThat(answer.isDone()).as("the PATCH answered before it reached its UPDATE").isFalse();
                assertThat(System.nanoTime()).as("the PATCH reached its UPDATE").isLessThan(waitUntil);
                Thread.sleep(20);
            }
            other.commit();
            return answer.get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void aPatchThatLosesARaceGetsTheSameConflictWithAnIdempotencyKeyAsWithout() throws Exception {
        String id = program();
        Map<String, Object> patch = Map.of("nameTh", "นักวิทยาการข้อมูลขั้นสูง");
        // without a key the conflict shows when the use case commits
        patchLosingARace(id, patch, null).then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:sakkaya:problem:concurrent-update"));
        // with a key it shows at the flush before the answer is recorded: the same 409, not a 500
        String key = UUID.randomUUID().toString();
        patchLosingARace(id, patch, key).then().statusCode(409).contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:sakkaya:problem:concurrent-update"));
        // nothing half-written: not the change, not its audit event, not the key as a success
        api.as(organiser).get("/programs/" + id).then().statusCode(200).body("nameTh", equalTo("นักวิทยาการข้อมูล (Data Scientist)"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PROGRAM_CHANGED' AND subject_id = ?", id)).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM idempotent_request WHERE idem_key = ?", key)).isZero();
        // so the client's retry with the same key is applied now, once
        api.as(organiser).header("Idempotency-Key", key).body(patch).patch("/programs/" + id).then().statusCode(200)
                .header("Idempotent-Replayed", nullValue()).body("nameTh", equalTo("นักวิทยาการข้อมูลขั้นสูง"));
        api.as(organiser).header("Idempotency-Key", key).body(patch).patch("/programs/" + id).then().statusCode(200)
                .header("Idempotent-Replayed", "true");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PROGRAM_CHANGED' AND subject_id = ?", id)).isEqualTo(1);
    }

    @Test
    void aKeyedWriteWithAQueryLongerThanTheKeptPathIsAppliedAndAnsweredAgain() {
        // the path and query are kept with the answer; 2,500 characters of query were "in use, retry later" for ever
        String code = "DS-" + world.tag() + UUID.randomUUID().toString().substring(0, 13);
        Map<String, Object> body = Map.of("code", code, "nameTh", "นักวิทยาการข้อมูล", "track", "DATA_SCIENCE");
        String key = UUID.randomUUID().toString();
        String note = "x".repeat(2500);
        String id = api.as(organiser).header("Idempotency-Key", key).queryParam("note", note).body(body).post("/programs").then()
                .statusCode(201).header("Idempotent-Replayed", nullValue()).extract().path("id");
        api.as(organiser).header("Idempotency-Key", key).queryParam("note", note).body(body).post("/programs").then()
                .statusCode(201).header("Idempotent-Replayed", "true").body("id", equalTo(id));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM program WHERE code = ?", code)).isEqualTo(1);
        // keys that are not keys: longer than the kept key, or not ASCII; nothing applied
        api.as(organiser).header("Idempotency-Key", "k".repeat(256)).body(Map.of("code", code + "X", "nameTh", "x", "track", "OTHER"))
                .post("/programs").then().statusCode(400).body("errors[0].field", equalTo("Idempotency-Key"));
        // (a client sends é as its ISO-8859-1 byte, where Thai letters would go as '?')
        api.as(organiser).header("Idempotency-Key", "clé-é").body(Map.of("code", code + "X", "nameTh", "x", "track", "OTHER"))
                .post("/programs").then().statusCode(400); // by Payara's HTTP layer, before the application
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM program WHERE code = ?", code + "X")).isZero();
    }

    @Test
    void aCohortKeepsItsThaiNameDatesAndPassPolicy() {
        String programId = program();
        String id = cohort(programId, 1, "2020-11-23", "2020-11-26", 30, true);
        api.as(world.token(world.person(world.divisionId, "TRAINEE"))).get("/cohorts/" + id).then().statusCode(200)
                .body("nameTh", equalTo("นักวิทยาการข้อมูล รุ่นที่ 1"))
                .body("startsOn", equalTo("2020-11-23"))
                .body("endsOn", equalTo("2020-11-26"))
                .body("passPolicy.minScorePercent", equalTo(60.0f))
                .body("fiscalYear", equalTo(2564));
        api.as(organiser).body(Map.of("endsOn", "2020-11-01")).patch("/cohorts/" + id).then().statusCode(422)
                .body("errors[0].field", equalTo("endsOn"));
        api.as(organiser).body(Map.of("passPolicy", Map.of("minScorePercent", 101))).patch("/cohorts/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("passPolicy.minScorePercent"));
        Map<String, Object> duplicate = new HashMap<>(Map.of("programId", programId, "number", 1, "nameTh", "ซ้ำ",
                "organizerId", world.departmentId, "startsOn", "2021-01-01", "endsOn", "2021-01-02"));
        api.as(organiser).body(duplicate).post("/cohorts").then().statusCode(409).body("errors[0].field", equalTo("number"));
        duplicate.put("programId", UUID.randomUUID().toString());
        api.as(organiser).body(duplicate).post("/cohorts").then().statusCode(404);
    }

    @Test
    void aPassPolicyNamingAssessmentsThatAreNotTheCohortsIsRefusedAndWritesNothingThaiOrNot() {
        String programId = program();
        // a Thai id answered 500: the cohort was written first, and its ASCII column refused the id at the flush
        // not an id at all (Thai, any text, an id in capitals): refused as such, naming the element
        String foreign = UUID.randomUUID().toString();
        for (String junk : List.of("ก", "no-such-assessment", foreign.toUpperCase(Locale.ROOT), foreign)) {
            Map<String, Object> body = new HashMap<>(Map.of("programId", programId, "number", 1, "nameTh", "รุ่นที่ 1",
                    "organizerId", world.departmentId, "startsOn", "2020-11-23", "endsOn", "2020-11-26",
                    "passPolicy", Map.of("minScorePercent", 60, "requiredAssessmentIds", List.of(junk))));
            refusedAsNotTheCohorts(api.as(organiser).body(body).post("/cohorts").then(), junk, foreign);
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM cohort WHERE program_id = ?", programId)).isZero();
        String id = cohort(programId, 1, "2020-11-23", "2020-11-26", 30, false);
        for (String junk : List.of("ก", "no-such-assessment", foreign.toUpperCase(Locale.ROOT), foreign)) {
            refusedAsNotTheCohorts(api.as(organiser).body(Map.of("nameTh", "ชื่อใหม่", "passPolicy",
                    Map.of("minScorePercent", 70, "requiredAssessmentIds", List.of(junk)))).patch("/cohorts/" + id).then(), junk, foreign);
        }
        api.as(organiser).get("/cohorts/" + id).then().statusCode(200).body("nameTh", equalTo("นักวิทยาการข้อมูล รุ่นที่ 1"))
                .body("passPolicy.minScorePercent", equalTo(60.0f)).body("passPolicy.requiredAssessmentIds", hasSize(0));
    }

    /** An id of no assessment of the cohort is refused naming it; anything that is no id at all, as such. */
    private static void refusedAsNotTheCohorts(ValidatableResponse response, String junk, String foreign) {
        response.statusCode(400).contentType(containsString("problem+json"));
        if (junk.equals(foreign)) {
            response.body("errors[0].field", equalTo("passPolicy.requiredAssessmentIds")).body("errors[0].message", containsString(junk));
        } else {
            response.body("errors[0].field", equalTo("passPolicy.requiredAssessmentIds[0]")).body("errors[0].message", equalTo("must be an id"));
        }
    }

    @Test
    void idsInABodyThatCannotNameARecordAreRefusedNamingTheirField() {
        String programId = program();
        // ids are ASCII: one in Thai or an emoji answered a bare 400 "bad-id" from the database's refusal to compare it
        Map<String, Object> body = new HashMap<>(Map.of("programId", "ก", "number", 1, "nameTh", "รุ่นที่ 1",
                "organizerId", world.departmentId, "startsOn", "2020-11-23", "endsOn", "2020-11-26"));
        api.as(organiser).body(body).post("/cohorts").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors[0].field", equalTo("programId"));
        body.put("programId", programId);
        body.put("organizerId", "กรมอนามัย");
        api.as(organiser).body(body).post("/cohorts").then().statusCode(400).body("errors[0].field", equalTo("organizerId"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM cohort WHERE program_id = ?", programId)).isZero();
        String id = cohort(programId, 1, "2020-11-23", "2020-11-26", 30, true);
        api.as(organiser).body(Map.of("organizerId", "\uD83D\uDE00")).patch("/cohorts/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("organizerId"));
        enrol(organiser, id, "ผู้เข้าอบรม").then().statusCode(400).body("errors[0].field", equalTo("personId"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ?", id)).isZero();
    }

    @Test
    void onlyPeopleWithTheTrainerRoleTrainACohort() {
        String id = cohort(program(), 1, "2020-11-23", "2020-11-26", 30, false);
        World.Person trainer = world.person(world.divisionId, "TRAINER");
        World.Person notATrainer = world.person(world.divisionId, "TRAINEE");
        api.as(organiser).put("/cohorts/" + id + "/trainers/" + trainer.id()).then().statusCode(200)
                .body("trainerIds", containsInAnyOrder(trainer.id()));
        api.as(organiser).put("/cohorts/" + id + "/trainers/" + trainer.id()).then().statusCode(200).body("trainerIds", hasSize(1));
        api.as(organiser).put("/cohorts/" + id + "/trainers/" + notATrainer.id()).then().statusCode(422);
        api.as(organiser).put("/cohorts/" + id + "/trainers/" + UUID.randomUUID()).then().statusCode(404);
        api.as(world.token(trainer)).put("/cohorts/" + id + "/trainers/" + trainer.id()).then().statusCode(403);
        api.as(organiser).delete("/cohorts/" + id + "/trainers/" + trainer.id()).then().statusCode(200).body("trainerIds", hasSize(0));
    }

    // --- enrolment

    @Test
    void hrNominatesItsOwnStaffAndTheOrganiserApproves() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String id = cohort(program(), 1, today.plusDays(30).toString(), today.plusDays(34).toString(), 30, false);
        String hr = world.token(world.person(world.departmentId, "HR"));
        World.Person staff = world.person(world.divisionId, "TRAINEE");
        String otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
        World.Person outsider = world.person(otherDepartment, "TRAINEE");

        Response nominated = enrol(hr, id, staff.id());
        nominated.then().statusCode(201).body("status", equalTo("NOMINATED"))
                .header("Location", containsString("/api/v1/enrollments/"));
        enrol(hr, id, outsider.id()).then().statusCode(404);
        enrol(hr, id, staff.id()).then().statusCode(409);

        String enrollmentId = nominated.path("id");
        api.as(hr).post("/enrollments/" + enrollmentId + "/approve").then().statusCode(403);
        api.as(organiser).post("/enrollments/" + enrollmentId + "/approve").then().statusCode(200)
                .body("status", equalTo("ENROLLED"))
                .body("personName", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"))
                .body("organizationId", equalTo(world.divisionId));
        api.as(organiser).post("/enrollments/" + enrollmentId + "/approve").then().statusCode(409);
    }

    @Test
    void aTraineeEnrolsThemselfOnlyWhileEnrolmentIsOpen() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String open = cohort(program(), 1, today.plusDays(14).toString(), today.plusDays(18).toString(), 30, true);
        String closed = cohort(program(), 1, today.plusDays(14).toString(), today.plusDays(18).toString(), 30, false);
        World.Person me = world.person(world.divisionId, "TRAINEE");
        World.Person colleague = world.person(world.divisionId, "TRAINEE");
        String token = world.token(me);
        enrol(token, closed, me.id()).then().statusCode(422).body("type", containsString("enrollment-closed"));
        enrol(token, open, colleague.id()).then().statusCode(403);
        String enrollmentId = enrol(token, open, me.id()).then().statusCode(201).body("status", equalTo("ENROLLED")).extract().path("id");
        api.as(token).get("/me/enrollments").then().statusCode(200).body("items.id", hasItem(enrollmentId)).body("total", equalTo(1));
        api.as(world.token(colleague)).get("/enrollments/" + enrollmentId).then().statusCode(404);
        api.as(token).post("/enrollments/" + enrollmentId + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        enrol(token, open, me.id()).then().statusCode(201).body("status", equalTo("ENROLLED")).body("id", equalTo(enrollmentId));
    }

    @Test
    void aFullCohortWaitlistsAndAWithdrawalPromotesTheFirstInLine() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String id = cohort(program(), 1, today.minusDays(10).toString(), today.plusDays(60).toString(), 2, false);
        List<World.Person> people = new ArrayList<>();
        List<String> enrollments = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            World.Person person = world.person(world.divisionId, "TRAINEE");
            people.add(person);
            enrollments.add(enrol(organiser, id, person.id()).then().statusCode(201).extract().path("id"));
        }
        api.as(organiser).queryParam("status", "WAITLISTED").get("/cohorts/" + id + "/enrollments").then()
                .body("total", equalTo(2)).body("items.id", containsInAnyOrder(enrollments.get(2), enrollments.get(3)));

        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).post("/enrollments/" + enrollments.get(0) + "/withdraw").then().statusCode(200);
        api.as(organiser).get("/enrollments/" + enrollments.get(2)).then().body("status", equalTo("ENROLLED"));
        api.as(organiser).get("/enrollments/" + enrollments.get(3)).then().body("status", equalTo("WAITLISTED"));

        api.as(organiser).body(Map.of("capacity", 3)).patch("/cohorts/" + id).then().statusCode(200);
        api.as(organiser).get("/enrollments/" + enrollments.get(3)).then().body("status", equalTo("ENROLLED"));
        api.as(organiser).post("/enrollments/" + enrollments.get(0) + "/withdraw").then().statusCode(409);
    }

    @Test
    void aCapacityBelowTheSeatsTakenIsRefusedAndChangesNothing() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String id = cohort(program(), 1, today.plusDays(10).toString(), today.plusDays(60).toString(), 4, false);
        for (int i = 0; i < 3; i++) {
            enrol(organiser, id, world.personWithoutPassword(world.divisionId)).then().statusCode(201).body("status", equalTo("ENROLLED"));
        }
        api.as(organiser).body(Map.of("capacity", 2)).patch("/cohorts/" + id).then().statusCode(422)
                .contentType(containsString("problem+json")).body("type", containsString("capacity-below-seats"))
                .body("errors[0].field", equalTo("capacity"));
        api.as(organiser).get("/cohorts/" + id).then().statusCode(200).body("capacity", equalTo(4));
        api.as(organiser).body(Map.of("capacity", 3)).patch("/cohorts/" + id).then().statusCode(200).body("capacity", equalTo(3));
        // a number that is not whole or does not fit is refused: 4294967336 was stored as 40, and 40.99 as 40
        for (String capacity : List.of("4294967336", "40.99", "\"4294967336\"", "\"สามสิบ\"")) {
            api.as(organiser).body("{\"capacity\":" + capacity + "}").patch("/cohorts/" + id).then().statusCode(400)
                    .contentType(containsString("problem+json")).body("errors[0].field", equalTo("capacity"))
                    .body("errors[0].message", containsString("whole number"));
        }
        // true or false: "ใช่", "yes" and 1 were read as false, and closed the enrolment a programme meant to open
        for (String open : List.of("\"ใช่\"", "\"yes\"", "1")) {
            api.as(organiser).body("{\"enrollmentOpen\":" + open + "}").patch("/cohorts/" + id).then().statusCode(400)
                    .body("errors[0].field", equalTo("enrollmentOpen")).body("errors[0].message", equalTo("must be true or false"));
        }
        // a value of no kind the field has names the field and the kinds, valid JSON as the body is
        api.as(organiser).body(Map.of("code", "X" + UUID.randomUUID().toString().substring(0, 8), "nameTh", "ทดสอบ", "track", "BOGUS"))
                .post("/programs").then().statusCode(400)
                .body("errors[0].field", equalTo("track")).body("errors[0].message", containsString("DATA_SCIENCE"));
        // a text given a true/false or a number, a number given a list: named, not stored as "true" (until 2026-11-27)
        api.as(organiser).body("{\"nameTh\":true}").patch("/cohorts/" + id).then().statusCode(400)
                .body("type", containsString("malformed-json"))
                .body("errors[0].field", equalTo("nameTh")).body("errors[0].message", equalTo("must be text"));
        api.as(organiser).body("{\"capacity\":[5]}").patch("/cohorts/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("capacity")).body("errors[0].message", equalTo("must be a number"));
        api.as(organiser).get("/cohorts/" + id).then().statusCode(200).body("capacity", equalTo(3)).body("nameTh", not(equalTo("true")));
        api.as(organiser).body("{\"capacity\":3.0}").patch("/cohorts/" + id).then().statusCode(200).body("capacity", equalTo(3));
    }

    @Test
    void onceACohortHasEndedOnlyTheOrganiserRecordsAWithdrawalAndNobodyMovesUpFromTheWaitlist() {
        String id = cohort(program(), 1, "2023-09-26", "2023-12-07", 1, false);
        World.Person seated = world.person(world.divisionId, "TRAINEE");
        // a seat in a cohort that has ended reads COMPLETED, also when the organiser records it after the fact
        String seat = enrol(organiser, id, seated.id()).then().statusCode(201).body("status", equalTo("COMPLETED")).extract().path("id");
        String waiting = enrol(organiser, id, world.person(world.divisionId, "TRAINEE").id()).then().statusCode(201)
                .body("status", equalTo("WAITLISTED")).extract().path("id");
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).post("/enrollments/" + seat + "/withdraw").then().statusCode(422)
                .contentType(containsString("problem+json")).body("type", containsString("cohort-ended"));
        api.as(world.token(seated)).post("/enrollments/" + seat + "/withdraw").then().statusCode(422);
        api.as(organiser).get("/enrollments/" + seat).then().body("status", equalTo("COMPLETED"));
        // the organiser records a drop-out after the fact; the freed seat stays free in a cohort that is over
        api.as(organiser).post("/enrollments/" + seat + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        api.as(organiser).get("/enrollments/" + waiting).then().body("status", equalTo("WAITLISTED"));
        api.as(organiser).body(Map.of("capacity", 5)).patch("/cohorts/" + id).then().statusCode(200);
        api.as(organiser).get("/enrollments/" + waiting).then().body("status", equalTo("WAITLISTED"));
        // nominations and self-enrolment are over too; the organiser may still record a past cohort's trainee
        api.as(hr).body(Map.of("personId", world.person(world.divisionId, "TRAINEE").id())).post("/cohorts/" + id + "/enrollments")
                .then().statusCode(422).body("type", containsString("cohort-ended"));
        enrol(organiser, id, world.person(world.divisionId, "TRAINEE").id()).then().statusCode(201);
    }

    @Test
    void aSeatHeldToTheEndOfACohortReadsCompletedInEveryViewAndFilter() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String ended = cohort(program(), 1, "2023-09-26", "2023-12-07", 10, false);
        String running = cohort(program(), 2, today.minusDays(10).toString(), today.plusDays(60).toString(), 10, false);
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        String token = world.token(trainee);
        String done = enrol(organiser, ended, trainee.id()).then().statusCode(201).extract().path("id");
        String going = enrol(organiser, running, trainee.id()).then().statusCode(201).body("status", equalTo("ENROLLED"))
                .extract().path("id");
        String left = enrol(organiser, ended, world.person(world.divisionId, "TRAINEE").id()).then().statusCode(201).extract().path("id");
        api.as(organiser).post("/enrollments/" + left + "/withdraw").then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        World.Person leftRunning = world.person(world.divisionId, "TRAINEE");
        String leftGoing = enrol(organiser, running, leftRunning.id()).then().statusCode(201).extract().path("id");
        api.as(world.token(leftRunning)).post("/enrollments/" + leftGoing + "/withdraw").then().statusCode(200);

        // one enrolment, the trainee's own list, and the cohort's list
        api.as(token).get("/enrollments/" + done).then().statusCode(200).body("status", equalTo("COMPLETED"));
        api.as(token).get("/me/enrollments").then().statusCode(200).body("total", equalTo(2))
                .body("items.find { it.cohortId == '" + ended + "' }.status", equalTo("COMPLETED"))
                .body("items.find { it.cohortId == '" + running + "' }.status", equalTo("ENROLLED"));
        api.as(organiser).get("/enrollments/" + done).then().statusCode(200).body("status", equalTo("COMPLETED"));
        api.as(organiser).get("/enrollments/" + going).then().statusCode(200).body("status", equalTo("ENROLLED"));
        api.as(organiser).get("/enrollments/" + left).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        api.as(organiser).get("/enrollments/" + leftGoing).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
        api.as(organiser).get("/cohorts/" + ended + "/enrollments").then().statusCode(200).body("total", equalTo(2))
                .body("items.find { it.id == '" + done + "' }.status", equalTo("COMPLETED"))
                .body("items.find { it.id == '" + left + "' }.status", equalTo("WITHDRAWN"));
        api.as(world.token(world.person(world.departmentId, "HR"))).get("/cohorts/" + ended + "/enrollments").then()
                .statusCode(200).body("items.find { it.id == '" + done + "' }.status", equalTo("COMPLETED"));
        api.as(token).get("/people/" + trainee.id() + "/personal-data").then().statusCode(200)
                .body("programs.enrollments.find { it.id == '" + done + "' }.status", equalTo("COMPLETED"))
                .body("programs.enrollments.find { it.id == '" + going + "' }.status", equalTo("ENROLLED"));

        // the status filter goes by the status shown
        api.as(organiser).queryParam("status", "COMPLETED").get("/cohorts/" + ended + "/enrollments").then().statusCode(200)
                .body("total", equalTo(1)).body("items.id", contains(done));
        api.as(organiser).queryParam("status", "ENROLLED").get("/cohorts/" + ended + "/enrollments").then().statusCode(200)
                .body("total", equalTo(0)).body("items", hasSize(0));
        api.as(organiser).queryParam("status", "WITHDRAWN").get("/cohorts/" + ended + "/enrollments").then()
                .body("items.id", contains(left));
        api.as(organiser).queryParam("status", "ENROLLED").get("/cohorts/" + running + "/enrollments").then()
                .body("total", equalTo(1)).body("items.id", contains(going));
        api.as(organiser).queryParam("status", "COMPLETED").get("/cohorts/" + running + "/enrollments").then()
                .body("total", equalTo(0));

        // shown, not stored: the seat is a seat, and the cohort's dates decide; its last day is not over until midnight in Bangkok
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE id = ? AND status = 'ENROLLED'", done)).isEqualTo(1);
        api.as(organiser).body(Map.of("endsOn", today.toString())).patch("/cohorts/" + ended).then().statusCode(200);
        api.as(organiser).get("/enrollments/" + done).then().body("status", equalTo("ENROLLED"));
        api.as(organiser).body(Map.of("endsOn", today.minusDays(1).toString())).patch("/cohorts/" + ended).then().statusCode(200);
        api.as(organiser).get("/enrollments/" + done).then().body("status", equalTo("COMPLETED"));
    }

    @Test
    void myEnrolmentsComeAPageAtATimeNewestFirst() {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        String token = world.token(trainee);
        List<String> made = new ArrayList<>();
        long statementsForOne = 0;
        for (int i = 0; i < 3; i++) {
            String id = cohort(program(), i + 1, today.plusDays(20).toString(), today.plusDays(30).toString(), 10, false);
            made.add(enrol(organiser, id, trainee.id()).then().statusCode(201).extract().path("id"));
            if (i == 0) {
                statementsForOne = Pages.statementsPerRead(api, token, "/me/enrollments");
            }
        }
        // each enrolment's status needs its cohort's end: joined in, not looked up one by one
        assertThat(Pages.statementsPerRead(api, token, "/me/enrollments")).isEqualTo(statementsForOne);
        assertThat(Pages.checkPaging(api, token, "/me/enrollments", "id", 2, 3)).containsExactlyInAnyOrderElementsOf(made);
        // newest first: made one after another, so the last one made comes first
        api.as(token).queryParam("size", 1).get("/me/enrollments").then().body("items.id", contains(made.get(2)));
    }

    @Test
    void aPageOfCohortsOrProgrammesCostsAsManyStatementsWithTwelveAsWithTwo() {
        String programId = program();
        World.Person trainer = world.person(world.divisionId, "TRAINER");
        String cohorts = "/cohorts?programId=" + programId;
        long forTwo = 0;
        long programmesBefore = 0;
        for (int number = 1; number <= 12; number++) {
            String id = cohort(programId, number, "2023-01-09", "2023-01-13", null, false);
            api.as(organiser).put("/cohorts/" + id + "/trainers/" + trainer.id()).then().statusCode(200);
            if (number == 2) {
                forTwo = Pages.statementsPerRead(api, organiser, cohorts);
                programmesBefore = Pages.statementsPerRead(api, organiser, "/programs");
            }
        }
        api.as(organiser).queryParam("programId", programId).get("/cohorts").then().statusCode(200)
                .body("total", equalTo(12)).body("items.trainerIds", everyItem(contains(trainer.id())));
        // each cohort's trainers come in one statement for the whole page, not one per cohort
        assertThat(Pages.statementsPerRead(api, organiser, cohorts)).as("statements for 12 cohorts, against 2").isEqualTo(forTwo);

        // and each programme's competencies
        for (int i = 0; i < 10; i++) {
            program();
        }
        assertThat(Pages.statementsPerRead(api, organiser, "/programs")).as("statements for ten programmes more")
                .isEqualTo(programmesBefore);
    }

    @Test
    void aBuddhistEraYearInADateIsRefusedWithAHintAndNothingIsStored() {
        String programId = program();
        Map<String, Object> body = new HashMap<>(Map.of("programId", programId, "number", 1, "nameTh", "รุ่นที่ 1",
                "organizerId", world.departmentId, "startsOn", "2563-11-23", "endsOn", "2563-11-26"));
        api.as(organiser).body(body).post("/cohorts").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", hasItem("startsOn")).body("errors.message", hasItem(containsString("2563 is 2020")));
        api.as(organiser).queryParam("programId", programId).get("/cohorts").then().statusCode(200).body("total", equalTo(0));
        String id = cohort(programId, 1, "2020-11-23", "2020-11-26", null, false);
        api.as(organiser).body(Map.of("endsOn", "2563-11-26")).patch("/cohorts/" + id).then().statusCode(400)
                .body("errors.field", hasItem("endsOn"));
        api.as(organiser).get("/cohorts/" + id).then().statusCode(200).body("endsOn", equalTo("2020-11-26")).body("fiscalYear", equalTo(2564));
    }

    @Test
    void aPageFarPastTheEndIsAClientsMistakeAndOneNearItIsEmpty() {
        api.as(organiser).queryParam("page", 100_000_000).get("/cohorts").then().statusCode(400)
                .contentType(containsString("problem+json")).body("errors.field", hasItem("page"));
        api.as(organiser).queryParam("page", 1_000_000).queryParam("size", 500).get("/cohorts").then().statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void enrolmentListsAreScopedToTheCallersPart() {
        String id = cohort(program(), 1, "2020-11-23", "2020-11-26", null, false);
        String otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
        World.Person ours = world.person(world.divisionId, "TRAINEE");
        World.Person theirs = world.person(otherDepartment, "TRAINEE");
        enrol(organiser, id, ours.id()).then().statusCode(201);
        String theirEnrollment = enrol(organiser, id, theirs.id()).then().statusCode(201).extract().path("id");

        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).get("/cohorts/" + id + "/enrollments").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].personId", equalTo(ours.id()));
        api.as(hr).get("/enrollments/" + theirEnrollment).then().statusCode(404);
        api.as(hr).post("/enrollments/" + theirEnrollment + "/withdraw").then().statusCode(404);

        World.Person trainer = world.person(world.divisionId, "TRAINER");
        String trainerToken = world.token(trainer);
        api.as(trainerToken).get("/cohorts/" + id + "/enrollments").then().statusCode(404);
        api.as(organiser).put("/cohorts/" + id + "/trainers/" + trainer.id()).then().statusCode(200);
        api.as(trainerToken).get("/cohorts/" + id + "/enrollments").then().statusCode(200).body("total", equalTo(2));

        api.as(world.token(ours)).get("/cohorts/" + id + "/enrollments").then().statusCode(403);
        api.as(world.token(world.person(world.departmentId, "EXECUTIVE"))).get("/cohorts/" + id + "/enrollments").then().statusCode(403);
    }

    @Test
    void badEnrolmentRequestsAreClearErrors() {
        String id = cohort(program(), 1, "2020-11-23", "2020-11-26", 10, true);
        api.as(organiser).body(Map.of()).post("/cohorts/" + id + "/enrollments").then().statusCode(400)
                .body("errors[0].field", equalTo("personId"));
        enrol(organiser, id, UUID.randomUUID().toString()).then().statusCode(404);
        enrol(organiser, UUID.randomUUID().toString(), world.person(world.divisionId, "TRAINEE").id()).then().statusCode(404);
        api.as(organiser).queryParam("status", "MAYBE").get("/cohorts/" + id + "/enrollments").then().statusCode(400)
                .contentType(org.hamcrest.Matchers.containsString("application/problem+json"));
        api.as(organiser).queryParam("size", 501).get("/cohorts").then().statusCode(400).body("errors[0].field", equalTo("size"));
    }

    @Test
    void fiveHundredParallelEnrolmentsForFortySeatsSeatExactlyForty() throws Exception {
        String id = cohort(program(), 1, "2023-09-26", "2023-12-07", 40, false);
        List<String> people = new ArrayList<>();
        for (int i = 0; i < 500; i++) {
            people.add(world.personWithoutPassword(world.divisionId));
        }
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (String personId : people) {
                statuses.add(pool.submit(() -> enrol(organiser, id, personId).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ? AND status = 'ENROLLED'", id)).isEqualTo(40);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ? AND status = 'WAITLISTED'", id)).isEqualTo(460);
        // the cohort has ended: its seats read COMPLETED (and are stored as ENROLLED, above)
        api.as(organiser).queryParam("status", "COMPLETED").get("/cohorts/" + id + "/enrollments").then().body("total", equalTo(40));
        api.as(organiser).queryParam("status", "ENROLLED").get("/cohorts/" + id + "/enrollments").then().body("total", equalTo(0));
    }


    /**
     * Enrolments into different cohorts do not wait for each other: each locks its own cohort. Two cohorts opened the
     * same day have no enrolment between them in the index, so a locking read of an enrolment that is not there yet, or
     * of a cohort's seats, locked the same index gap in both, and the two inserts, each waiting for the other's gap,
     * deadlocked: one organiser got 503.
     */
    @Test
    void enrolmentsIntoTwoNewCohortsAtOnceAreBothTaken() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String programId = program();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 1; round <= 12; round++) {
                String first = cohort(programId, 2 * round, today.plusDays(30).toString(), today.plusDays(34).toString(), 5, false);
                String second = cohort(programId, 2 * round + 1, today.plusDays(30).toString(), today.plusDays(34).toString(), 5, false);
                String one = world.personWithoutPassword(world.divisionId);
                String other = world.personWithoutPassword(world.divisionId);
                CountDownLatch go = new CountDownLatch(1);
                Future<Response> a = pool.submit(() -> {
                    go.await();
                    return keyed(organiser).body(Map.of("personId", one)).post("/cohorts/" + first + "/enrollments");
                });
                Future<Response> b = pool.submit(() -> {
                    go.await();
                    return enrol(organiser, second, other);
                });
                go.countDown();
                for (Future<Response> answer : List.of(a, b)) {
                    Response response = answer.get(3, TimeUnit.MINUTES);
                    assertThat(response.statusCode()).as("round %d: %s", round, response.asString()).isEqualTo(201);
                }
                assertThat(countWith(first, "ENROLLED") + countWith(second, "ENROLLED")).as("round %d", round).isEqualTo(2);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * A request with an Idempotency-Key, as a client that retries sends it: the key's row is written first, in the
     * request's own transaction, so everything the request reads after it is read in that transaction.
     */
    private RequestSpecification keyed(String token) {
        return api.as(token).header("Idempotency-Key", UUID.randomUUID().toString());
    }

    private long countWith(String cohortId, String status) {
        return TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ? AND status = ?", cohortId, status);
    }

    @Test
    void fortyNominationsApprovedAtOnceForFiveSeatsSeatExactlyFive() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String id = cohort(program(), 1, today.plusDays(30).toString(), today.plusDays(34).toString(), 5, false);
        String hr = world.token(world.person(world.departmentId, "HR"));
        List<String> nominations = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            nominations.add(enrol(hr, id, world.personWithoutPassword(world.divisionId)).then().statusCode(201)
                    .body("status", equalTo("NOMINATED")).extract().path("id"));
        }
        // an approval with a key read its nomination in the transaction before it waited for the cohort, and counted
        // the seats as they were then: each found the five seats free, and a cohort of five had twenty and more seated
        List<Callable<Response>> approvals = new ArrayList<>();
        for (int i = 0; i < nominations.size(); i++) {
            String nomination = nominations.get(i);
            RequestSpecification request = i % 2 == 0 ? keyed(organiser) : api.as(organiser);
            approvals.add(() -> request.post("/enrollments/" + nomination + "/approve"));
        }
        List<Response> answers = HeldRow.together("cohort", id, approvals.size(), approvals);
        assertThat(answers).extracting(Response::statusCode).containsOnly(200);
        assertThat(answers).extracting(r -> r.<String>path("status")).containsOnly("ENROLLED", "WAITLISTED");
        assertThat(countWith(id, "ENROLLED")).isEqualTo(5);
        assertThat(countWith(id, "WAITLISTED")).isEqualTo(35);
        api.as(organiser).queryParam("status", "ENROLLED").get("/cohorts/" + id + "/enrollments").then().body("total", equalTo(5));
    }

    @Test
    void approvalsAndSelfEnrolmentsAtOnceForTenSeatsSeatExactlyTen() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String id = cohort(program(), 1, today.plusDays(30).toString(), today.plusDays(34).toString(), 10, true);
        String hr = world.token(world.person(world.departmentId, "HR"));
        List<Callable<Response>> requests = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String nomination = enrol(hr, id, world.personWithoutPassword(world.divisionId)).then().statusCode(201)
                    .extract().path("id");
            World.Person trainee = world.person(world.divisionId, "TRAINEE");
            String token = world.token(trainee);
            RequestSpecification approval = keyed(organiser);
            RequestSpecification enrolment = (i % 2 == 0 ? keyed(token) : api.as(token)).body(Map.of("personId", trainee.id()));
            requests.add(() -> approval.post("/enrollments/" + nomination + "/approve"));
            requests.add(() -> enrolment.post("/cohorts/" + id + "/enrollments"));
        }
        List<Response> answers = HeldRow.together("cohort", id, requests.size(), requests);
        for (int i = 0; i < answers.size(); i++) {
            assertThat(answers.get(i).statusCode()).as(i % 2 == 0 ? "an approval" : "a self-enrolment").isEqualTo(i % 2 == 0 ? 200 : 201);
        }
        assertThat(countWith(id, "ENROLLED")).isEqualTo(10);
        assertThat(countWith(id, "WAITLISTED")).isEqualTo(30);
    }

    @Test
    void withdrawalsAndSelfEnrolmentsAtOnceInAFullCohortGiveEveryFreedSeatToTheWaitlistInTurn() throws Exception {
        LocalDate today = LocalDate.now(ZoneOffset.ofHours(7));
        String id = cohort(program(), 1, today.plusDays(30).toString(), today.plusDays(34).toString(), 10, true);
        List<Callable<Response>> requests = new ArrayList<>();
        List<String> waiting = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            World.Person seated = world.person(world.divisionId, "TRAINEE");
            String seat = enrol(organiser, id, seated.id()).then().statusCode(201).body("status", equalTo("ENROLLED")).extract().path("id");
            String seatedToken = world.token(seated);
            RequestSpecification withdrawal = i % 2 == 0 ? keyed(seatedToken) : api.as(seatedToken);
            requests.add(() -> withdrawal.post("/enrollments/" + seat + "/withdraw"));
        }
        for (int i = 0; i < 10; i++) {
            waiting.add(enrol(organiser, id, world.personWithoutPassword(world.divisionId)).then().statusCode(201)
                    .body("status", equalTo("WAITLISTED")).extract().path("personId"));
        }
        for (int i = 0; i < 10; i++) {
            World.Person newcomer = world.person(world.divisionId, "TRAINEE");
            String token = world.token(newcomer);
            RequestSpecification enrolment = (i % 2 == 0 ? api.as(token) : keyed(token)).body(Map.of("personId", newcomer.id()));
            requests.add(2 * i + 1, () -> enrolment.post("/cohorts/" + id + "/enrollments"));
        }
        // a withdrawal with a key read its enrolment in the transaction before it waited for the cohort, and looked for
        // the next in line as things were then: two withdrawals promoted the same person (the second answered 409 to a trainee who only wanted to
        // leave), and a newcomer waitlisted meanwhile was not seen, leaving a seat empty while they waited
        List<Response> answers = HeldRow.together("cohort", id, requests.size(), requests);
        for (int i = 0; i < answers.size(); i++) {
            if (i % 2 == 0) {
                answers.get(i).then().statusCode(200).body("status", equalTo("WITHDRAWN"));
            } else {
                answers.get(i).then().statusCode(201).body("status", equalTo("WAITLISTED"));
            }
        }
        assertThat(countWith(id, "ENROLLED")).isEqualTo(10);
        assertThat(countWith(id, "WAITLISTED")).isEqualTo(10);
        // the ten who waited took the ten freed seats, first come first served; the newcomers wait behind them
        List<String> seatedNow = api.as(organiser).queryParam("status", "ENROLLED").queryParam("size", 50)
                .get("/cohorts/" + id + "/enrollments").then().statusCode(200).extract().path("items.personId");
        assertThat(seatedNow).containsExactlyInAnyOrderElementsOf(waiting);
    }

    // --- HR's list of staff to nominate, from a spreadsheet

    private Response nominate(String token, String cohortId, String csv) {
        return api.as(token).contentType("text/csv; charset=utf-8").body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/cohorts/" + cohortId + "/nominations");
    }

    private String codeOf(String organizationId) {
        return api.as(organiser).get("/organizations/" + organizationId).then().statusCode(200).extract().path("code");
    }

    private static final String HEADINGS = "\uFEFFอีเมล (email),คำนำหน้า (titleTh),ชื่อ (firstNameTh),นามสกุล (lastNameTh),"
            + "Title (titleEn),First name (firstNameEn),Last name (lastNameEn),ตำแหน่ง (position),รหัสหน่วยงาน (organizationCode)\r\n";

    @Test
    void hrNominatesItsStaffFromASpreadsheetRegisteringTheNewOnesAndTheSameFileTwiceNominatesNobodyTwice() {
        String hr = world.token(world.person(world.departmentId, "HR"));
        World.Person known = world.person(world.divisionId, "TRAINEE");
        String cohortId = cohort(program(), 1, "2030-06-01", "2030-06-30", 30, false);
        String malee = "malee-" + world.tag() + "@anamai.example.org";
        String somchai = "somchai-" + world.tag() + "@anamai.example.org";
        String csv = HEADINGS
                // found by the address in capitals; the names in the file do not change the record
                + "\u00A0" + known.email().toUpperCase(Locale.ROOT) + "\u200B,นาย,ชื่อในไฟล์,ไม่ใช้,,,,,\r\n"
                + malee + ",นางสาว,มาลี,\"ศรีสุข, ณ อยุธยา\",Miss,Malee,Srisuk,\"นักประชาสัมพันธ์\nชำนาญการ\"," + codeOf(world.divisionId) + "\r\n"
                + ",,,,,,,,\r\n"
                + somchai + ",นาย,สมชาย,ใจดี,,,,นักวิชาการสาธารณสุขปฏิบัติการ,\r\n";

        Response first = api.as(hr).header("Idempotency-Key", "nominations-" + world.tag()).contentType("text/csv")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/cohorts/" + cohortId + "/nominations");

        first.then().statusCode(200)
                .body("registered", equalTo(2)).body("nominated", equalTo(3)).body("alreadyInCohort", equalTo(0))
                .body("items.row", contains(2, 3, 5))
                .body("items.outcome", contains("NOMINATED", "REGISTERED", "REGISTERED"))
                .body("items.status", everyItem(equalTo("NOMINATED")))
                .body("items[0].personId", equalTo(known.id())).body("items[0].invitationToken", nullValue())
                .body("items[1].organizationId", equalTo(world.divisionId))
                .body("items[2].organizationId", equalTo(world.departmentId));
        String maleeId = first.path("items[1].personId");
        Map<String, Object> record = api.as(hr).get("/people/" + maleeId).then().statusCode(200).extract().jsonPath().getMap("");
        assertThat(record).containsEntry("email", malee).containsEntry("titleTh", "นางสาว").containsEntry("firstNameTh", "มาลี")
                .containsEntry("lastNameTh", "ศรีสุข, ณ อยุธยา").containsEntry("firstNameEn", "Malee")
                .containsEntry("position", "นักประชาสัมพันธ์\nชำนาญการ").containsEntry("roles", List.of("TRAINEE"));
        api.as(hr).get("/people/" + known.id()).then().statusCode(200).body("firstNameTh", equalTo("กัญญ์ณัฏฐ์"));
        // the new trainee takes the account with the invitation HR hands over, and sees the nomination
        String invitation = first.path("items[1].invitationToken");
        assertThat((String) first.path("items[1].invitationUrl")).endsWith("/accept-invitation?token=" + invitation);
        api.anonymous().body(Map.of("token", invitation, "password", "Malee-Chosen-2563")).post("/auth/invitations/accept")
                .then().statusCode(204);
        String maleeToken = api.token(malee, "Malee-Chosen-2563");
        api.as(maleeToken).get("/me/enrollments").then().statusCode(200).body("items.cohortId", contains(cohortId))
                .body("items.status", contains("NOMINATED"));
        // the organiser sees three nominations to approve
        api.as(organiser).get("/cohorts/" + cohortId + "/enrollments?status=NOMINATED").then().statusCode(200).body("total", equalTo(3));

        // the same file again with the same key: the answer held invitations, which are not kept to be handed out again
        api.as(hr).header("Idempotency-Key", "nominations-" + world.tag()).contentType("text/csv")
                .body(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)).post("/cohorts/" + cohortId + "/nominations")
                .then().statusCode(409).body("type", endsWith("answer-not-kept")).body(not(containsString(invitation)));
        // and without a key (HR not sure it went through): nobody registered or nominated twice
        nominate(hr, cohortId, csv).then().statusCode(200)
                .body("registered", equalTo(0)).body("nominated", equalTo(0)).body("alreadyInCohort", equalTo(3))
                .body("items.outcome", everyItem(equalTo("ALREADY_IN_COHORT"))).body("items.invitationToken", everyItem(nullValue()))
                .body("items[1].personId", equalTo(maleeId));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email IN (?, ?)", malee, somchai)).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ?", cohortId)).isEqualTo(3);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'NOMINATIONS_IMPORTED' AND subject_id = ?",
                cohortId)).isEqualTo(2);
    }

    @Test
    void aFileWithMistakesIsAnsweredRowByRowAndNothingOfItIsWritten() {
        String hr = world.token(world.person(world.departmentId, "HR"));
        String cohortId = cohort(program(), 1, "2030-06-01", "2030-06-30", 30, false);
        World elsewhere = new World(api);
        World.Person stranger = elsewhere.person(elsewhere.departmentId, "TRAINEE");
        World.Person ours = world.person(world.divisionId, "TRAINEE");
        String good = "good-" + world.tag() + "@anamai.example.org";
        String twice = "twice-" + world.tag() + "@anamai.example.org";
        String csv = HEADINGS
                + good + ",นาง,สมใจ,รักดี,,,,,\r\n"                                   // row 2: would be fine
                + "not-an-address,นาย,สมชาย,ใจดี,,,,,\r\n"                           // row 3
                + "blank-" + world.tag() + "@anamai.example.org,นาย,\u200B,ใจดี,,,,,\r\n" // row 4: a zero-width name
                + twice + ",นาย,สมศักดิ์,มั่นคง,,,,,\r\n"                               // row 5
                + twice.toUpperCase(Locale.ROOT) + ",นาย,สมศักดิ์,มั่นคง,,,,,\r\n"      // row 6: the same address
                + "other-" + world.tag() + "@anamai.example.org,นาย,สมปอง,ดีใจ,,,,," + codeOf(elsewhere.departmentId) + "\r\n" // row 7
                + "nocode-" + world.tag() + "@anamai.example.org,นาย,สมหมาย,ดีใจ,,,,,NO-SUCH-CODE\r\n" // row 8
                + stranger.email() + ",,,,,,,,\r\n"                                   // row 9: another ministry's trainee
                + "nonames-" + world.tag() + "@anamai.example.org,,,,,,,,\r\n"           // row 10: new, without names
                + "som\u200Bchai-" + world.tag() + "@anamai.example.org,นาย,สมชาย,ใจดี,,,,,\r\n" // row 11: a zero-width space
                + "thai-" + world.tag() + "@กรมอนามัย.ไทย,นาย,สมชาย,ใจดี,,,,,\r\n"          // row 12
                + "thai-" + world.tag() + "@" + java.net.IDN.toASCII("กรมอนามัย.ไทย") + ",นาย,สมชาย,ใจดี,,,,,\r\n" // row 13: the same
                + ours.email() + ",,,,,,,," + codeOf(world.departmentId) + "\r\n"; // row 14: the file does not move people

        nominate(hr, cohortId, csv).then().statusCode(400).contentType(containsString("application/problem+json"))
                .body("detail", containsString("nobody was nominated"))
                .body("errors.field", contains("rows[3].email", "rows[4].firstNameTh", "rows[6].email", "rows[7].organizationCode",
                        "rows[8].organizationCode", "rows[9].email", "rows[10].firstNameTh", "rows[10].lastNameTh", "rows[11].email",
                        "rows[13].email", "rows[14].organizationCode"))
                .body("errors[2].message", equalTo("is on row 5 already"))
                .body("errors[3].message", equalTo(api.as(hr).contentType("text/csv").body(HEADINGS + "x-" + world.tag()
                        + "@anamai.example.org,นาย,ก,ข,,,,,NO-SUCH-CODE\r\n").post("/cohorts/" + cohortId + "/nominations")
                        .then().statusCode(400).extract().path("errors[0].message")));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email IN (?, ?)", good, twice)).as("people registered").isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ?", cohortId)).as("nominations").isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE person_id = ?", stranger.id())).isZero();
        // a file naming another ministry's staff is on the record, although nothing of it was written
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'NOMINATIONS_REFUSED' AND subject_id = ? "
                + "AND detail LIKE '%outside=1'", cohortId)).isEqualTo(1);

        // a heading Sakkaya does not know is refused, not ignored (the names below it would be lost)
        nominate(hr, cohortId, "email,firstnameTH2\n" + good + ",สมใจ\n").then().statusCode(400)
                .body("errors.field", contains("rows[1][2]"));
        // a spreadsheet saved in TIS-620, the older Thai encoding, is refused with what to do about it
        api.as(hr).contentType("text/csv").body(new byte[]{'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xCA, (byte) 0xC1, '@', 'x', '\n'})
                .post("/cohorts/" + cohortId + "/nominations").then().statusCode(400)
                .body("errors[0].message", containsString("CSV UTF-8"));
        api.as(hr).contentType("text/csv; charset=tis-620").body("email\n" + good + "\n").post("/cohorts/" + cohortId + "/nominations")
                .then().statusCode(415);
        api.as(hr).body(Map.of("email", good)).post("/cohorts/" + cohortId + "/nominations").then().statusCode(415)
                .contentType(containsString("application/problem+json"));
        // a cohort whose last day is over takes no nominations, from a file either
        String ended = cohort(program(), 1, "2020-11-23", "2020-11-26", null, false);
        nominate(hr, ended, HEADINGS + good + ",นาง,สมใจ,รักดี,,,,,\r\n").then().statusCode(422).body("type", endsWith("cohort-ended"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", good)).isZero();
    }

    @Test
    void onlyHrNominatesFromAFileAndOnlyStaffOfItsOwnOrganisations() {
        String cohortId = cohort(program(), 1, "2030-06-01", "2030-06-30", 30, false);
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        String csv = "email\n" + trainee.email() + "\n";
        for (String role : List.of("TRAINEE", "TRAINER", "PROGRAM_ADMIN", "EXECUTIVE", "ADMIN")) {
            nominate(world.token(world.person(world.departmentId, role)), cohortId, csv).then().statusCode(403)
                    .contentType(containsString("application/problem+json"));
        }
        // HR of another ministry: the trainee is not its staff, and nothing is said of who they are
        World elsewhere = new World(api);
        String hrThere = elsewhere.token(elsewhere.person(elsewhere.departmentId, "HR"));
        nominate(hrThere, cohortId, csv).then().statusCode(400).body("errors.field", contains("rows[2].email"))
                .body(not(containsString(trainee.id())));
        // HR of the division below cannot register people into the department above it
        String hrBelow = world.token(world.person(world.divisionId, "HR"));
        nominate(hrBelow, cohortId, "email,firstNameTh,lastNameTh,organizationCode\nup-" + world.tag() + "@example.org,ก,ข,"
                + codeOf(world.departmentId) + "\n").then().statusCode(400).body("errors.field", contains("rows[2].organizationCode"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment WHERE cohort_id = ?", cohortId)).isZero();
        nominate(hrThere, "00000000-0000-0000-0000-000000000000", csv).then().statusCode(404);

        // HR who is also the organiser nominates from a file, for approval, rather than placing people in seats
        String both = world.token(world.person(world.departmentId, "HR", "PROGRAM_ADMIN"));
        nominate(both, cohortId, csv).then().statusCode(200).body("items[0].status", equalTo("NOMINATED"));
        String ended = cohort(program(), 1, "2020-11-23", "2020-11-26", null, false);
        nominate(both, ended, csv).then().statusCode(422).body("type", endsWith("cohort-ended"));

        // a caller sending file after file (30 an hour) is stopped, refused files counted too
        String busy = world.token(world.person(world.departmentId, "HR"));
        for (int i = 0; i < 30; i++) {
            nominate(busy, cohortId, "email\n\"unclosed\n").then().statusCode(400);
        }
        nominate(busy, cohortId, csv).then().statusCode(429).header("Retry-After", org.hamcrest.Matchers.notNullValue());
    }

    @Test
    void hrHasSakkayaMailTheNewPeopleTheirInvitationsAndAFileRefusedMailsNobody() throws Exception {
        String hr = world.token(world.person(world.departmentId, "HR"));
        World.Person known = world.person(world.divisionId, "TRAINEE");
        String cohortId = cohort(program(), 1, "2030-06-01", "2030-06-30", 30, false);
        String malee = "mailed-malee-" + world.tag() + "@anamai.example.org";
        String somchai = "mailed-somchai-" + world.tag() + "@anamai.example.org";
        String refusedAddress = "never-mailed-" + world.tag() + "@anamai.example.org";
        // a file with a mistake, asking for mail: nobody registered, nobody mailed
        api.as(hr).contentType("text/csv").queryParam("mailInvitations", "true")
                .body(("email,firstNameTh,lastNameTh\n" + refusedAddress + ",สมใจ,รักดี\nnot-an-address,ก,ข\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/cohorts/" + cohortId + "/nominations").then().statusCode(400);

        Response answer = api.as(hr).contentType("text/csv").queryParam("mailInvitations", "true")
                .body(("email,titleTh,firstNameTh,lastNameTh\n" + known.email() + ",,,\n" + malee + ",นางสาว,มาลี,ศรีสุข\n"
                        + somchai + ",นาย,สมชาย,ใจดี\n").getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/cohorts/" + cohortId + "/nominations");
        answer.then().statusCode(200).body("registered", equalTo(2)).body("invitationsQueued", equalTo(2));

        List<org.sakkaya.it.TestMail.Mail> mails = org.sakkaya.it.TestMail.await(malee, 1);
        assertThat(mails).hasSize(1);
        String text = mails.get(0).text();
        String link = answer.path("items[1].invitationUrl");
        assertThat(mails.get(0).subject()).isEqualTo("ตั้งรหัสผ่าน Sakkaya / Set your Sakkaya password");
        assertThat(text).contains("เข้าร่วม นักวิทยาการข้อมูล รุ่นที่ 1").contains("\n" + link + "\n").contains("พ.ศ.");
        assertThat(org.sakkaya.it.TestMail.await(somchai, 1)).hasSize(1);
        // the link in the mail is the page that takes the invitation
        api.root().accept("text/html").get(java.net.URI.create(link).getRawPath() + "?" + java.net.URI.create(link).getRawQuery())
                .then().statusCode(200).body(containsString(malee));
        // HR corrects an address it typed wrong: the link mailed to the old one stops working (an ADMIN issues a new one)
        String somchaiId = answer.path("items[2].personId");
        api.as(hr).body(Map.of("email", "corrected-" + somchai)).patch("/people/" + somchaiId).then().statusCode(200);
        api.root().accept("text/html").get(java.net.URI.create((String) answer.path("items[2].invitationUrl")).getRawPath()
                + "?" + java.net.URI.create((String) answer.path("items[2].invitationUrl")).getRawQuery()).then().statusCode(404);
        api.anonymous().body(Map.of("token", answer.path("items[2].invitationToken"), "password", "Typo-Taken-Over-2569"))
                .post("/auth/invitations/accept").then().statusCode(400);
        // the person found was not registered now, and gets no invitation; nor did the refused file's address
        assertThat(org.sakkaya.it.TestMail.to(known.email())).isEmpty();
        assertThat(org.sakkaya.it.TestMail.to(refusedAddress)).isEmpty();
        // what the mails came to is on the record, once they were sent
        for (long deadline = System.nanoTime() + 10_000_000_000L; System.nanoTime() < deadline
                && TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'INVITATIONS_MAILED' AND subject_id = ?", cohortId) == 0; ) {
            Thread.sleep(100);
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'INVITATIONS_MAILED' AND subject_id = ? "
                + "AND detail = 'sent=2 notSent=0 void=0' AND actor_id IS NOT NULL", cohortId)).isEqualTo(1);
        // without the flag nothing is mailed, and the answer says so
        String third = "unmailed-" + world.tag() + "@anamai.example.org";
        nominate(hr, cohortId, "email,firstNameTh,lastNameTh\n" + third + ",สมหญิง,ดีใจ\n").then().statusCode(200)
                .body("invitationsQueued", equalTo(0));
        api.as(hr).contentType("text/csv").queryParam("mailInvitations", "yes").body("email\n" + third + "\n")
                .post("/cohorts/" + cohortId + "/nominations").then().statusCode(400);
        Thread.sleep(1_000);
        assertThat(org.sakkaya.it.TestMail.to(third)).isEmpty();
    }

    @Test
    void twoFilesRegisteringTheSameNewAddressAtOnceMakeOnePersonAndNoError() throws Exception {
        String hr = world.token(world.person(world.departmentId, "HR"));
        List<String> cohorts = List.of(cohort(program(), 1, "2030-06-01", "2030-06-30", 30, false),
                cohort(program(), 1, "2030-07-01", "2030-07-31", 30, false));
        String address = "race-" + world.tag() + "@anamai.example.org";
        String csv = "email,firstNameTh,lastNameTh\n" + address + ",สมชาย,ใจดี\n";
        ExecutorService pool = Executors.newFixedThreadPool(6);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            String cohortId = cohorts.get(i % 2);
            answers.add(pool.submit(() -> {
                go.await();
                return nominate(hr, cohortId, csv);
            }));
        }
        go.countDown();
        List<String> registered = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get(60, TimeUnit.SECONDS);
            assertThat(response.statusCode()).as(response.asString()).isIn(200, 409);
            if (response.statusCode() == 409) {
                response.then().contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("rows[2].email"));
            } else if ("REGISTERED".equals(response.path("items[0].outcome"))) {
                registered.add(response.path("items[0].personId"));
            }
        }
        pool.shutdown();
        assertThat(registered).as("registrations answered").hasSize(1);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", address)).isEqualTo(1);
        for (String cohortId : cohorts) {
            assertThat(TestDatabase.count("SELECT COUNT(*) FROM enrollment e JOIN person p ON p.id = e.person_id "
                    + "WHERE p.email = ? AND e.cohort_id = ?", address, cohortId)).as("nominations in a cohort").isLessThanOrEqualTo(1);
        }
    }
}
