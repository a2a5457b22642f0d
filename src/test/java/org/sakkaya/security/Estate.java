package org.sakkaya.security;

import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.sakkaya.it.Api;
import org.sakkaya.it.TestDatabase;
import org.sakkaya.it.World;

/**
 * One organisation's share of everything Sakkaya holds: its own ministry tree, a cohort it organises with a trainer,
 * two seated trainees with unique Thai names and one of each thing a trainee makes (attempt, work, field report,
 * certificate), a course, a session, HR and an executive. The access matrix builds two of these (organisation A and
 * B); the fuzzing corpus takes its ids from one.
 */
final class Estate {
    private static final String THAI_LETTERS = "กขคฆงจฉชซญฎฐฑณดตถทธนบปผพฟภมยรลวศษสหฬอฮ";

    final World world;
    final String organiser;
    final String programId;
    final String cohortId;
    final World.Person trainer;
    final String trainerToken;
    final World.Person hr;
    final String hrToken;
    final World.Person executive;
    final String executiveToken;
    final String courseId;
    final String moduleId;
    final String lessonId;
    final String sessionId;
    final String fieldAssignmentId;
    final String quizId;
    final String workId;
    final String indicatorId;
    final String indicatorCode;
    final String activityId;
    final Trainee first;
    final Trainee second;

    /** A seated trainee and what they made; {@code markers} are the strings that identify them or their records. */
    static final class Trainee {
        final World.Person person;
        final String token;
        final String name;
        String enrollmentId;
        String attemptId;
        String submissionId;
        String fieldReportId;
        String serial;
        String outputId;
        /** Works of theirs for the matrix's cells that delete one ({@link #spareWorks}). */
        final java.util.Deque<String> spareOutputs = new java.util.ArrayDeque<>();

        Trainee(World.Person person, String token, String name) {
            this.person = person;
            this.token = token;
            this.name = name;
        }

        List<String> markers() {
            List<String> markers = new ArrayList<>(List.of(person.id(), person.email(), name));
            for (String id : new String[]{enrollmentId, attemptId, submissionId, fieldReportId, serial, outputId}) {
                if (id != null) {
                    markers.add(id);
                }
            }
            return markers;
        }
    }

    Estate(Api api, String organiser) {
        this.world = new World(api);
        this.organiser = organiser;
        programId = world.program(organiser, "นักวิทยาการข้อมูล (Data Scientist)", "DATA_SCIENCE");
        Map<String, Object> cohort = new HashMap<>();
        cohort.put("programId", programId);
        cohort.put("number", 1);
        cohort.put("nameTh", "รุ่นที่ 1");
        cohort.put("organizerId", world.departmentId);
        cohort.put("startsOn", "2020-11-23");
        // until its session under way is scheduled: see below
        cohort.put("endsOn", OffsetDateTime.now(ZoneOffset.ofHours(7)).plusYears(1).toLocalDate().toString());
        cohort.put("enrollmentOpen", true);
        cohortId = api.as(organiser).body(cohort).post("/cohorts").then().statusCode(201).extract().path("id");
        trainer = world.person(world.divisionId, "TRAINER");
        api.as(organiser).put("/cohorts/" + cohortId + "/trainers/" + trainer.id()).then().statusCode(200);
        trainerToken = world.token(trainer);
        hr = world.person(world.departmentId, "HR");
        hrToken = world.token(hr);
        executive = world.person(world.departmentId, "EXECUTIVE");
        executiveToken = world.token(executive);

        courseId = api.as(organiser).body(Map.of("title", "สถิติเบื้องต้น")).post("/courses").then().statusCode(201).extract().path("id");
        moduleId = api.as(organiser).body(Map.of("title", "บทที่ 1")).post("/courses/" + courseId + "/modules").then().statusCode(201)
                .extract().path("id");
        lessonId = api.as(organiser).body(Map.of("title", "ค่ากลาง", "kind", "TEXT", "content", "<p>มัธยฐาน</p>"))
                .post("/modules/" + moduleId + "/lessons").then().statusCode(201).extract().path("id");
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + courseId).then().statusCode(200);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS);
        sessionId = api.as(organiser).body(Map.of("number", 1, "title", "ครั้งที่ 1", "startsAt", now.minusMinutes(10).toString(),
                "endsAt", now.plusHours(3).toString())).post("/cohorts/" + cohortId + "/sessions").then().statusCode(201).extract().path("id");
        // The world's cohort ran 23-26 Nov 2020, so that its certificates can be issued and its end-of-cohort rules
        // hold, yet it has a session under way now, for check-in. The API refuses that state (a session lies within its
        // cohort's days), so the end is set back in the database once the session is in.
        TestDatabase.update("UPDATE cohort SET ends_on = '2020-11-26' WHERE id = ?", cohortId);
        fieldAssignmentId = api.as(organiser).body(Map.of("title", "ฝึกปฏิบัติภาคสนาม", "brief", "คลิปวิดีโอสั้น", "dueOn", "2030-10-20"))
                .post("/cohorts/" + cohortId + "/field-assignments").then().statusCode(201).extract().path("id");
        first = trainee(api);
        second = trainee(api);
        // certificates before the quiz and the assignment, which stay open for the cells that answer them: a cohort's
        // certificates wait until its counted assessments have closed
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(2));
        quizId = api.as(organiser).body(quiz(now)).post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");
        Map<String, Object> work = new HashMap<>();
        work.put("kind", "ASSIGNMENT");
        work.put("title", "รายงานโครงการ");
        work.put("weight", 10);
        work.put("maxScore", 10);
        work.put("opensAt", now.minusHours(1).toString());
        work.put("closesAt", now.plusDays(2).toString());
        work.put("latePolicy", "ACCEPT_AND_FLAG");
        workId = api.as(organiser).body(work).post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");

        for (Trainee t : List.of(first, second)) {
            work(api, t);
            t.serial = api.as(t.token).get("/certificates").then().statusCode(200).extract().path("items[0].serial");
            t.outputId = output(api, t);
        }
        indicatorCode = "S-" + random(4).hashCode();
        indicatorId = indicator(api, indicatorCode);
        activityId = api.as(organiser).get("/indicators/" + indicatorId).then().statusCode(200).extract().path("activities[0].id");
    }

    /** An indicator of the programme's pass rate, as a programme administrator writes it (and corrects it, with ids). */
    Map<String, Object> indicatorBody(String code, String activityId) {
        Map<String, Object> activity = new HashMap<>();
        activity.put("title", "ผู้เข้ารับการอบรมผ่านเกณฑ์การประเมินผล");
        activity.put("measure", "PASS_RATE");
        activity.put("scope", Map.of("programId", programId));
        activity.put("target", 80);
        activity.put("unit", "PERCENT");
        activity.put("strategy", "PARTNERSHIP");
        if (activityId != null) {
            activity.put("id", activityId);
        }
        return Map.of("code", code, "nameTh", "ร้อยละ 80 ของการผ่านเกณฑ์", "fiscalYear", 2564,
                "ownerOrganizationId", world.departmentId, "activities", List.of(activity));
    }

    /**
     * Works for the cells that delete one, recorded now, while the trainees hold their seats (an author must): the
     * matrix's earlier cells withdraw them.
     */
    void spareWorks(Api api, int each) {
        for (Trainee t : List.of(first, second)) {
            for (int i = 0; i < each; i++) {
                t.spareOutputs.add(output(api, t));
            }
        }
    }

    /** A presented work of the trainee's, recorded by them. */
    private String output(Api api, Trainee t) {
        Map<String, Object> output = new HashMap<>();
        output.put("title", "การวิเคราะห์ข้อมูลสุขภาพของ " + t.name);
        output.put("kind", "PRESENTATION");
        output.put("authorIds", List.of(t.person.id()));
        output.put("cohortId", cohortId);
        output.put("status", "PRESENTED");
        output.put("presentedOn", "2021-06-24");
        output.put("venue", "กรมอนามัย นนทบุรี");
        output.put("evidenceUrl", "https://example.org/works/" + t.name);
        return api.as(t.token).body(output).post("/academic-outputs").then().statusCode(201).extract().path("id");
    }

    private String indicator(Api api, String code) {
        return api.as(organiser).body(indicatorBody(code, null)).post("/indicators").then().statusCode(201).extract().path("id");
    }

    /** Numbers of spare sessions: above those the corpus's new sessions take (100 to 899). */
    private int spareSessions = 900;

    /**
     * A lesson, module, session, indicator, work or quiz made for one cell of the access matrix that deletes one, so that every such cell
     * has something to delete and the estate keeps its own for the cells after it; null for other kinds.
     */
    String spare(Api api, Routes.Kind kind, Trainee trainee) {
        return switch (kind) {
            // within the cohort's days (23-26 Nov 2020), with no attendance or field work: a session that may go
            case SESSION -> api.as(organiser).body(Map.of("number", ++spareSessions, "title", "ครั้งที่ยกเลิก",
                            "startsAt", "2020-11-24T09:00:00+07:00", "endsAt", "2020-11-24T16:00:00+07:00"))
                    .post("/cohorts/" + cohortId + "/sessions").then().statusCode(201).extract().path("id");
            case LESSON -> api.as(organiser).body(Map.of("title", "บทเรียนสำรอง", "kind", "TEXT", "content", "<p>สำรอง</p>"))
                    .post("/modules/" + moduleId + "/lessons").then().statusCode(201).extract().path("id");
            case MODULE -> api.as(organiser).body(Map.of("title", "บทสำรอง")).post("/courses/" + courseId + "/modules")
                    .then().statusCode(201).extract().path("id");
            case INDICATOR -> indicator(api, "D-" + random(6).hashCode());
            case OUTPUT -> trainee.spareOutputs.poll();
            // an assessment nobody has used yet: the estate's own have attempts and hand-ins, which refuse a delete
            case QUIZ -> api.as(organiser).body(quiz(OffsetDateTime.now(ZoneOffset.ofHours(7)).truncatedTo(ChronoUnit.SECONDS)))
                    .post("/cohorts/" + cohortId + "/assessments").then().statusCode(201).extract().path("id");
            default -> null;
        };
    }

    private Trainee trainee(Api api) {
        String firstName = random(6);
        World.Person person = world.namedPerson(world.divisionId, "นาย", firstName, "ทดสอบสิทธิ์", "TRAINEE");
        Trainee t = new Trainee(person, world.token(person), firstName);
        t.enrollmentId = api.as(organiser).body(Map.of("personId", person.id())).post("/cohorts/" + cohortId + "/enrollments")
                .then().statusCode(201).extract().path("id");
        t.fieldReportId = api.as(t.token).body(Map.of("text", "รายงานของ " + firstName, "links", List.of()))
                .post("/field-assignments/" + fieldAssignmentId + "/reports").then().statusCode(201).extract().path("id");
        return t;
    }

    /** The trainee's attempt at the quiz, left in progress, and their work on the assignment. */
    private void work(Api api, Trainee t) {
        Response attempt = api.as(t.token).post("/assessments/" + quizId + "/attempts");
        attempt.then().statusCode(201);
        t.attemptId = attempt.path("id");
        t.submissionId = api.as(t.token).body(Map.of("text", "งานของ " + t.name)).post("/assessments/" + workId + "/submissions")
                .then().statusCode(201).extract().path("id");
    }

    static Map<String, Object> quiz(OffsetDateTime now) {
        Map<String, Object> quiz = new HashMap<>();
        quiz.put("kind", "QUIZ");
        quiz.put("title", "แบบทดสอบย่อย " + UUID.randomUUID().toString().substring(0, 4));
        quiz.put("weight", 10);
        quiz.put("maxScore", 10);
        quiz.put("opensAt", now.minusHours(1).toString());
        quiz.put("closesAt", now.plusHours(3).toString());
        quiz.put("questions", List.of(Map.of("kind", "TRUE_FALSE", "prompt", "ค่าเฉลี่ยไวต่อค่าผิดปกติ", "points", 1, "answer", true)));
        return quiz;
    }

    static String random(int length) {
        SecureRandom random = new SecureRandom();
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(THAI_LETTERS.charAt(random.nextInt(THAI_LETTERS.length())));
        }
        return text.toString();
    }
}
