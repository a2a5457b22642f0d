package org.sakkaya.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
import org.sakkaya.it.Pages;
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
        api.as(otherTrainer).body(Map.of("title", "แทรก")).post("/courses/" + course[0] + "/modules").then().statusCode(403);
    }

    @Test
    void coursesModulesAndLessonsAreCorrectedInPlace() {
        String[] course = course(organiser);
        String first = api.as(organiser).get("/courses/" + course[0]).path("modules[0].id");
        // a new lesson and module say where they are, and are read there
        Response added = api.as(organiser).body(Map.of("title", "แบบฝึกหัด", "kind", "LINK", "url", "https://colab.example.org/ex1"))
                .post("/modules/" + first + "/lessons");
        added.then().statusCode(201).header("Location", endsWith("/api/v1/lessons/" + added.path("id")));
        api.as(organiser).get(added.header("Location")).then().statusCode(200).body("title", equalTo("แบบฝึกหัด"));
        Response module = api.as(organiser).body(Map.of("title", "บทที่ 3")).post("/courses/" + course[0] + "/modules");
        module.then().statusCode(201).header("Location", endsWith("/api/v1/modules/" + module.path("id")));
        api.as(organiser).get("/modules/" + first).then().statusCode(200)
                .body("title", equalTo("บทที่ 1 ข้อมูลคืออะไร")).body("lessons.id", contains(course[1], course[2], added.path("id")));

        // a moved video, a corrected title and length
        api.as(organiser).body(Map.of("title", "วิดีโอแนะนำ (ฉบับปรับปรุง)", "url", "https://video.example.org/intro-2567", "minutes", 20))
                .patch("/lessons/" + course[2]).then().statusCode(200)
                .body("title", equalTo("วิดีโอแนะนำ (ฉบับปรับปรุง)")).body("url", equalTo("https://video.example.org/intro-2567"))
                .body("minutes", equalTo(20)).body("kind", equalTo("VIDEO"));
        // new text is sanitised as on creation; a TEXT lesson keeps some text
        api.as(organiser).body(Map.of("content", "<p>ฉบับแก้ไข</p><script>alert(1)</script>")).patch("/lessons/" + course[1])
                .then().statusCode(200).body("content", containsString("ฉบับแก้ไข")).body("content", not(containsString("script")))
                .body("title", equalTo("อ่านก่อนเรียน"));
        api.as(organiser).body(Map.of("content", " ")).patch("/lessons/" + course[1]).then().statusCode(400)
                .body("errors[0].field", equalTo("content"));
        api.as(organiser).body(Map.of("content", "<script>alert(1)</script>")).patch("/lessons/" + course[1]).then().statusCode(400)
                .body("errors[0].field", equalTo("content"));
        api.as(organiser).body(Map.of("title", "x", "kind", "TEXT", "content", "<script>alert(1)</script>")).post("/modules/" + first + "/lessons")
                .then().statusCode(400).body("errors[0].field", equalTo("content"));
        // an address only where the kind has one, and only a safe one
        api.as(organiser).body(Map.of("url", "https://x.example.org/")).patch("/lessons/" + course[1]).then().statusCode(400)
                .body("errors[0].field", equalTo("url"));
        for (String url : List.of("javascript:alert(1)", "", "https://x.example.org/\"><svg/onload=alert(1)>")) {
            api.as(organiser).body(Map.of("url", url)).patch("/lessons/" + course[2]).then().statusCode(400)
                    .body("errors[0].field", equalTo("url"));
        }
        api.as(organiser).body(Map.of("title", " ")).patch("/lessons/" + course[2]).then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        api.as(organiser).body(Map.of("minutes", -5)).patch("/lessons/" + course[2]).then().statusCode(400)
                .body("errors[0].field", equalTo("minutes"));
        // a video's description is cleared with an empty string
        api.as(organiser).body(Map.of("content", "<p>ดูให้จบ</p>")).patch("/lessons/" + course[2]).then().statusCode(200)
                .body("content", containsString("ดูให้จบ"));
        api.as(organiser).body(Map.of("content", "")).patch("/lessons/" + course[2]).then().statusCode(200).body("content", nullValue());
        // nothing of the refused requests was kept
        api.as(organiser).get("/lessons/" + course[2]).then().statusCode(200)
                .body("title", equalTo("วิดีโอแนะนำ (ฉบับปรับปรุง)")).body("url", equalTo("https://video.example.org/intro-2567"))
                .body("minutes", equalTo(20));

        api.as(organiser).body(Map.of("title", "บทที่ 1 รู้จักข้อมูล")).patch("/modules/" + first).then().statusCode(200)
                .body("title", equalTo("บทที่ 1 รู้จักข้อมูล")).body("lessons", hasSize(3));
        api.as(organiser).body(Map.of("title", "")).patch("/modules/" + first).then().statusCode(400).body("errors[0].field", equalTo("title"));
        api.as(organiser).body(Map.of("title", "การวิเคราะห์ข้อมูลด้วย Python รุ่นปรับปรุง", "description", "")).patch("/courses/" + course[0])
                .then().statusCode(200).body("title", equalTo("การวิเคราะห์ข้อมูลด้วย Python รุ่นปรับปรุง"))
                .body("description", nullValue()).body("minutes", equalTo(10 + 20 + 5)).body("lessonCount", equalTo(4));
        // a module goes only once it is empty
        api.as(organiser).delete("/modules/" + first).then().statusCode(409).body("type", endsWith("module-not-empty"));
        api.as(organiser).delete("/modules/" + module.path("id")).then().statusCode(204);
        api.as(organiser).get("/modules/" + module.path("id")).then().statusCode(404);

        // trainees read only the courses of their cohorts, and change none
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String trainee = world.token(person);
        // refused as a lesson or module that is not there: the answer names neither the course nor tells it exists
        api.as(trainee).get("/lessons/" + course[1]).then().statusCode(404).body("detail", not(containsString(course[0])));
        api.as(trainee).get("/modules/" + first).then().statusCode(404).body("detail", not(containsString(course[0])));
        api.as(trainee).accept("*/*").get("/lessons/" + course[1] + "/file").then().statusCode(404)
                .body("detail", not(containsString(course[0])));
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        seatedTrainee(person);
        api.as(trainee).get("/lessons/" + course[1]).then().statusCode(200).body("content", containsString("ฉบับแก้ไข"));
        api.as(trainee).body(Map.of("title", "x")).patch("/lessons/" + course[1]).then().statusCode(403);
        api.as(trainee).delete("/lessons/" + course[1]).then().statusCode(403);
        api.as(organiser).body(Map.of("title", "x")).patch("/lessons/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void lessonsAndModulesAreReorderedAndMovedWithinTheirCourse() {
        String[] course = course(organiser);
        String first = api.as(organiser).get("/courses/" + course[0]).path("modules[0].id");
        String second = api.as(organiser).get("/courses/" + course[0]).path("modules[1].id");
        api.as(organiser).body(Map.of("position", 1)).patch("/lessons/" + course[2]).then().statusCode(200)
                .body("position", equalTo(1)).body("moduleId", equalTo(first));
        api.as(organiser).get("/modules/" + first).then().body("lessons.id", contains(course[2], course[1]))
                .body("lessons.position", contains(1, 2));
        // to another module: last there, and the old module closes the gap
        api.as(organiser).body(Map.of("moduleId", second)).patch("/lessons/" + course[1]).then().statusCode(200)
                .body("moduleId", equalTo(second)).body("position", equalTo(2));
        api.as(organiser).get("/modules/" + first).then().body("lessons.id", contains(course[2])).body("lessons.position", contains(1));
        // back, first, with a new title in the same request
        api.as(organiser).body(Map.of("moduleId", first, "position", 1, "title", "อ่านก่อนเรียน (ปรับปรุง)")).patch("/lessons/" + course[1])
                .then().statusCode(200).body("position", equalTo(1)).body("title", equalTo("อ่านก่อนเรียน (ปรับปรุง)"));
        // past the end is last
        api.as(organiser).body(Map.of("position", 99)).patch("/lessons/" + course[1]).then().statusCode(200).body("position", equalTo(2));
        api.as(organiser).body(Map.of("position", 1)).patch("/modules/" + second).then().statusCode(200).body("position", equalTo(1));
        api.as(organiser).get("/courses/" + course[0]).then().statusCode(200)
                .body("modules.id", contains(second, first)).body("modules.position", contains(1, 2))
                .body("modules[0].lessons.id", contains(course[3])).body("modules[1].lessons.id", contains(course[2], course[1]));

        // a trainee reads the new order
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String trainee = world.token(person);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        seatedTrainee(person);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200)
                .body("courses[0].lessons.lessonId", contains(course[3], course[2], course[1]));

        // only modules of the lesson's own course, and places from 1
        String[] other = course(organiser);
        String elsewhere = api.as(organiser).get("/courses/" + other[0]).path("modules[0].id");
        api.as(organiser).body(Map.of("moduleId", elsewhere)).patch("/lessons/" + course[1]).then().statusCode(400)
                .body("errors[0].field", equalTo("moduleId"));
        api.as(organiser).body(Map.of("moduleId", UUID.randomUUID().toString())).patch("/lessons/" + course[1]).then().statusCode(400)
                .body("errors[0].field", equalTo("moduleId"));
        api.as(organiser).body(Map.of("position", 0)).patch("/lessons/" + course[1]).then().statusCode(400)
                .body("errors[0].field", equalTo("position"));
        api.as(organiser).body(Map.of("position", 0)).patch("/modules/" + first).then().statusCode(400);
        api.as(organiser).get("/courses/" + course[0]).then()
                .body("modules[1].lessons.id", contains(course[2], course[1]));
    }

    /**
     * The course page lists the cohort's courses from memory (CourseOutlines): every change made here shows on the next
     * read, and one made by another instance, whose change this one never hears of, within its lifetime (5 s).
     */
    @Test
    void aTraineesCoursePageShowsEveryChangeOfItsCoursesAtOnceAndAnotherInstancesShortlyAfter() throws Exception {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String trainee = seatedTrainee(person);
        progress(trainee, course[2], true, 90).then().statusCode(200);
        String mine = "courses.find { it.courseId == '" + course[0] + "' }.";
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200)
                .body(mine + "title", equalTo("การวิเคราะห์ข้อมูลด้วย Python"))
                .body(mine + "lessons.lessonId", contains(course[1], course[2], course[3]))
                .body(mine + "lessonsCompleted", equalTo(1)).body(mine + "lessonCount", equalTo(3));

        api.as(organiser).body(Map.of("title", "วิเคราะห์ข้อมูลด้วย Python ขั้นต้น")).patch("/courses/" + course[0]).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then()
                .body(mine + "title", equalTo("วิเคราะห์ข้อมูลด้วย Python ขั้นต้น"));
        String second = api.as(organiser).get("/courses/" + course[0]).path("modules[1].id");
        String added = api.as(organiser).body(Map.of("title", "แบบฝึกหัดท้ายบท", "kind", "LINK", "url", "https://colab.example.org/ex1"))
                .post("/modules/" + second + "/lessons").then().statusCode(201).extract().path("id");
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then()
                .body(mine + "lessons.lessonId", contains(course[1], course[2], course[3], added))
                .body(mine + "lessonCount", equalTo(4)).body(mine + "completionPercent", equalTo(25.0f));
        api.as(organiser).body(Map.of("title", "วิดีโอแนะนำ (ฉบับใหม่)", "position", 1)).patch("/lessons/" + course[2]).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then()
                .body(mine + "lessons.lessonId", contains(course[2], course[1], course[3], added))
                .body(mine + "lessons[0].title", equalTo("วิดีโอแนะนำ (ฉบับใหม่)")).body(mine + "lessons[0].completed", equalTo(true));
        api.as(organiser).body(Map.of("position", 1)).patch("/modules/" + second).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then()
                .body(mine + "lessons.lessonId", contains(course[3], added, course[2], course[1]));
        String first = api.as(organiser).get("/courses/" + course[0]).path("modules[1].id");
        api.as(organiser).body(Map.of("moduleId", second)).patch("/lessons/" + course[1]).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then()
                .body(mine + "lessons.lessonId", contains(course[3], added, course[1], course[2]));
        api.as(organiser).body(Map.of("moduleId", first)).patch("/lessons/" + course[1]).then().statusCode(200);
        api.as(organiser).body(Map.of("title", "เอกสารประกอบ (ฉบับปรับปรุง)")).patch("/lessons/" + course[3]).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then()
                .body(mine + "lessons.lessonId", contains(course[3], added, course[2], course[1]))
                .body(mine + "lessons[0].title", equalTo("เอกสารประกอบ (ฉบับปรับปรุง)"));
        api.as(organiser).delete("/lessons/" + course[2]).then().statusCode(204);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then()
                .body(mine + "lessons.lessonId", contains(course[3], added, course[1]))
                .body(mine + "lessonsCompleted", equalTo(0)).body(mine + "lessonCount", equalTo(3));
        api.as(organiser).delete("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().body("courses.courseId", not(hasItem(course[0])));
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().body("courses.courseId", hasItem(course[0]));

        // a lesson renamed by another instance, as PATCH /lessons/{id} writes it there: this instance, which read the
        // outline a moment ago, lists the old title (it does not ask the database for it on every read) until its
        // outline is five seconds old (CourseOutlines.LIFETIME), and the new one from then on
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().body(mine + "lessons[2].title", equalTo("อ่านก่อนเรียน"));
        long renamed = System.nanoTime();
        assertThat(TestDatabase.update("UPDATE lesson SET title = ?, version = version + 1 WHERE id = ?", "อ่านก่อนเรียน (แก้ที่อื่น)", course[1]))
                .isEqualTo(1);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().body(mine + "lessons[2].title", equalTo("อ่านก่อนเรียน"));
        long deadline = renamed + TimeUnit.SECONDS.toNanos(5 + 2);
        String title;
        do {
            Thread.sleep(100);
            title = api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").path(mine + "lessons[2].title");
        } while (!"อ่านก่อนเรียน (แก้ที่อื่น)".equals(title) && System.nanoTime() < deadline);
        assertThat(title).as("the lesson's title once this instance's outline outlived its lifetime").isEqualTo("อ่านก่อนเรียน (แก้ที่อื่น)");
    }

    @Test
    void aCohortKeepsItsVersionOfACourseByCopyingIt() {
        String[] course = course(organiser);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "คู่มือ.pdf", PDF, "application/pdf")
                .post("/lessons/" + course[3] + "/file").then().statusCode(200);
        // a trainer who neither wrote the course nor trains a cohort studying it makes a version of their own
        String trainer = world.token(world.person(world.divisionId, "TRAINER"));
        Response copied = api.as(trainer).body(Map.of("title", "การวิเคราะห์ข้อมูลด้วย Python รุ่นที่ 2")).post("/courses/" + course[0] + "/copy");
        copied.then().statusCode(201).header("Location", endsWith("/api/v1/courses/" + copied.path("id")))
                .body("title", equalTo("การวิเคราะห์ข้อมูลด้วย Python รุ่นที่ 2")).body("description", equalTo("พื้นฐาน"))
                .body("lessonCount", equalTo(3)).body("minutes", equalTo(30))
                .body("modules.title", contains("บทที่ 1 ข้อมูลคืออะไร", "บทที่ 2 สถิติเบื้องต้น"))
                .body("modules[0].lessons.title", contains("อ่านก่อนเรียน", "วิดีโอแนะนำ"))
                .body("modules[0].lessons[0].content", containsString("<b>สำคัญ</b>"))
                .body("modules[0].lessons[1].url", equalTo("https://video.example.org/intro"))
                .body("modules[1].lessons[0].kind", equalTo("FILE"));
        String copy = copied.path("id");
        String copiedFile = copied.path("modules[1].lessons[0].id");
        String originalFileId = api.as(organiser).get("/lessons/" + course[3]).path("fileId");
        assertThat((String) copied.path("modules[1].lessons[0].fileId")).isNotNull().isNotEqualTo(originalFileId);
        assertThat(api.as(trainer).accept("*/*").get("/lessons/" + copiedFile + "/file").asByteArray()).isEqualTo(PDF);

        // the copy is its author's to change, and changing it leaves the original as it was
        String copiedText = copied.path("modules[0].lessons[0].id");
        api.as(trainer).body(Map.of("title", "อ่านก่อนเรียน (รุ่นที่ 2)")).patch("/lessons/" + copiedText).then().statusCode(200);
        api.as(trainer).delete("/lessons/" + copiedFile).then().statusCode(204);
        api.as(organiser).get("/courses/" + course[0]).then().body("modules[0].lessons[0].title", equalTo("อ่านก่อนเรียน"))
                .body("lessonCount", equalTo(3));
        assertThat(api.as(organiser).accept("*/*").get("/lessons/" + course[3] + "/file").asByteArray()).isEqualTo(PDF);
        api.as(trainer).body(Map.of("title", "x")).patch("/lessons/" + course[1]).then().statusCode(403);

        // a title is required; trainees copy nothing; an unknown course is 404
        api.as(trainer).body(Map.of()).post("/courses/" + course[0] + "/copy").then().statusCode(400).body("errors[0].field", containsString("title"));
        api.as(world.token(world.person(world.divisionId, "TRAINEE"))).body(Map.of("title", "x")).post("/courses/" + course[0] + "/copy")
                .then().statusCode(403);
        api.as(trainer).body(Map.of("title", "x")).post("/courses/" + UUID.randomUUID() + "/copy").then().statusCode(404);
        api.as(organiser).get("/courses/" + copy).then().statusCode(200).body("lessonCount", equalTo(2));
    }

    @Test
    void aCopyTakesFilesStoredUnderOlderRulesAsTheyAre() throws Exception {
        String[] course = course(organiser);
        String second = api.as(organiser).get("/courses/" + course[0]).path("modules[1].id");
        String large = api.as(organiser).body(Map.of("title", "วิดีโอบรรยาย", "kind", "FILE")).post("/modules/" + second + "/lessons")
                .then().statusCode(201).extract().path("id");
        // stored before today's rules: bytes that are no PDF, kept as one because of their name, and a file larger
        // than the limit as it is now (1 MiB here)
        byte[] named = "<html>typed by its name</html>".getBytes(StandardCharsets.UTF_8);
        byte[] larger = Arrays.copyOf(PDF, 1024 * 1024 + 10);
        storedUnderOlderRules(course[3], "old0.pdf", named);
        storedUnderOlderRules(large, "old1.pdf", larger);

        Response copied = api.as(organiser).body(Map.of("title", "การวิเคราะห์ข้อมูลด้วย Python รุ่นที่ 2")).post("/courses/" + course[0] + "/copy");
        copied.then().statusCode(201).body("modules[1].lessons.kind", contains("FILE", "FILE"));
        for (int i = 0; i < 2; i++) {
            Response file = api.as(organiser).accept("*/*").get("/lessons/" + copied.path("modules[1].lessons[" + i + "].id") + "/file");
            file.then().statusCode(200).header("Content-Type", containsString("application/pdf"))
                    .header("Content-Disposition", containsString("filename=\"old" + i + ".pdf\""));
            assertThat(file.asByteArray()).isEqualTo(i == 0 ? named : larger);
        }
    }

    /** Gives the FILE lesson a PDF through the API, then puts {@code bytes} in its place as an older version would have. */
    private void storedUnderOlderRules(String lessonId, String name, byte[] bytes) throws Exception {
        String fileId = api.as(organiser).contentType("multipart/form-data").multiPart("file", name, PDF, "application/pdf")
                .post("/lessons/" + lessonId + "/file").then().statusCode(200).extract().path("fileId");
        Files.write(Path.of(System.getProperty("it.data.dir"), "files", fileId), bytes);
        assertThat(TestDatabase.update("UPDATE stored_file SET size_bytes = ? WHERE id = ?", bytes.length, fileId)).isEqualTo(1);
    }

    @Test
    void titlesOfIdeographicSpacesAreRefused() {
        String courseId = api.as(organiser).body(Map.of("title", "การสื่อสารความเสี่ยง")).post("/courses").then().statusCode(201).extract().path("id");
        long courses = TestDatabase.count("SELECT COUNT(*) FROM course");
        // U+3000 passes @NotBlank, which trims only what String.trim() does
        api.as(organiser).body(Map.of("title", "\u3000\u3000")).post("/courses/" + courseId + "/copy").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        // nor is a new course, module or lesson titled so
        api.as(organiser).body(Map.of("title", "\u3000")).post("/courses").then().statusCode(400).body("errors[0].field", equalTo("title"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM course")).isEqualTo(courses);
        api.as(organiser).body(Map.of("title", "\u3000")).post("/courses/" + courseId + "/modules").then().statusCode(400)
                .body("errors[0].field", equalTo("title"));
        String moduleId = api.as(organiser).body(Map.of("title", "บทที่ 1")).post("/courses/" + courseId + "/modules").then()
                .statusCode(201).extract().path("id");
        api.as(organiser).body(Map.of("title", "\u3000", "kind", "TEXT", "content", "<p>เนื้อหา</p>")).post("/modules/" + moduleId + "/lessons")
                .then().statusCode(400).body("errors[0].field", equalTo("title"));
    }

    @Test
    void aCopyFinishesWithTheOriginalsFilesWhileALessonIsDeletedOrAFileReplaced() throws Exception {
        String[] course = course(organiser);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "คู่มือ.pdf", PDF, "application/pdf")
                .post("/lessons/" + course[3] + "/file").then().statusCode(200);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        String trainee = seatedTrainee(world.person(world.divisionId, "TRAINEE"));
        World.Person copier = world.person(world.divisionId, "TRAINER");
        String copierToken = world.token(copier);

        // the lesson with the file is deleted (its bytes go at the deletion's commit) while the copy is under way; a
        // trainee's progress in the original does not wait for the copy
        Response copy = copyWhile(copier, copierToken, course[0],
                () -> progress(trainee, course[1], true, 60).statusCode(),
                () -> api.as(organiser).delete("/lessons/" + course[3]).statusCode(), 204);
        copy.then().body("modules[1].lessons.kind", contains("FILE"));
        assertThat(api.as(copierToken).accept("*/*").get("/lessons/" + copy.path("modules[1].lessons[0].id") + "/file").asByteArray())
                .isEqualTo(PDF);

        // the file is replaced meanwhile
        String[] other = course(organiser);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "คู่มือ.pdf", PDF, "application/pdf")
                .post("/lessons/" + other[3] + "/file").then().statusCode(200);
        byte[] replacement = Arrays.copyOf(PDF, PDF.length + 1);
        copy = copyWhile(copier, copierToken, other[0], null,
                () -> api.as(organiser).contentType("multipart/form-data").multiPart("file", "ฉบับใหม่.pdf", replacement, "application/pdf")
                        .post("/lessons/" + other[3] + "/file").statusCode(), 200);
        assertThat(api.as(copierToken).accept("*/*").get("/lessons/" + copy.path("modules[1].lessons[0].id") + "/file").asByteArray())
                .isEqualTo(PDF);
        assertThat(api.as(organiser).accept("*/*").get("/lessons/" + other[3] + "/file").asByteArray()).isEqualTo(replacement);
    }

    /**
     * Copies the course while {@code change} is sent. The copy is held once it has begun: the test locks the copier's
     * person row, which the copy's own course row refers to. While it is held, {@code meanwhile} (if any) must answer
     * 200 within seconds; then the change is sent, and must wait for the copy's lock on the original until the copy is
     * let go. Answers the copy's response (201), once the change has answered {@code changeStatus}.
     */
    private Response copyWhile(World.Person copier, String copierToken, String courseId, Callable<Integer> meanwhile,
                               Callable<Integer> change, int changeStatus) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Connection hold = TestDatabase.connect()) {
            hold.setAutoCommit(false);
            try (PreparedStatement lock = hold.prepareStatement("SELECT id FROM person WHERE id = ? FOR UPDATE")) {
                lock.setString(1, copier.id());
                lock.executeQuery().close();
            }
            Future<Response> copy = pool.submit(() -> api.as(copierToken).body(Map.of("title", "ฉบับของรุ่นที่ 2"))
                    .post("/courses/" + courseId + "/copy"));
            awaitLockWaits(1, copy);
            assertThat(copy.isDone()).as("the copy waits for the copier's row").isFalse();
            if (meanwhile != null) {
                assertThat(pool.submit(meanwhile).get(15, TimeUnit.SECONDS)).isEqualTo(200);
            }
            Future<Integer> changed = pool.submit(change);
            awaitLockWaits(2, changed);
            boolean waited = !changed.isDone();
            hold.commit();
            // a change that did not wait deleted bytes the copy was about to read: 500
            copy.get().then().statusCode(201);
            assertThat(waited).as("the change waits for the copy").isTrue();
            assertThat(changed.get()).isEqualTo(changeStatus);
            return copy.get();
        } finally {
            pool.shutdown();
        }
    }

    /**
     * Waits until {@code waits} statements have been running for half a second, which with these tests' few rows means
     * they wait for a lock, or until {@code request} has answered. (INNODB_TRX did not always list a transaction that
     * was waiting in its first locking statement.)
     */
    private static void awaitLockWaits(int waits, Future<?> request) throws InterruptedException {
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!request.isDone() && System.nanoTime() < until && TestDatabase.count("SELECT COUNT(*) FROM information_schema.PROCESSLIST "
                + "WHERE command = 'Query' AND time_ms >= 500 AND info NOT LIKE '%PROCESSLIST%'") < waits) {
            Thread.sleep(50);
        }
    }

    @Test
    void aLessonOrModuleDeletedLeavesNoGapInTheOrder() {
        String[] course = course(organiser);
        String first = api.as(organiser).get("/courses/" + course[0]).path("modules[0].id");
        String third = api.as(organiser).body(Map.of("title", "x", "kind", "LINK", "url", "https://colab.example.org/ex1"))
                .post("/modules/" + first + "/lessons").then().statusCode(201).body("position", equalTo(3)).extract().path("id");
        api.as(organiser).delete("/lessons/" + course[2]).then().statusCode(204);
        api.as(organiser).get("/modules/" + first).then().body("lessons.id", contains(course[1], third)).body("lessons.position", contains(1, 2));
        api.as(organiser).body(Map.of("title", "y", "kind", "LINK", "url", "https://colab.example.org/ex2")).post("/modules/" + first + "/lessons")
                .then().statusCode(201).body("position", equalTo(3));

        String[] modules = new String[3];
        String courseId = api.as(organiser).body(Map.of("title", "หลักสูตรสามบท")).post("/courses").then().statusCode(201).extract().path("id");
        for (int i = 0; i < 3; i++) {
            modules[i] = api.as(organiser).body(Map.of("title", "บทที่ " + (i + 1))).post("/courses/" + courseId + "/modules")
                    .then().statusCode(201).extract().path("id");
        }
        api.as(organiser).delete("/modules/" + modules[1]).then().statusCode(204);
        api.as(organiser).get("/courses/" + courseId).then().body("modules.id", contains(modules[0], modules[2]))
                .body("modules.position", contains(1, 2));
        api.as(organiser).body(Map.of("title", "บทที่ 4")).post("/courses/" + courseId + "/modules").then().statusCode(201)
                .body("position", equalTo(3));
    }

    @Test
    void aModuleDeletedWhileAChangeOfItWaitedForTheCourseIsNotFound() throws Exception {
        String courseId = api.as(organiser).body(Map.of("title", "หลักสูตรที่ผู้ดูแลสองคนแก้พร้อมกัน")).post("/courses").then().statusCode(201)
                .extract().path("id");
        String[] modules = new String[2];
        for (int i = 0; i < 2; i++) {
            modules[i] = api.as(organiser).body(Map.of("title", "บทที่ " + (i + 1))).post("/courses/" + courseId + "/modules")
                    .then().statusCode(201).extract().path("id");
        }
        // another administrator's delete holds the course: the move, the new title and a new lesson wait for it, and
        // the module is gone when they get the course (they answered 500, 200 and a foreign-key 409)
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try (Connection other = TestDatabase.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement("SELECT id FROM course WHERE id = ? FOR UPDATE")) {
                lock.setString(1, courseId);
                lock.executeQuery().close();
            }
            List<Future<Response>> changes = List.of(
                    pool.submit(() -> api.as(organiser).body(Map.of("position", 1)).patch("/modules/" + modules[1])),
                    pool.submit(() -> api.as(organiser).body(Map.of("title", "บทที่สอง (แก้ไข)")).patch("/modules/" + modules[1])),
                    pool.submit(() -> api.as(organiser).body(Map.of("title", "x", "kind", "LINK", "url", "https://colab.example.org/ex9"))
                            .post("/modules/" + modules[1] + "/lessons")));
            for (Future<Response> change : changes) {
                awaitLockWaits(changes.indexOf(change) + 1, change);
            }
            assertThat(changes).as("every change waits for the course").noneMatch(Future::isDone);
            try (PreparedStatement delete = other.prepareStatement("DELETE FROM course_module WHERE id = ?")) {
                delete.setString(1, modules[1]);
                assertThat(delete.executeUpdate()).isEqualTo(1);
            }
            other.commit();
            for (Future<Response> change : changes) {
                change.get(60, TimeUnit.SECONDS).then().statusCode(404).contentType(containsString("problem+json"));
            }
        } finally {
            pool.shutdownNow();
        }
        api.as(organiser).get("/courses/" + courseId).then().statusCode(200).body("modules.id", contains(modules[0]))
                .body("modules.position", contains(1));
    }

    @Test
    void aTextLessonWithNothingToShowOnceSanitisedIsRefused() {
        String[] course = course(organiser);
        String module = api.as(organiser).get("/courses/" + course[0]).path("modules[0].id");
        for (String nothing : List.of("<p><script>alert(1)</script></p>", "<p>&nbsp;</p><table><tr><td> </td></tr></table>")) {
            api.as(organiser).body(Map.of("title", "x", "kind", "TEXT", "content", nothing)).post("/modules/" + module + "/lessons")
                    .then().statusCode(400).body("errors[0].field", equalTo("content"));
            api.as(organiser).body(Map.of("content", nothing)).patch("/lessons/" + course[1]).then().statusCode(400)
                    .body("errors[0].field", equalTo("content"));
        }
        api.as(organiser).get("/lessons/" + course[1]).then().body("content", containsString("สำคัญ"));
        // an image alone is something to see
        api.as(organiser).body(Map.of("content", "<p><img src=\"https://moph.go.th/chart.png\"></p>")).patch("/lessons/" + course[1])
                .then().statusCode(200).body("content", containsString("chart.png"));
    }

    @Test
    void aTraineeWithdrawnWhileReportingHasNoProgressSaved() throws Exception {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        World.Person alone = world.person(world.divisionId, "TRAINEE");
        assertWithdrawnMeanwhile(alone, seatedTrainee(alone), course[1]);
        // a course several cohorts study: the seat found is locked too
        String otherCohort = world.cohort(organiser, world.program(organiser, "นักสื่อสารสุขภาพ", "CONTENT_CREATOR"), "2020-12-01", "2020-12-04");
        api.as(organiser).put("/cohorts/" + otherCohort + "/courses/" + course[0]).then().statusCode(200);
        World.Person shared = world.person(world.divisionId, "TRAINEE");
        assertWithdrawnMeanwhile(shared, seatedTrainee(shared), course[1]);
    }

    /**
     * The course page answers the seat from memory once read (KnownSeats): a withdrawal here is seen by the next read,
     * one written by another instance within the five-second poll.
     */
    @Test
    void aWithdrawnTraineeNoLongerReadsTheCoursesHereAtOnceOrAfterAnotherInstanceWithdrewThem() throws Exception {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        World.Person here = world.person(world.divisionId, "TRAINEE");
        String enrollmentId = api.as(organiser).body(Map.of("personId", here.id())).post("/cohorts/" + cohortId + "/enrollments")
                .then().statusCode(201).extract().path("id");
        String trainee = world.token(here);
        for (int read = 0; read < 3; read++) {
            api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200)
                    .body("courses[0].courseId", equalTo(course[0]));
        }
        // the id column compares without case: the id in capitals names no cohort, nor a seat to remember apart
        api.as(trainee).queryParam("cohortId", cohortId.toUpperCase(Locale.ROOT)).get("/me/progress").then().statusCode(400)
                .body("errors[0].field", equalTo("cohortId"));
        api.as(organiser).post("/enrollments/" + enrollmentId + "/withdraw").then().statusCode(200);
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(404);
        progress(trainee, course[1], true, 60).then().statusCode(404);

        World.Person elsewhere = world.person(world.divisionId, "TRAINEE");
        String other = seatedTrainee(elsewhere);
        api.as(other).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200);
        // what POST /enrollments/{id}/withdraw writes, committed by another instance, whose event this one never hears
        assertThat(TestDatabase.update("UPDATE enrollment SET status = 'WITHDRAWN', withdrawn_at = UTC_TIMESTAMP(6), "
                + "seat_left_at = UTC_TIMESTAMP(6), version = version + 1 WHERE cohort_id = ? AND person_id = ?",
                cohortId, elsewhere.id())).isEqualTo(1);
        progress(other, course[1], true, 60).then().statusCode(404);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        int status;
        do {
            Thread.sleep(250);
            status = api.as(other).queryParam("cohortId", cohortId).get("/me/progress").statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).as("the course page once the other instance's withdrawal was polled").isEqualTo(404);
    }

    /**
     * A withdrawal of the trainee's seat that has written its row and commits while the report is under way, as
     * {@code POST /enrollments/{id}/withdraw} does: the report waits for it and finds no seat.
     */
    private void assertWithdrawnMeanwhile(World.Person person, String token, String lessonId) throws Exception {
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try (Connection withdrawal = TestDatabase.connect()) {
            withdrawal.setAutoCommit(false);
            try (PreparedStatement withdraw = withdrawal.prepareStatement("UPDATE enrollment SET status = 'WITHDRAWN', "
                    + "withdrawn_at = UTC_TIMESTAMP(6), version = version + 1 WHERE cohort_id = ? AND person_id = ?")) {
                withdraw.setString(1, cohortId);
                withdraw.setString(2, person.id());
                assertThat(withdraw.executeUpdate()).isEqualTo(1);
            }
            Future<Integer> report = pool.submit(() -> progress(token, lessonId, true, 60).statusCode());
            awaitLockWaits(1, report);
            withdrawal.commit();
            assertThat(report.get()).isEqualTo(404);
        } finally {
            pool.shutdown();
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM lesson_progress WHERE person_id = ?", person.id())).isZero();
    }

    @Test
    void aDeletedLessonTakesItsProgressAndFileWithItAndCompletionFollows() {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        api.as(organiser).contentType("multipart/form-data").multiPart("file", "คู่มือ.pdf", PDF, "application/pdf")
                .post("/lessons/" + course[3] + "/file").then().statusCode(200);
        String fileId = api.as(organiser).get("/lessons/" + course[3]).path("fileId");
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String trainee = world.token(person);
        seatedTrainee(person);
        progress(trainee, course[1], true, 300).then().statusCode(200);
        progress(trainee, course[2], true, 120).then().statusCode(200);
        World.Person other = world.person(world.divisionId, "TRAINEE");
        String otherToken = world.token(other);
        seatedTrainee(other);
        progress(otherToken, course[2], false, 45).then().statusCode(200);

        api.as(organiser).delete("/lessons/" + course[2]).then().statusCode(204);
        api.as(organiser).get("/lessons/" + course[2]).then().statusCode(404);
        api.as(organiser).delete("/lessons/" + course[2]).then().statusCode(404);
        progress(trainee, course[2], true, 130).then().statusCode(404);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM lesson_progress WHERE lesson_id = ?", course[2])).isZero();

        // what the trainee sees and what the cohort table (the running totals) shows agree: 1 of 2 lessons, 300 s
        String mine = "courses.find { it.courseId == '" + course[0] + "' }.";
        api.as(trainee).queryParam("cohortId", cohortId).get("/me/progress").then().statusCode(200)
                .body(mine + "lessonCount", equalTo(2)).body(mine + "lessonsCompleted", equalTo(1))
                .body(mine + "completionPercent", equalTo(50.0f)).body(mine + "secondsSpent", equalTo(300))
                .body(mine + "lessons.title", contains("อ่านก่อนเรียน", "เอกสารประกอบ"));
        String row = "items.find { it.personId == '%s' }.courses[0].";
        // a client that accepts anything (curl's default) gets the JSON table, not the CSV file
        api.as(organiser).accept("*/*").get("/cohorts/" + cohortId + "/progress").then().statusCode(200)
                .contentType(containsString("application/json")).body("courses[0].lessonCount", equalTo(2));
        api.as(organiser).get("/cohorts/" + cohortId + "/progress").then().statusCode(200)
                .body("courses[0].lessonCount", equalTo(2))
                .body(String.format(row, person.id()) + "lessonsCompleted", equalTo(1))
                .body(String.format(row, person.id()) + "secondsSpent", equalTo(300))
                .body(String.format(row, person.id()) + "completionPercent", equalTo(50.0f))
                .body(String.format(row, other.id()) + "secondsSpent", equalTo(0));
        // the next report counts on from the corrected totals
        progress(trainee, course[3], true, 60).then().statusCode(200)
                .body("course.lessonsCompleted", equalTo(2)).body("course.completionPercent", equalTo(100.0f))
                .body("course.secondsSpent", equalTo(360));

        // a FILE lesson's file goes with it, row and bytes
        java.nio.file.Path bytes = java.nio.file.Paths.get(System.getProperty("it.data.dir"), "files", fileId);
        assertThat(bytes).exists();
        api.as(organiser).delete("/lessons/" + course[3]).then().statusCode(204);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM stored_file WHERE id = ?", fileId)).isZero();
        assertThat(bytes).doesNotExist();
        api.as(trainee).accept("*/*").get("/lessons/" + course[3] + "/file").then().statusCode(404);
        String second = api.as(organiser).get("/courses/" + course[0]).path("modules[1].id");
        api.as(organiser).delete("/modules/" + second).then().statusCode(204);
        api.as(organiser).get("/courses/" + course[0]).then().statusCode(200)
                .body("lessonCount", equalTo(1)).body("modules", hasSize(1));
    }

    @Test
    void aCourseSharedWithAnotherTrainersCohortIsChangedByItsAuthorOrAProgrammeAdministrator() {
        String[] course = course(organiser);
        World.Person ours = world.person(world.divisionId, "TRAINER");
        World.Person theirs = world.person(world.divisionId, "TRAINER");
        String otherCohort = world.cohort(organiser, world.program(organiser, "นักสื่อสารสุขภาพ", "CONTENT_CREATOR"), "2020-12-01", "2020-12-04");
        api.as(organiser).put("/cohorts/" + cohortId + "/trainers/" + ours.id()).then().statusCode(200);
        api.as(organiser).put("/cohorts/" + otherCohort + "/trainers/" + theirs.id()).then().statusCode(200);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        String oursToken = world.token(ours);
        // studied only by a cohort this trainer trains: theirs to change
        api.as(oursToken).body(Map.of("minutes", 12)).patch("/lessons/" + course[1]).then().statusCode(200).body("minutes", equalTo(12));

        // shared with a cohort another trainer trains: neither trainer changes it under the other's cohort
        api.as(organiser).put("/cohorts/" + otherCohort + "/courses/" + course[0]).then().statusCode(200);
        for (String token : List.of(oursToken, world.token(theirs))) {
            api.as(token).body(Map.of("minutes", 99)).patch("/lessons/" + course[1]).then().statusCode(403)
                    .contentType(containsString("problem+json"));
            api.as(token).delete("/lessons/" + course[2]).then().statusCode(403);
            api.as(token).body(Map.of("title", "แทรก")).post("/courses/" + course[0] + "/modules").then().statusCode(403);
            api.as(token).body(Map.of("title", "แทรก")).patch("/courses/" + course[0]).then().statusCode(403);
            // still read as the catalogue is
            api.as(token).get("/lessons/" + course[1]).then().statusCode(200).body("minutes", equalTo(12));
        }
        // its author and the programme administrators still do
        String author = world.token(world.person(world.divisionId, "TRAINER"));
        String own = api.as(author).body(Map.of("title", "การเล่าเรื่องด้วยวิดีโอสั้น")).post("/courses").then().statusCode(201).extract().path("id");
        String ownModule = api.as(author).body(Map.of("title", "บทที่ 1")).post("/courses/" + own + "/modules").then().statusCode(201).extract().path("id");
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + own).then().statusCode(200);
        api.as(organiser).put("/cohorts/" + otherCohort + "/courses/" + own).then().statusCode(200);
        api.as(author).body(Map.of("title", "บทที่ 1 เริ่มต้น")).patch("/modules/" + ownModule).then().statusCode(200);
        api.as(organiser).body(Map.of("minutes", 14)).patch("/lessons/" + course[1]).then().statusCode(200);
        // no longer shared: the cohort's trainer changes it again
        api.as(organiser).delete("/cohorts/" + otherCohort + "/courses/" + course[0]).then().statusCode(200);
        api.as(oursToken).body(Map.of("minutes", 15)).patch("/lessons/" + course[1]).then().statusCode(200);
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
        // the cohort's courses with their length, as the course's page has it (the list said 0 minutes)
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200).body("id", equalTo(List.of(course[0])))
                .body("minutes", equalTo(List.of(30))).body("lessonCount", equalTo(List.of(3)));
        api.as(organiser).get("/courses/" + course[0]).then().body("minutes", equalTo(30));
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
        // the trainee's own export says a lesson not completed has no completion time: null, not ""
        api.as(trainee).get("/people/" + person.id() + "/personal-data").then().statusCode(200)
                .body("learning.lessons.find { it.lessonId == '" + course[2] + "' }.completed", equalTo(false))
                .body("learning.lessons.find { it.lessonId == '" + course[2] + "' }.completedAt", nullValue())
                .body("learning.lessons.find { it.lessonId == '" + course[1] + "' }.completedAt", notNullValue());
        // true or false is a JSON boolean: "yes" and 1 were read as false, and answered 200
        for (Object notABoolean : List.of("yes", "ใช่", 1)) {
            api.as(trainee).body(Map.of("completed", notABoolean, "secondsSpent", 60)).put("/lessons/" + course[2] + "/progress")
                    .then().statusCode(400).body("errors[0].field", equalTo("completed"));
        }
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
    void aLessonDeletedWhileTraineesReportLeavesEveryTotalEqualToWhatIsRecorded() throws Exception {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        List<String> trainees = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            trainees.add(seatedTrainee(world.person(world.divisionId, "TRAINEE")));
        }
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Integer>> statuses = new ArrayList<>();
        List<Integer> deleted = new ArrayList<>();
        Future<Integer> deletion = null;
        try {
            for (int round = 1; round <= 6; round++) {
                for (String trainee : trainees) {
                    int seconds = 30 * round;
                    boolean done = round % 2 == 0;
                    statuses.add(pool.submit(() -> progress(trainee, course[2], done, seconds).statusCode()));
                    statuses.add(pool.submit(() -> progress(trainee, course[1], done, seconds).statusCode()));
                }
                if (round == 2) {
                    deletion = pool.submit(() -> api.as(organiser).delete("/lessons/" + course[2]).statusCode());
                }
            }
            assertThat(deletion.get()).isEqualTo(204);
            for (int i = 0; i < statuses.size(); i++) {
                int status = statuses.get(i).get();
                // a report after the deletion finds no lesson (404), or finds it gone while writing (409); never a 5xx
                assertThat(status).isIn(200, 404, 409);
                if (i % 2 == 0) {
                    deleted.add(status);
                }
            }
        } finally {
            pool.shutdown();
        }
        // the deleted lesson's reports ran on both sides of the deletion
        assertThat(deleted).as("reports on the deleted lesson").contains(200).containsAnyOf(404, 409);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM lesson_progress WHERE lesson_id = ?", course[2])).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM course_progress c WHERE c.course_id = ? AND ("
                + "c.lessons_completed <> (SELECT COUNT(*) FROM lesson_progress l WHERE l.course_id = c.course_id AND l.person_id = c.person_id AND l.completed) "
                + "OR c.seconds_spent <> (SELECT COALESCE(SUM(l.seconds_spent), 0) FROM lesson_progress l WHERE l.course_id = c.course_id AND l.person_id = c.person_id))",
                course[0])).as("trainees whose course totals differ from their lesson records").isZero();
        assertThat(TestDatabase.count("SELECT lesson_count FROM course WHERE id = ?", course[0])).isEqualTo(2);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM course_progress WHERE course_id = ? AND lessons_completed = 1 AND seconds_spent = 180",
                course[0])).as("every trainee: the text lesson done, 180 s in it").isEqualTo(8);
    }

    @Test
    void theCohortTableComesAPageOfTraineesAtATimeWithItsColumnsAndAverageOnEveryPage() {
        String[] course = course(organiser);
        api.as(organiser).put("/cohorts/" + cohortId + "/courses/" + course[0]).then().statusCode(200);
        List<String> seated = new ArrayList<>();
        List<String> names = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            names.add("ผู้เรียนหน้า" + (i + 1));
            World.Person person = world.namedPerson(world.divisionId, "นาย", names.get(i), "ตารางใหญ่", "TRAINEE");
            String token = seatedTrainee(person);
            if (i == 0) {
                progress(token, course[1], true, 60).then().statusCode(200);
            }
            seated.add(person.id());
        }
        String table = "/cohorts/" + cohortId + "/progress";
        assertThat(Pages.checkPaging(api, organiser, table, "personId", 2, 3)).containsExactlyInAnyOrderElementsOf(seated);
        // the table's own fields stay beside the list, on every page; the list is items, as in every list
        api.as(organiser).queryParam("page", 1).queryParam("size", 2).get(table).then().statusCode(200)
                .body("cohortId", equalTo(cohortId)).body("courses[0].lessonCount", equalTo(3))
                .body("averageCompletionPercent", equalTo(11.11f)).body("items", hasSize(1)).body("rows", nullValue());
        // the CSV is the whole table, as before, a line for each trainee by name
        String csv = new String(api.as(organiser).accept("text/csv").get(table).then().statusCode(200).extract().asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(csv.lines().filter(line -> names.stream().anyMatch(name -> line.startsWith("นาย" + name + " ตารางใหญ่,"))))
                .hasSize(3);
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
                .body("items.find { it.personId == '" + ours.id() + "' }.completionPercent", equalTo(100.0f))
                .body("items.find { it.personId == '" + ours.id() + "' }.personName", equalTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง"))
                .body("items.find { it.personId == '" + theirs.id() + "' }.completionPercent", equalTo(33.33f))
                .body("averageCompletionPercent", equalTo(66.67f));

        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).get("/cohorts/" + cohortId + "/progress").then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].personId", equalTo(ours.id()));

        World.Person trainer = world.person(world.divisionId, "TRAINER");
        api.as(world.token(trainer)).get("/cohorts/" + cohortId + "/progress").then().statusCode(404);
        api.as(organiser).put("/cohorts/" + cohortId + "/trainers/" + trainer.id()).then().statusCode(200);
        api.as(world.token(trainer)).get("/cohorts/" + cohortId + "/progress").then().statusCode(200).body("total", equalTo(2));
        api.as(oursToken).get("/cohorts/" + cohortId + "/progress").then().statusCode(403);

        Response csv = api.as(organiser).accept("text/csv").get("/cohorts/" + cohortId + "/progress");
        csv.then().statusCode(200).contentType(containsString("text/csv"));
        String body = new String(csv.asByteArray(), StandardCharsets.UTF_8);
        assertThat(body).startsWith("\uFEFFชื่อ-นามสกุล (name),หน่วยงาน (organisation),ความก้าวหน้ารวม ร้อยละ (completion %),")
                .contains("ดร.ฤทัยรัตน์ ภู่ผึ้ง,กองทดสอบ " + world.tag() + ",100.00").contains(",กรมอื่น,")
                .doesNotContain(world.divisionId).doesNotContain(ours.id())
                .contains("'=HYPERLINK").doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK");
    }
}
