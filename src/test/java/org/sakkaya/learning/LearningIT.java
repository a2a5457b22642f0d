package org.sakkaya.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
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
import org.sakkaya.it.TestDatabase;
import org.sakkaya.it.World;

/** Online courses: building them, studying them, and following a cohort's progress. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LearningIT {
    /** A one-page PDF, small but real enough for magic-byte detection. */
    static final byte[] PDF = ("%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            + "trailer<</Root 1 0 R>>\n%%EOF\n").getBytes(StandardCharsets.US_ASCII);

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

    @BeforeEach
    void setUp() {
        api = new Api(base);
        world = new World(api);
        organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        cohortId = world.cohort(organiser, world.program(organiser, "นักวิทยาการข้อมูล", "DATA_SCIENCE"), "2020-11-23", "2020-11-26");
    }

    /** A course with two modules: a TEXT and a VIDEO lesson, then a FILE lesson. Answers [courseId, text, video, file]. */
    private String[] course(String token) {
        String courseId = api.as(token).body(Map.of("title", "การวิเคราะห์ข้อมูลด้วย Python", "description", "พื้นฐาน"))
                .post("/courses").then().statusCode(201).extract().path("id");
        String first = api.as(token).body(Map.of("title", "บทที่ 1 ข้อมูลคืออะไร")).post("/courses/" + courseId + "/modules")
                .then().statusCode(201).body("position", equalTo(1)).extract().path("id");
        String second = api.as(token).body(Map.of("title", "บทที่ 2 สถิติเบื้องต้น")).post("/courses/" + courseId + "/modules")
                .then().statusCode(201).body("position", equalTo(2)).extract().path("id");
        String text = api.as(token).body(Map.of("title", "อ่านก่อนเรียน", "kind", "TEXT", "minutes", 10,
                        "content", "<p>ข้อมูล <b>สำคัญ</b></p><script>alert('x')</script><img src=x onerror=alert(1)>"))
                .post("/modules/" + first + "/lessons").then().statusCode(201).extract().path("id");
        String video = api.as(token).body(Map.of("title", "วิดีโอแนะนำ", "kind", "VIDEO", "url", "https://video.example.org/intro", "minutes", 15))
                .post("/modules/" + first + "/lessons").then().statusCode(201).body("position", equalTo(2)).extract().path("id");
        String file = api.as(token).body(Map.of("title", "เอกสารประกอบ", "kind", "FILE", "minutes", 5))
                .post("/modules/" + second + "/lessons").then().statusCode(201).extract().path("id");
        return new String[]{courseId, text, video, file};
    }

    private String seatedTrainee(World.Person person) {
        return world.seat(organiser, cohortId, person);
    }

    private Response progress(String token, String lessonId, boolean completed, int seconds) {
        return api.as(token).body(Map.of("completed", completed, "secondsSpent", seconds)).put("/lessons/" + lessonId + "/progress");
    }

    @Test
    void aTrainerBuildsACourseAndScriptsAreRemovedFromLessonText() {
        String trainer = world.token(world.person(world.divisionId, "TRAINER"));
        String[] course = course(trainer);
        api.as(trainer).get("/courses/" + course[0]).then().statusCode(200)
                .body("title", equalTo("การวิเคราะห์ข้อมูลด้วย Python"))
                .body("lessonCount", equalTo(3))
                .body("minutes", equalTo(30))
                .body("modules", hasSize(2))
                .body("modules[0].title", equalTo("บทที่ 1 ข้อมูลคืออะไร"))
                .body("modules[0].lessons.id", equalTo(List.of(course[1], course[2])))
                .body("modules[0].lessons[0].content", containsString("<b>สำคัญ</b>"))
                .body("modules[0].lessons[0].content", not(containsString("script")))
                .body("modules[0].lessons[0].content", not(containsString("onerror")))
                .body("modules[1].lessons[0].kind", equalTo("FILE"));
    }

    @Test
    void lessonsNeedWhatTheirKindNeeds() {
        String[] course = course(organiser);
        String module = api.as(organiser).get("/courses/" + course[0]).path("modules[0].id");
        api.as(organiser).body(Map.of("title", "x", "kind", "VIDEO")).post("/modules/" + module + "/lessons").then()
                .statusCode(400).body("errors[0].field", equalTo("url"));
        api.as(organiser).body(Map.of("title", "x", "kind", "LINK", "url", "javascript:alert(1)")).post("/modules/" + module + "/lessons")
                .then().statusCode(400).body("errors[0].field", equalTo("url"));
        // shown as a link: nothing that closes the attribute it goes into, and a host
        for (String url : List.of("https://x.example.org/\"><svg/onload=alert(1)>", "https:///no-host", "https://x.example.org/<b>")) {
            api.as(organiser).body(Map.of("title", "x", "kind", "LINK", "url", url)).post("/modules/" + module + "/lessons")
                    .then().statusCode(400).body("errors[0].field", equalTo("url"));
        }
        api.as(organiser).body(Map.of("title", "x", "kind", "TEXT")).post("/modules/" + module + "/lessons").then()
                .statusCode(400).body("errors[0].field", equalTo("content"));
        api.as(organiser).body(Map.of("title", "x", "kind", "QUIZ")).post("/modules/" + module + "/lessons").then().statusCode(400);
        api.as(organiser).body(Map.of("title", "x", "kind", "TEXT", "content", "y")).post("/modules/" + UUID.randomUUID() + "/lessons")
                .then().statusCode(404);
        String trainee = world.token(world.person(world.divisionId, "TRAINEE"));
        api.as(trainee).body(Map.of("title", "x")).post("/courses").then().statusCode(403);
        String otherTrainer = world.token(world.person(world.divisionId, "TRAINER"));
        api.as(otherTrainer).body(Map.of("title", "แทรก")).post("/courses/" + course[0] + "/modules").then().statusCode(404);
    }

    @Test
    void aFileLessonTakesADocumentByItsContentAndServesItAsAnAttachment() {
        String[] course = course(organiser);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "คู่มือ.pdf", PDF, "application/pdf")
                .post("/lessons/" + course[3] + "/file").then().statusCode(200).body("fileId", notNullValue());

        World.Person person = world.person(world.divisionId, "TRAINEE");
        String trainee = world.token(person);
        api.as(trainee).get("/lessons/" + course[3] + "/file").then().statusCode(404);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        seatedTrainee(person);
        Response download = api.as(trainee).accept("*/*").get("/lessons/" + course[3] + "/file");
        download.then().statusCode(200)
                .header("Content-Type", containsString("application/pdf"))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("Content-Disposition", containsString("attachment"))
                .header("Content-Disposition", containsString("filename*=UTF-8''%E0%B8%84"));
        assertThat(download.asByteArray()).isEqualTo(PDF);

        // a new file replaces the old one, which is gone with its bytes, not left behind
        String first = api.as(organiser).get("/courses/" + course[0]).then().extract().path("modules[1].lessons[0].fileId");
        byte[] second = Arrays.copyOf(PDF, PDF.length + 1);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "คู่มือ ฉบับปรับปรุง.pdf", second, "application/pdf")
                .post("/lessons/" + course[3] + "/file").then().statusCode(200).body("fileId", not(equalTo(first)));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stored_file WHERE id = ?", first)).isZero();
        assertThat(api.as(trainee).accept("*/*").get("/lessons/" + course[3] + "/file").asByteArray()).isEqualTo(second);
    }

    @Test
    void oversizeAndDisguisedUploadsAreRefusedAndLeaveNothing() {
        String[] course = course(organiser);
        long before = TestDatabase.count("SELECT COUNT(*) FROM stored_file");
        byte[] large = Arrays.copyOf(PDF, 1024 * 1024 + 10);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "big.pdf", large, "application/pdf")
                .post("/lessons/" + course[3] + "/file").then().statusCode(413)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("file"));
        byte[] html = "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "slides.pdf", html, "application/pdf")
                .post("/lessons/" + course[3] + "/file").then().statusCode(415);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "x.pdf", PDF, "application/pdf")
                .post("/lessons/" + course[1] + "/file").then().statusCode(422);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stored_file")).isEqualTo(before);
        api.as(organiser).get("/courses/" + course[0]).then().body("modules[1].lessons[0].fileId", nullValue());
    }

    @Test
    void aTraineeRecordsProgressIdempotentlyAndSeesItPerLessonAndCourse() {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200).body("id", equalTo(List.of(course[0])));
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String trainee = world.token(person);
        progress(trainee, course[1], true, 300).then().statusCode(404);
        seatedTrainee(person);

        progress(trainee, course[1], true, 300).then().statusCode(200)
                .body("completed", equalTo(true))
                .body("course.lessonsCompleted", equalTo(1))
                .body("course.completionPercent", equalTo(33.33f));
        progress(trainee, course[1], true, 300).then().statusCode(200).body("course.lessonsCompleted", equalTo(1)).body("course.secondsSpent", equalTo(300));
        progress(trainee, course[1], false, 120).then().statusCode(200).body("completed", equalTo(true)).body("secondsSpent", equalTo(300));
        progress(trainee, course[2], false, 200).then().statusCode(200).body("course.lessonsCompleted", equalTo(1)).body("course.secondsSpent", equalTo(500));

        String mine = "courses.find { it.courseId == '" + course[0] + "' }.";
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200)
                .body(mine + "lessons", hasSize(3))
                .body(mine + "lessonsCompleted", equalTo(1))
                .body(mine + "completionPercent", equalTo(33.33f))
                .body(mine + "secondsSpent", equalTo(500))
                .body(mine + "lessons[0].completed", equalTo(true))
                .body(mine + "lessons[0].completedAt", notNullValue())
                .body(mine + "lessons[1].completed", equalTo(false))
                .body(mine + "lessons[1].secondsSpent", equalTo(200))
                .body(mine + "lessons[2].title", equalTo("เอกสารประกอบ"))
                .body(mine + "lessons[2].completedAt", nullValue());
        // a course with no lessons yet is listed, empty, and counts nothing towards the cohort's completion
        String empty = api.as(organiser).body(Map.of("title", "ก่อนเรียน: แนะนำหลักสูตร")).post("/courses").then().statusCode(201).extract().path("id");
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + empty).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200)
                .body("courses.find { it.courseId == '" + empty + "' }.lessons", hasSize(0))
                .body("courses.find { it.courseId == '" + empty + "' }.lessonCount", equalTo(0))
                .body(mine + "lessonsCompleted", equalTo(1));
        // courses in Thai dictionary order, as the title column's collation sorts them: ก่อน before การ (tone marks count
        // last), โครงการ under ค before งาน (the leading vowel is read after its consonant); code points put both the other way
        for (String title : List.of("งานนำเสนอผลงาน", "โครงการฝึกปฏิบัติ")) {
            String id = api.as(organiser).body(Map.of("title", title)).post("/courses").then().statusCode(201).extract().path("id");
            api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + id).then().statusCode(200);
        }
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200)
                .body("courses.title", contains("ก่อนเรียน: แนะนำหลักสูตร", "การวิเคราะห์ข้อมูลด้วย Python", "โครงการฝึกปฏิบัติ", "งานนำเสนอผลงาน"))
                .body(mine + "lessons.title", contains("อ่านก่อนเรียน", "วิดีโอแนะนำ", "เอกสารประกอบ"));
        api.as(trainee).queryParam("cohortId", UUID.randomUUID().toString()).get("/me/progress").then().statusCode(404);
        api.as(trainee).get("/me/progress").then().statusCode(400).body("errors[0].field", equalTo("cohortId"));
        api.as(organiser).body(Map.of("completed", true)).put("/lessons/" + course[1] + "/progress").then().statusCode(403);
        api.as(trainee).body(Map.of("secondsSpent", -1, "completed", true)).put("/lessons/" + course[1] + "/progress")
                .then().statusCode(400).body("errors[0].field", equalTo("secondsSpent"));
    }

    @Test
    void parallelReportsOfOneLessonCountItOnce() throws Exception {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String trainee = seatedTrainee(person);
        ExecutorService pool = Executors.newFixedThreadPool(20);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                int seconds = 10 * i;
                statuses.add(pool.submit(() -> progress(trainee, course[1], true, seconds).statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(200);
            }
        } finally {
            pool.shutdown();
        }
        assertThat(TestDatabase.count("SELECT lessons_completed FROM course_progress WHERE person_id = ? AND course_id = ?", person.id(), course[0]))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT seconds_spent FROM course_progress WHERE person_id = ? AND course_id = ?", person.id(), course[0]))
                .isEqualTo(390);
    }

    @Test
    void theCohortTableShowsEachRoleItsOwnPart() {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        String otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
        World.Person ours = world.namedPerson(world.divisionId, "ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง", "TRAINEE");
        World.Person theirs = world.namedPerson(otherDepartment, null, "=HYPERLINK(\"http://x\")", "ใจดี", "TRAINEE");
        String oursToken = seatedTrainee(ours);
        String theirsToken = seatedTrainee(theirs);
        progress(oursToken, course[1], true, 60).then().statusCode(200);
        progress(oursToken, course[2], true, 60).then().statusCode(200);
        progress(oursToken, course[3], true, 60).then().statusCode(200);
        progress(theirsToken, course[1], true, 60).then().statusCode(200);

        api.as(organiser).get("/cohorts/" + cohortId + "/progress").then().statusCode(200)
                .body("total", equalTo(2))
                .body("courses[0].lessonCount", equalTo(3))
                .body("rows.find { it.personId == '" + ours.id() + "' }.completionPercent", equalTo(100.0f))
                .body("rows.find { it.personId == '" + ours.id() + "' }.personName", equalTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง"))
                .body("rows.find { it.personId == '" + theirs.id() + "' }.completionPercent", equalTo(33.33f))
                .body("averageCompletionPercent", equalTo(66.67f));

        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).get("/cohorts/" + cohortId + "/progress").then().statusCode(200)
                .body("total", equalTo(1)).body("rows[0].personId", equalTo(ours.id()));

        World.Person trainer = world.person(world.divisionId, "TRAINER");
        api.as(world.token(trainer)).get("/cohorts/" + cohortId + "/progress").then().statusCode(404);
        api.as(organiser).put("/cohorts/" + cohortId + "/trainers/" + trainer.id()).then().statusCode(200);
        api.as(world.token(trainer)).get("/cohorts/" + cohortId + "/progress").then().statusCode(200).body("total", equalTo(2));
        api.as(oursToken).get("/cohorts/" + cohortId + "/progress").then().statusCode(403);

        Response csv = api.as(organiser).accept("text/csv").get("/cohorts/" + cohortId + "/progress");
        csv.then().statusCode(200).contentType(containsString("text/csv"));
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFF").contains("ดร.ฤทัยรัตน์ ภู่ผึ้ง").contains("100.00")
                .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }
}
