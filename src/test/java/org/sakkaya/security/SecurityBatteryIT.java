package org.sakkaya.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import io.restassured.config.EncoderConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BiFunction;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
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
import org.sakkaya.platform.Bangkok;
import org.sakkaya.security.Routes.Route;
import org.sakkaya.security.Routes.Scope;

/**
 * The security battery over HTTP: the access matrix generated from /openapi, mass assignment, and XSS and formula
 * injection in names, and a corpus of malformed requests to every operation. One deployment for all of it.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class SecurityBatteryIT {
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void setUp() {
        api = new Api(base);
    }

    private String programAdmin() {
        World world = new World(api);
        return world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
    }

    /** "METHOD path" of every operation in the served OpenAPI document that has a query parameter naming an id. */
    @SuppressWarnings("unchecked")
    private Map<String, Set<String>> idQueryParameters() {
        Map<String, Map<String, Object>> paths = api.root().accept("application/json").get("/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        Map<String, Set<String>> operations = new java.util.TreeMap<>();
        paths.forEach((path, ops) -> ops.forEach((method, op) -> {
            if (!METHODS.contains(method) || !(op instanceof Map<?, ?> operation)
                    || !(operation.get("parameters") instanceof List<?> parameters)) {
                return;
            }
            for (Object parameter : parameters) {
                Map<String, Object> p = (Map<String, Object>) parameter;
                if ("query".equals(p.get("in")) && String.valueOf(p.get("name")).endsWith("Id")) {
                    operations.computeIfAbsent(method.toUpperCase() + " " + path, k -> new TreeSet<>()).add((String) p.get("name"));
                }
            }
        }));
        return operations;
    }

    /** "METHOD path" of every operation in the served OpenAPI document. */
    private List<String[]> operations() {
        JsonPath doc = api.root().accept("application/json").get("/openapi").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> paths = doc.getMap("paths");
        List<String[]> operations = new ArrayList<>();
        paths.forEach((path, ops) -> ops.keySet().stream().filter(METHODS::contains)
                .forEach(method -> operations.add(new String[]{method.toUpperCase(), path})));
        return operations;
    }

    // --- the access matrix

    enum Persona { TRAINEE, TRAINER, HR, EXECUTIVE, PROGRAM_ADMIN, ADMIN }

    enum Target { OWN, SAME_ORGANIZATION, OTHER_ORGANIZATION }

    @Test
    void theAccessMatrixOfEveryEndpointByEveryRoleLeaksNothing() throws IOException {
        List<String[]> operations = operations();
        Set<String> unlisted = new TreeSet<>();
        for (String[] op : operations) {
            if (op[1].contains("{") && !Routes.ALL.containsKey(op[1])) {
                unlisted.add(op[1]);
            }
        }
        assertThat(unlisted).as("templated paths of /openapi missing from Routes (add a row for each)").isEmpty();
        Map<String, Set<String>> idQueries = idQueryParameters();
        assertThat(idQueries).as("the document's query parameters that name an id (the check below needs some)").isNotEmpty();
        idQueries.forEach((operation, names) -> {
            String method = operation.substring(0, operation.indexOf(' '));
            Route route = Routes.ALL.get(operation.substring(operation.indexOf(' ') + 1));
            assertThat(route).as("%s takes %s: it needs a row in Routes", operation, names).isNotNull();
            assertThat(route.templated() || method.equals("GET")).as("%s: only a GET of a path without ids is in the matrix", operation).isTrue();
            assertThat(route.query().keySet()).as("the query ids of %s in Routes", operation).containsAll(names);
        });
        Set<String> documented = new TreeSet<>();
        operations.forEach(op -> documented.add(op[1]));
        assertThat(Routes.ALL.keySet()).as("rows of Routes that /openapi no longer has").allMatch(documented::contains);

        String organiser = programAdmin();
        Estate a = new Estate(api, organiser);
        Estate b = new Estate(api, organiser);
        // a work for each cell that deletes one: every role, for each trainee it is sent for
        a.spareWorks(api, Persona.values().length);
        b.spareWorks(api, Persona.values().length);
        Map<Persona, String> tokens = new LinkedHashMap<>();
        tokens.put(Persona.TRAINEE, a.first.token);
        tokens.put(Persona.TRAINER, a.trainerToken);
        tokens.put(Persona.HR, a.hrToken);
        tokens.put(Persona.EXECUTIVE, a.executiveToken);
        tokens.put(Persona.PROGRAM_ADMIN, organiser);
        tokens.put(Persona.ADMIN, api.adminToken());
        List<Estate.Trainee> everyone = List.of(a.first, a.second, b.first, b.second);

        int cells = 0;
        int allowed = 0;
        int refused = 0;
        int serverErrors = 0;
        List<String> leaks = new ArrayList<>();
        // whatever it says, an answer to a signed-in caller is theirs alone: no browser or proxy keeps a copy
        List<String> storable = new ArrayList<>();
        // the least privileged first, other organisations' records first: what a privileged caller legitimately
        // changes (withdrawals, revocations, erasure) comes after every cell that could show a leak
        for (Persona persona : Persona.values()) {
            for (Target target : List.of(Target.OTHER_ORGANIZATION, Target.SAME_ORGANIZATION, Target.OWN)) {
                Estate estate = target == Target.OTHER_ORGANIZATION ? b : a;
                Estate.Trainee trainee = switch (target) {
                    case OWN -> a.first;
                    case SAME_ORGANIZATION -> a.second;
                    case OTHER_ORGANIZATION -> b.first;
                };
                List<String> foreignMarkers = new ArrayList<>();
                everyone.stream().filter(t -> foreign(persona, t, a)).forEach(t -> foreignMarkers.addAll(t.markers()));
                for (String[] op : operations) {
                    Route route = Routes.ALL.get(op[1]);
                    if (route == null || !route.templated() && !op[0].equals("GET")) {
                        continue;
                    }
                    String path = deletable(op[0], route, Routes.fillWithQuery(route, estate, trainee), estate, trainee);
                    Response response = call(tokens.get(persona), op[0], route, path, estate, trainee);
                    int status = response.statusCode();
                    cells++;
                    if (!path.startsWith("/verify") && !(String.valueOf(response.header("Cache-Control")).contains("no-store")
                            && "nosniff".equals(response.header("X-Content-Type-Options")))) {
                        storable.add(persona + " " + op[0] + " " + op[1] + " -> " + status + ": Cache-Control "
                                + response.header("Cache-Control") + ", X-Content-Type-Options " + response.header("X-Content-Type-Options"));
                    }
                    if (status >= 500) {
                        serverErrors++;
                        leaks.add("5xx " + persona + " " + target + " " + op[0] + " " + op[1] + " -> " + status);
                        continue;
                    }
                    if (status < 200 || status >= 300) {
                        refused++;
                        continue;
                    }
                    allowed++;
                    String why = leak(persona, target, route, op[0], path, response, trainee, a, foreignMarkers);
                    if (why != null) {
                        leaks.add(persona + " " + target + " " + op[0] + " " + op[1] + " -> " + status + ": " + why);
                    }
                }
            }
        }
        System.out.printf("Access matrix: %d operations with ids x %d roles x %d relations = %d cells; %d allowed, %d refused, %d 5xx, %d leaks; "
                        + "%d answers a browser or proxy may keep%n",
                cells / (Persona.values().length * Target.values().length), Persona.values().length, Target.values().length,
                cells, allowed, refused, serverErrors, leaks.size(), storable.size());
        assertThat(leaks).as("cells where a caller got what the README says is none of their business").isEmpty();
        assertThat(storable).as("answers to a signed-in caller without Cache-Control: no-store and nosniff").isEmpty();
    }

    /** A DELETE of a lesson, module, session, indicator or work is sent to one made for its cell (see {@link Estate#spare}). */
    private String deletable(String method, Route route, String path, Estate estate, Estate.Trainee trainee) {
        if (!method.equals("DELETE") || route.kinds().size() != 1 || !route.path().endsWith("/{id}")) {
            return path;
        }
        Routes.Kind kind = route.kinds().get(0);
        String spare = estate.spare(api, kind, trainee);
        return spare == null ? path : path.replace(Routes.id(kind, estate, trainee), spare);
    }

    // --- what the matrix cannot see: its callers keep their roles and organisations

    @Test
    void aTrainerWhoseRoleIsTakenAwayKeepsNoStaffAccessToTheCohortsTheyTrained() {
        Estate estate = new Estate(api, programAdmin());
        String work = "/assessments/" + estate.workId + "/submissions";
        // while a trainer: every trainee's work, and their attempts as staff see them
        api.as(estate.trainerToken).get(work).then().statusCode(200).body(containsString(estate.first.person.id()));
        api.as(estate.trainerToken).get("/attempts/" + estate.first.attemptId).then().statusCode(200);

        api.as(api.adminToken()).body(Map.of("roles", List.of("TRAINEE"))).patch("/people/" + estate.trainer.id())
                .then().statusCode(200);
        String former = estate.world.token(estate.trainer);
        for (String path : List.of(work, "/attempts/" + estate.first.attemptId, "/submissions/" + estate.first.submissionId,
                "/submissions/" + estate.first.submissionId + "/file", "/cohorts/" + estate.cohortId + "/enrollments",
                "/cohorts/" + estate.cohortId + "/progress", "/cohorts/" + estate.cohortId + "/attendance",
                "/cohorts/" + estate.cohortId + "/gradebook", "/field-reports/" + estate.first.fieldReportId,
                "/academic-outputs/" + estate.first.outputId)) {
            Response answer = api.as(former).accept("*/*").get(path);
            assertThat(answer.statusCode()).as("GET %s by a trainer whose role was taken away", path).isIn(403, 404);
        }
        api.as(former).post("/academic-outputs/" + estate.first.outputId + "/evidence-confirmation").then().statusCode(oneOf(403, 404));
    }

    @Test
    void aPersonWhoMovedAndRejoinsACohortIsSentByTheirNewOrganisation() {
        String organiser = programAdmin();
        World world = new World(api);
        String other = world.organization("สำนักงานสาธารณสุขจังหวัดน่าน", "DIVISION", world.departmentId);
        String hrHere = world.token(world.person(world.divisionId, "HR"));
        String hrThere = world.token(world.person(other, "HR"));
        World.Person mover = world.person(world.divisionId, "TRAINEE");
        String cohort = world.cohort(organiser, world.program(organiser, "นักสื่อสารสุขภาพ", "CONTENT_CREATOR"),
                LocalDate.now(Bangkok.ZONE).minusDays(30).toString(), LocalDate.now(Bangkok.ZONE).plusDays(300).toString());
        String seat = api.as(organiser).body(Map.of("personId", mover.id())).post("/cohorts/" + cohort + "/enrollments")
                .then().statusCode(201).body("organizationId", equalTo(world.divisionId)).extract().path("id");
        api.as(hrHere).post("/enrollments/" + seat + "/withdraw").then().statusCode(200);
        api.as(api.adminToken()).body(Map.of("organizationId", other)).patch("/people/" + mover.id()).then().statusCode(200);

        api.as(hrThere).body(Map.of("personId", mover.id())).post("/cohorts/" + cohort + "/enrollments")
                .then().statusCode(201).body("id", equalTo(seat)).body("organizationId", equalTo(other)).body("status", equalTo("NOMINATED"));
        api.as(hrThere).get("/enrollments/" + seat).then().statusCode(200);
        // the old HR no longer answers for them: not in its lists, and it cannot withdraw them
        api.as(hrHere).get("/enrollments/" + seat).then().statusCode(404);
        api.as(hrHere).post("/enrollments/" + seat + "/withdraw").then().statusCode(oneOf(403, 404));
        api.as(hrHere).get("/cohorts/" + cohort + "/enrollments").then().statusCode(200).body(not(containsString(mover.id())));
    }

    @Test
    void theHrATraineeLeftNoLongerWithdrawsThemFromACohortTheyAreIn() {
        String organiser = programAdmin();
        World world = new World(api);
        String otherMinistry = world.organization("กระทรวงอื่น", "MINISTRY", null);
        String hrHere = world.token(world.person(world.divisionId, "HR"));
        String hrThere = world.token(world.person(otherMinistry, "HR"));
        World.Person mover = world.person(world.divisionId, "TRAINEE");
        String cohort = world.cohort(organiser, world.program(organiser, "นักสื่อสารสุขภาพ", "CONTENT_CREATOR"),
                LocalDate.now(Bangkok.ZONE).minusDays(30).toString(), LocalDate.now(Bangkok.ZONE).plusDays(300).toString());
        String seat = api.as(hrHere).body(Map.of("personId", mover.id())).post("/cohorts/" + cohort + "/enrollments")
                .then().statusCode(201).body("status", equalTo("NOMINATED")).extract().path("id");
        api.as(organiser).post("/enrollments/" + seat + "/approve").then().statusCode(200);
        api.as(api.adminToken()).body(Map.of("organizationId", otherMinistry)).patch("/people/" + mover.id()).then().statusCode(200);
        // the ministry they left withdrew them mid-cohort (counted as not passed), and still may not
        api.as(hrHere).post("/enrollments/" + seat + "/withdraw").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
        // the new ministry did not send them: the seat stays the sending organisation's in its reports
        api.as(hrThere).post("/enrollments/" + seat + "/withdraw").then().statusCode(oneOf(403, 404));
        api.as(organiser).get("/enrollments/" + seat).then().statusCode(200).body("status", equalTo("ENROLLED"));
        // the trainee themself still can
        api.as(world.token(mover)).post("/enrollments/" + seat + "/withdraw").then().statusCode(200)
                .body("status", equalTo("WITHDRAWN"));
    }

    @Test
    void newAuthorsTakeTheEvidenceConfirmationBack() {
        Estate estate = new Estate(api, programAdmin());
        String output = "/academic-outputs/" + estate.first.outputId;
        api.as(estate.trainerToken).post(output + "/evidence-confirmation").then().statusCode(200).body("evidenceConfirmed", equalTo(true));
        // the same authors again: still confirmed
        api.as(estate.first.token).body(Map.of("authorIds", List.of(estate.first.person.id()))).patch(output)
                .then().statusCode(200).body("evidenceConfirmed", equalTo(true));
        // a co-author added: the work would count for more people's organisations, so it is confirmed again first
        api.as(estate.first.token).body(Map.of("authorIds", List.of(estate.first.person.id(), estate.second.person.id()))).patch(output)
                .then().statusCode(200).body("evidenceConfirmed", equalTo(false)).body("evidenceConfirmedAt", nullValue())
                .body("counts", equalTo(false));
        api.as(estate.trainerToken).post(output + "/evidence-confirmation").then().statusCode(200).body("evidenceConfirmed", equalTo(true));
        // another kind of work is not what was confirmed either
        api.as(estate.first.token).body(Map.of("kind", "PAPER")).patch(output)
                .then().statusCode(200).body("evidenceConfirmed", equalTo(false));
    }

    @Test
    void hrChangesTheRecordsOfTraineesOnly() {
        World world = new World(api);
        String hr = world.token(world.person(world.departmentId, "HR"));
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        api.as(hr).body(Map.of("firstNameTh", "สมหญิง")).patch("/people/" + trainee.id()).then().statusCode(200)
                .body("firstNameTh", equalTo("สมหญิง"));
        String own = api.as(hr).get("/me").then().statusCode(200).extract().path("person.id");
        api.as(hr).body(Map.of("position", "นักทรัพยากรบุคคลชำนาญการ")).patch("/people/" + own).then().statusCode(200);
        for (String role : List.of("ADMIN", "PROGRAM_ADMIN", "HR", "TRAINER", "EXECUTIVE")) {
            World.Person staff = world.person(world.divisionId, role);
            api.as(hr).body(Map.of("email", "taken-over-" + role.toLowerCase(java.util.Locale.ROOT) + "@" + world.tag() + ".example.org"))
                    .patch("/people/" + staff.id()).then().statusCode(403).contentType(containsString("problem+json"));
            // the account still signs in with its own e-mail
            assertThat(world.token(staff)).as("%s still signs in", role).isNotBlank();
        }
    }

    /** Whether the trainee's records are none of the persona's business (as the README's "Who may do what" says). */
    private static boolean foreign(Persona persona, Estate.Trainee trainee, Estate a) {
        return switch (persona) {
            case PROGRAM_ADMIN, ADMIN -> false;
            case TRAINEE -> trainee != a.first;
            case TRAINER, HR -> trainee != a.first && trainee != a.second;
            case EXECUTIVE -> true;
        };
    }

    /** Why a 2xx is a leak, or null when the caller may have it. */
    private static String leak(Persona persona, Target target, Route route, String method, String path, Response response,
                               Estate.Trainee trainee, Estate a, List<String> foreignMarkers) throws IOException {
        if (persona == Persona.PROGRAM_ADMIN || persona == Persona.ADMIN) {
            return null;
        }
        boolean cohortForeign = persona == Persona.EXECUTIVE || target == Target.OTHER_ORGANIZATION;
        if (route.scope() == Scope.REPORTS) {
            return persona == Persona.EXECUTIVE && method.equals("GET") ? null : "indicators are for programme administrators and executives";
        }
        if (route.scope() == Scope.HR_REPORTS && (persona == Persona.TRAINEE || persona == Persona.TRAINER)) {
            return "pass-rate reports are not for trainees or trainers";
        }
        if (route.scope() == Scope.OUTPUT) {
            if (persona == Persona.EXECUTIVE) {
                return method.equals("GET") ? null : "an executive changed a work";
            }
            if (!method.equals("GET")) {
                return foreign(persona, trainee, a) ? "changed another person's work" : null;
            }
            if (route.whole()) {
                return foreign(persona, trainee, a) ? "read another person's work" : null;
            }
            // a list of works: searched below for other people's
        }
        if (route.scope() == Scope.CATALOGUE_READ) {
            return persona == Persona.TRAINEE ? "a trainee copied a course" : null;
        }
        if (!method.equals("GET")) {
            if (route.scope() == Scope.PUBLIC) {
                return "only PROGRAM_ADMIN and ADMIN write reference data";
            }
            if (route.scope() == Scope.PERSONAL) {
                return foreign(persona, trainee, a) ? "changed another person's record" : null;
            }
            return cohortForeign ? "changed another organisation's cohort" : null;
        }
        if (route.scope() == Scope.PUBLIC) {
            return null;
        }
        if (route.scope() == Scope.CATALOGUE) {
            return persona == Persona.TRAINEE && cohortForeign ? "a trainee read a course of a cohort where they hold no seat" : null;
        }
        if (route.scope() == Scope.PERSONAL && route.whole() && foreign(persona, trainee, a)) {
            return "read another person's record";
        }
        if (route.scope() == Scope.COHORT && cohortForeign && persona != Persona.HR) {
            return "read a cohort the caller has no part in";
        }
        String body = text(response);
        for (String marker : foreignMarkers) {
            if (!path.contains(marker) && body.contains(marker)) {
                return "the answer holds another person's data (" + marker + ")";
            }
        }
        return null;
    }

    /** The answer as text; a ZIP's entries unpacked, so a manifest inside is searched too. */
    private static String text(Response response) throws IOException {
        String type = String.valueOf(response.contentType());
        if (!type.contains("zip")) {
            return response.asString();
        }
        StringBuilder text = new StringBuilder();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(response.asByteArray()))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                text.append(entry.getName()).append('\n').append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return text.toString();
    }

    /** A plausible body for each write, so that a refusal is the scope's and not the body's. */
    private static final Map<String, BiFunction<Estate, Estate.Trainee, Object>> BODIES = new HashMap<>();

    static {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.ofHours(7));
        BODIES.put("PUT /api/v1/assessments/{id}/extensions/{personId}", (e, t) -> Map.of("dueAt", now.plusDays(3).toString()));
        BODIES.put("POST /api/v1/assessments/{id}/submissions", (e, t) -> Map.of("text", "งานแก้ไข"));
        BODIES.put("PUT /api/v1/attempts/{id}/answers", (e, t) -> List.of());
        BODIES.put("POST /api/v1/certificates/{serial}/revoke", (e, t) -> Map.of("reason", "ทดสอบสิทธิ์"));
        BODIES.put("POST /api/v1/certificates/{serial}/reissue", (e, t) -> Map.of("reason", "ทดสอบสิทธิ์"));
        BODIES.put("PATCH /api/v1/cohorts/{id}", (e, t) -> Map.of("nameTh", "รุ่นที่ 1"));
        BODIES.put("PUT /api/v1/indicators/{id}", (e, t) -> e.indicatorBody(e.indicatorCode, e.activityId));
        BODIES.put("PATCH /api/v1/assessments/{id}", (e, t) -> Map.of("title", "แบบทดสอบสถิติ (แก้ไข)"));
        BODIES.put("PUT /api/v1/assessments/{id}", (e, t) -> Estate.quiz(now));
        BODIES.put("PATCH /api/v1/academic-outputs/{id}", (e, t) -> Map.of("venue", "ห้องประชุมกรมอนามัย"));
        BODIES.put("POST /api/v1/cohorts/{id}/assessments", (e, t) -> Estate.quiz(now));
        BODIES.put("POST /api/v1/cohorts/{id}/enrollments", (e, t) -> Map.of("personId", t.person.id()));
        BODIES.put("POST /api/v1/cohorts/{id}/field-assignments", (e, t) -> Map.of("title", "งานภาคสนาม", "brief", "สรุป", "dueOn", "2030-01-01"));
        BODIES.put("POST /api/v1/cohorts/{id}/sessions", (e, t) -> Map.of("number", 100 + (int) (Math.random() * 800), "title", "ครั้งพิเศษ",
                // within the world's cohort, 23-26 Nov 2020
                "startsAt", "2020-11-24T13:00:00+07:00", "endsAt", "2020-11-24T15:00:00+07:00"));
        BODIES.put("POST /api/v1/courses/{id}/modules", (e, t) -> Map.of("title", "บทเพิ่ม"));
        BODIES.put("POST /api/v1/courses/{id}/copy", (e, t) -> Map.of("title", "สถิติเบื้องต้น รุ่นที่ 2"));
        BODIES.put("PATCH /api/v1/courses/{id}", (e, t) -> Map.of("description", "ปรับปรุงเนื้อหา"));
        BODIES.put("PATCH /api/v1/lessons/{id}", (e, t) -> Map.of("minutes", 7));
        BODIES.put("PATCH /api/v1/modules/{id}", (e, t) -> Map.of("title", "บทที่ 1"));
        BODIES.put("POST /api/v1/field-assignments/{id}/reports", (e, t) -> Map.of("text", "รายงานเพิ่ม", "links", List.of()));
        BODIES.put("POST /api/v1/field-reports/{id}/feedback", (e, t) -> Map.of("text", "ดีมาก"));
        BODIES.put("PUT /api/v1/lessons/{id}/progress", (e, t) -> Map.of("completed", false, "secondsSpent", 1));
        BODIES.put("POST /api/v1/modules/{id}/lessons", (e, t) -> Map.of("title", "บทเรียนเพิ่ม", "kind", "TEXT", "content", "เนื้อหา"));
        BODIES.put("PATCH /api/v1/organizations/{id}", (e, t) -> Map.of());
        BODIES.put("PATCH /api/v1/people/{id}", (e, t) -> Map.of("position", "นักวิชาการคอมพิวเตอร์"));
        BODIES.put("PATCH /api/v1/programs/{id}", (e, t) -> Map.of("description", "ปรับปรุง"));
        BODIES.put("PUT /api/v1/programs/{id}/certificate-templates/{kind}", (e, t) -> Map.of("title", "วุฒิบัตร",
                "bodyLines", List.of("ได้ผ่านการอบรม"), "signatories", List.of(), "accentColor", "#1F4E79"));
        BODIES.put("PATCH /api/v1/sessions/{id}", (e, t) -> Map.of("venue", "ห้องประชุม 2"));
        BODIES.put("PUT /api/v1/sessions/{id}/attendance", (e, t) -> List.of(Map.of("personId", t.person.id(), "status", "PRESENT")));
        BODIES.put("POST /api/v1/sessions/{id}/check-in", (e, t) -> Map.of("code", "ABCDEF"));
        BODIES.put("PUT /api/v1/submissions/{id}/grade", (e, t) -> Map.of("score", 5));
    }

    private Response call(String token, String method, Route route, String path, Estate estate, Estate.Trainee trainee) {
        RequestSpecification request = (path.startsWith("/verify") ? api.root() : api.as(token).basePath(""))
                .accept("*/*").urlEncodingEnabled(false);
        BiFunction<Estate, Estate.Trainee, Object> body = BODIES.get(method + " " + route.path());
        if (body != null) {
            request = request.contentType("application/json").body(body.apply(estate, trainee));
        } else if (method.equals("POST") && route.path().endsWith("/nominations")) {
            // HR's list of staff to nominate: the trainee, by address
            request = request.contentType("text/csv").body(("email\n" + trainee.person.email() + "\n").getBytes(StandardCharsets.UTF_8));
        } else if (method.equals("POST") && route.path().endsWith("/lessons/{id}/file")) {
            request = request.contentType("multipart/form-data").multiPart("file", "lesson.pdf", MINIMAL_PDF, "application/pdf");
        }
        return request.request(method, path);
    }

    static final byte[] MINIMAL_PDF = "%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);

    // --- ids in another spelling than stored

    private static final java.util.regex.Pattern STORED_ID =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /**
     * The id columns compare without case, so an id in capitals found its record while Java's {@code equals} took it
     * for another: an administrator erased their own account, an enrolment stored under the cohort's id in capitals
     * escaped the check that results are final, an attempt stored so broke its cohort's gradebook. Every operation that
     * takes ids, sent the estate's own ids in capitals by three callers who may use most of them, is refused before it
     * reads or writes anything (403 for a role, 404 for a path's id, 400 for a query's or a body's).
     */
    @Test
    void idsInCapitalsNameNoRecordOnAnyOperation() {
        String organiser = programAdmin();
        Estate estate = new Estate(api, organiser);
        Map<String, String> callers = new LinkedHashMap<>();
        callers.put("TRAINEE", estate.first.token);
        callers.put("PROGRAM_ADMIN", organiser);
        callers.put("ADMIN", api.adminToken());
        int requests = 0;
        Set<String> operationsSent = new TreeSet<>();
        List<String> taken = new ArrayList<>();
        for (String[] op : operations()) {
            Route route = Routes.ALL.get(op[1]);
            if (route == null || !route.templated() && !op[0].equals("GET")) {
                continue;
            }
            String path = Routes.fillWithQuery(route, estate, estate.first);
            String capitals = STORED_ID.matcher(path).replaceAll(id -> id.group().toUpperCase(java.util.Locale.ROOT));
            if (capitals.equals(path)) {
                continue; // a serial, or an id without letters
            }
            operationsSent.add(op[0] + " " + op[1]);
            for (Map.Entry<String, String> caller : callers.entrySet()) {
                int status = call(caller.getValue(), op[0], route, capitals, estate, estate.first).statusCode();
                requests++;
                // 415: a file's upload sent without its multipart body, refused when the request is matched
                if (!Set.of(400, 401, 403, 404, 415).contains(status)) {
                    taken.add(caller.getKey() + " " + op[0] + " " + capitals + " -> " + status);
                }
            }
        }
        System.out.printf("Ids in capitals: %d requests to %d operations, %d taken%n", requests, operationsSent.size(), taken.size());
        assertThat(operationsSent).as("operations with an id to spell otherwise").hasSizeGreaterThan(80);
        assertThat(taken).as("requests whose ids in capitals reached a use case").isEmpty();
        // an id in a body: a seat for a trainee under their id in capitals
        api.as(organiser).body(Map.of("personId", estate.second.person.id().toUpperCase(java.util.Locale.ROOT)))
                .post("/cohorts/" + estate.cohortId + "/enrollments").then().statusCode(400)
                .body("errors[0].field", equalTo("personId"));
    }

    // --- malformed requests

    @Test
    @SuppressWarnings("unchecked")
    void aCorpusOfMalformedRequestsToEveryOperationGetsNo5xxAndOnlyProblemJson() {
        Map<String, Object> document = api.root().accept("application/json").get("/openapi").then().statusCode(200)
                .extract().jsonPath().getMap("");
        Corpus corpus = new Corpus(document);
        String organiser = programAdmin();
        Estate estate = new Estate(api, organiser);
        List<String> candidates = List.of(api.adminToken(), organiser, estate.first.token, estate.trainerToken, estate.hrToken);
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");
        List<String[]> operations = new ArrayList<>(operations());
        // reads first, erasure and other deletions last: the corpus should reach deep while the estate still stands
        operations.sort(java.util.Comparator.comparingInt(op -> List.of("GET", "PUT", "PATCH", "POST", "DELETE").indexOf(op[0])));

        int requests = 0;
        int containerRefusals = 0;
        Map<Integer, Integer> byStatus = new java.util.TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (String[] op : operations) {
            String method = op[0];
            String template = op[1];
            Route route = Routes.ALL.get(template);
            assertThat(route != null || !template.contains("{")).as("%s is in Routes", template).isTrue();
            String path = route == null ? template : Routes.fill(route, estate, estate.first);
            Map<String, Object> operation = (Map<String, Object>) paths.get(template).get(method.toLowerCase());
            Map<String, Object> content = operation.get("requestBody") instanceof Map<?, ?> body
                    ? (Map<String, Object>) ((Map<String, Object>) body).get("content") : Map.of();
            Object schema = content.get("application/json") instanceof Map<?, ?> json ? ((Map<String, Object>) json).get("schema") : null;
            List<String> bodies = schema == null ? List.of() : corpus.mutations(schema);
            String plausible = bodies.isEmpty() ? null : bodies.get(0);

            // the first role that may call it, so that the corpus reaches the parsers and rules behind the role check
            String token = organiser;
            for (String candidate : candidates) {
                int status = send(candidate, method, path, plausible, "application/json").statusCode();
                requests++;
                if (status != 401 && status != 403) {
                    token = candidate;
                    break;
                }
            }
            List<Object[]> cases = new ArrayList<>();
            if (route != null) {
                for (int i = 0; i < route.kinds().size(); i++) {
                    for (String junk : Corpus.PATH_JUNK) {
                        String junkPath = route.path();
                        for (int k = 0; k < route.kinds().size(); k++) {
                            junkPath = junkPath.replaceFirst("\\{[^}]+}", k == i ? junk : Routes.id(route.kinds().get(k), estate, estate.first));
                        }
                        cases.add(new Object[]{junkPath, plausible, "application/json"});
                    }
                }
            }
            if (operation.get("parameters") instanceof List<?> parameters) {
                for (Object parameter : parameters) {
                    Map<String, Object> p = (Map<String, Object>) parameter;
                    if ("query".equals(p.get("in"))) {
                        for (String junk : Corpus.QUERY_JUNK) {
                            cases.add(new Object[]{path + "?" + p.get("name") + "=" + junk, plausible, "application/json"});
                        }
                    }
                }
            }
            if (schema != null) {
                bodies.forEach(body -> cases.add(new Object[]{path, body, "application/json"}));
                Corpus.STRUCTURAL.forEach(body -> cases.add(new Object[]{path, body, "application/json"}));
                Corpus.CONTENT_TYPES.forEach(type -> cases.add(new Object[]{path, plausible, type}));
                cases.add(new Object[]{path, new byte[]{'{', '"', 'a', '"', ':', '"', (byte) 0xC3, 0x28, '"', '}'}, "application/json"});
            } else if (content.containsKey("text/csv")) {
                Corpus.CSV.forEach(body -> cases.add(new Object[]{path, body, "text/csv"}));
                cases.add(new Object[]{path, new byte[]{'e', 'm', 'a', 'i', 'l', '\n', (byte) 0xCA, (byte) 0xC1, '\n'}, "text/csv"});
                cases.add(new Object[]{path, "email\na@example.org\n", "text/csv; charset=tis-620"});
                cases.add(new Object[]{path, "{\"email\":\"a@example.org\"}", "application/json"});
            } else if (content.containsKey("multipart/form-data")) {
                cases.add(new Object[]{path, "--zzz\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx", "multipart/form-data; boundary=zzz"});
                cases.add(new Object[]{path, "not multipart", "multipart/form-data"});
                cases.add(new Object[]{path, "{}", "application/json"});
            } else if (!method.equals("GET")) {
                cases.add(new Object[]{path, "{\"unexpected\":", "application/json"});
            }
            for (Object[] c : cases) {
                Response response = send(token, method, (String) c[0], c[1], (String) c[2]);
                requests++;
                int status = response.statusCode();
                byStatus.merge(status, 1, Integer::sum);
                String what = method + " " + c[0].toString().substring(0, Math.min(120, c[0].toString().length())) + " ["
                        + c[2] + "] " + abbreviate(c[1]) + " -> " + status;
                if (status >= 500) {
                    failures.add(what + " " + abbreviate(response.asString()));
                } else if (status == 400 && response.asByteArray().length == 0 && (CONTAINER_REFUSED.stream().anyMatch(c[0].toString()::contains)
                        || method.equals("DELETE") && c[1] != null)) {
                    containerRefusals++;
                } else if (status >= 400 && !String.valueOf(response.contentType()).startsWith("application/problem+json")) {
                    failures.add(what + " answered " + response.contentType() + " instead of problem+json");
                }
            }
        }
        System.out.printf("Malformed requests: %d requests to %d operations; by status %s; %d refused by Payara's HTTP layer "
                        + "before the application (bare 400); %d failures%n", requests, operations.size(), byStatus, containerRefusals,
                failures.size());
        try {
            java.nio.file.Files.write(java.nio.file.Path.of("target/malformed-requests-failures.txt"), failures);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        failures.stream().limit(60).forEach(f -> System.out.println("  " + f));
        assertThat(failures).as("5xx answers, or 4xx answers that are not problem+json").isEmpty();
    }

    /** Bodies go out byte for byte whatever type they claim: the corpus decides what is wrong with them. */
    private static final RestAssuredConfig RAW;

    static {
        EncoderConfig encoder = EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false);
        for (String type : List.of("application/json", "text/plain", "application/xml", "application/x-www-form-urlencoded",
                "multipart/form-data", "application/octet-stream")) {
            encoder = encoder.encodeContentTypeAs(type, ContentType.BINARY);
        }
        RAW = RestAssuredConfig.config().encoderConfig(encoder);
    }

    /**
     * Path values that Payara's HTTP layer refuses while decoding the URI, before any application code runs (a NUL
     * byte, bytes that are not UTF-8, an encoded slash outside the application's servlet) or a DELETE that carries a
     * body: it answers a bare 400 that no error page can reach. They are counted apart; they still must not be 5xx.
     */
    private static final List<String> CONTAINER_REFUSED = List.of("%00", "%C3%28", "/verify/..%2F");

    private Response send(String token, String method, String path, Object body, String contentType) {
        // /verify answers browsers with an HTML page (a 404 page too); clients that ask for JSON get problem+json
        RequestSpecification request = (path.startsWith("/verify") ? api.root().accept("application/json") : api.as(token).basePath("").accept("*/*"))
                .config(RAW).urlEncodingEnabled(false);
        if (body instanceof byte[] bytes) {
            request = request.contentType(contentType).body(bytes);
        } else if (body != null) {
            request = request.contentType(contentType).body(((String) body).getBytes(StandardCharsets.UTF_8));
        }
        return request.request(method, path);
    }

    private static String abbreviate(Object body) {
        String text = body instanceof byte[] bytes ? new String(bytes, StandardCharsets.ISO_8859_1) : String.valueOf(body);
        return text.length() > 100 ? text.substring(0, 100) + "…(" + text.length() + ")" : text;
    }

    // --- brute force

    @Test
    void a150PasswordGuessAttackOnOneAccountIsThrottledAndTheOwnerStillGetsIn() throws InterruptedException {
        World world = new World(api);
        World.Person victim = world.person(world.divisionId, "TRAINEE");
        String from = ownAddress();
        int checked = 0;
        int throttled = 0;
        long retryAfter = 0;
        long started = System.nanoTime();
        for (int i = 0; i < 150; i++) {
            Response answer = api.signInFrom(from, victim.email(), "Guess-Number-" + i + "-2563");
            if (answer.statusCode() == 429) {
                throttled++;
                assertThat(answer.contentType()).startsWith("application/problem+json");
                retryAfter = Long.parseLong(answer.header("Retry-After"));
            } else {
                assertThat(answer.statusCode()).isEqualTo(401);
                checked++;
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the ITs lock an account for 4 s after 5 failures: at most 5 guesses are checked per lock-out period
        int allowed = 5 * (1 + (int) Math.ceil(seconds / 4));
        System.out.printf("Brute force: 150 wrong passwords on one account in %.1f s: %d checked (401), %d throttled (429); at most %d allowed%n",
                seconds, checked, throttled, allowed);
        assertThat(checked).isLessThanOrEqualTo(allowed);
        assertThat(throttled).isEqualTo(150 - checked).isGreaterThanOrEqualTo(100);
        Thread.sleep((retryAfter + 1) * 1000);
        api.signInFrom(from, victim.email(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void lookAlikeSpellingsAndParallelGuessesDoNotGetPastTheLockOut() throws Exception {
        World world = new World(api);
        World.Person victim = world.person(world.divisionId, "TRAINEE");
        String from = ownAddress();
        for (int i = 0; i < 5; i++) {
            api.signInFrom(from, victim.email(), "Wrong-Guess-" + i + "-2563").then().statusCode(401);
        }
        api.signInFrom(from, victim.email(), Api.PASSWORD).then().statusCode(429);
        // spellings the e-mail column's collation takes for the same address: the same account, locked the same
        String email = victim.email();
        for (String alike : List.of("\u1E57" + email.substring(1), "\uFF50" + email.substring(1), "p\u200B" + email.substring(1))) {
            assertThat(api.signInFrom(from, alike, Api.PASSWORD).statusCode()).as("signing in as %s", alike).isIn(400, 429);
            assertThat(api.signInFrom(from, alike, "Another-Guess-2563").statusCode()).as("guessing as %s", alike).isIn(400, 429);
        }

        // parallel guesses are counted before they are checked: no more than the limit's worth is checked (until
        // 2026-11-27 each counted after its check, and 32 parallel guesses had 34 checked); none lifts the lock
        World.Person target = world.person(world.divisionId, "TRAINEE");
        ExecutorService pool = Executors.newFixedThreadPool(16);
        int checked = 0;
        long started = System.nanoTime();
        try {
            List<java.util.concurrent.Future<Integer>> guesses = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                String guess = "Parallel-Guess-" + i + "-2563";
                guesses.add(pool.submit(() -> api.signInFrom(from, target.email(), guess).statusCode()));
            }
            for (java.util.concurrent.Future<Integer> guess : guesses) {
                int status = guess.get();
                assertThat(status).isIn(401, 429);
                checked += status == 401 ? 1 : 0;
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // the ITs lock an account for 4 s after 5 failures: 5 checked while the guesses take less than that
        System.out.printf("Brute force: 32 parallel wrong passwords on one account in %.1f s: %d checked (401)%n", seconds, checked);
        assertThat(checked).isLessThanOrEqualTo(5 * (1 + (int) Math.floor(seconds / 4)));
        api.signInFrom(from, target.email(), Api.PASSWORD).then().statusCode(429);
    }

    /**
     * A loopback address of the test's own: the guesses of these tests count against their own address (the ITs lock
     * an address at 40 failures in 30 s), not against 127.0.0.1, from which every other test signs in.
     */
    private static String ownAddress() {
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        return "127.1." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
    }

    // --- mass assignment

    @Test
    void roleScoreOrganisationAndStatusCannotBeSetThroughRequestBodies() {
        String organiser = programAdmin();
        Estate a = new Estate(api, organiser);
        String otherOrganization = new World(api).departmentId;

        // roles: HR cannot raise itself or its staff, a trainee cannot change their own record
        api.as(a.hrToken).body(Map.of("roles", List.of("HR", "ADMIN"))).patch("/people/" + a.hr.id()).then().statusCode(403);
        api.as(a.hrToken).body(Map.of("roles", List.of("PROGRAM_ADMIN"))).patch("/people/" + a.first.person.id()).then().statusCode(403);
        api.as(a.first.token).body(Map.of("roles", List.of("ADMIN"))).patch("/people/" + a.first.person.id()).then().statusCode(403);
        api.as(a.first.token).body(Map.of("organizationId", otherOrganization)).patch("/people/" + a.first.person.id()).then().statusCode(403);
        api.as(a.hrToken).get("/me").then().statusCode(200).body("person.roles", not(hasItem("ADMIN")));
        api.as(a.first.token).get("/me").then().statusCode(200).body("person.roles", not(hasItem("ADMIN")))
                .body("organization.id", equalTo(a.world.divisionId));

        // organisation: HR registers only into its own subtree, and only trainees
        Map<String, Object> outsider = new HashMap<>();
        String email = "mass-" + a.world.tag() + "@" + a.world.tag() + ".example.org";
        outsider.put("email", email);
        outsider.put("firstNameTh", "สมชาย");
        outsider.put("lastNameTh", "ใจดี");
        outsider.put("organizationId", otherOrganization);
        outsider.put("roles", List.of("TRAINEE"));
        api.as(a.hrToken).body(outsider).post("/people").then().statusCode(oneOf(403, 404, 422));
        outsider.put("organizationId", a.world.divisionId);
        outsider.put("roles", List.of("ADMIN"));
        api.as(a.hrToken).body(outsider).post("/people").then().statusCode(403);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", email)).isZero();

        // status and organisation of an enrolment come from the rules, not the body (a cohort still to run: HR
        // nominates no one into one that has ended)
        World.Person staff = a.world.person(a.world.divisionId, "TRAINEE");
        LocalDate today = LocalDate.now(Bangkok.ZONE);
        String upcoming = a.world.cohort(organiser, a.world.program(organiser, "นักวิทยาการข้อมูล รุ่นถัดไป", "DATA_SCIENCE"),
                today.plusDays(30).toString(), today.plusDays(34).toString());
        api.as(a.hrToken).body(Map.of("personId", staff.id(), "status", "ENROLLED", "organizationId", otherOrganization))
                .post("/cohorts/" + upcoming + "/enrollments").then().statusCode(201)
                .body("status", equalTo("NOMINATED")).body("organizationId", equalTo(a.world.divisionId));

        // score and owner of work and attempts come from the server
        Map<String, Object> work = new HashMap<>();
        work.put("text", "งานที่ส่ง");
        work.put("personId", a.second.person.id());
        work.put("score", 10);
        work.put("daysLate", -3);
        work.put("grade", Map.of("score", 10, "released", true));
        String revision = api.as(a.first.token).body(work).post("/assessments/" + a.workId + "/submissions").then().statusCode(201)
                .body("personId", equalTo(a.first.person.id())).body("grade", nullValue()).body("daysLate", equalTo(0))
                .extract().path("id");
        api.as(a.first.token).body(Map.of("score", 10, "status", "SUBMITTED")).post("/attempts/" + a.first.attemptId + "/submit")
                .then().statusCode(200).body("score", equalTo(0.0f));

        // the grader, the report's author and progress owner are the caller
        api.as(a.trainerToken).body(Map.of("score", 4, "gradedBy", a.hr.id(), "personId", a.second.person.id()))
                .put("/submissions/" + revision + "/grade").then().statusCode(200)
                .body("personId", equalTo(a.first.person.id())).body("grade.gradedBy", equalTo(a.trainer.id()));
        api.as(a.first.token).body(Map.of("text", "รายงาน", "links", List.of(), "personId", a.second.person.id()))
                .post("/field-assignments/" + a.fieldAssignmentId + "/reports").then().statusCode(201)
                .body("personId", equalTo(a.first.person.id()));
        api.as(a.first.token).body(Map.of("completed", true, "secondsSpent", 60, "personId", a.second.person.id()))
                .put("/lessons/" + a.lessonId + "/progress").then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM lesson_progress WHERE person_id = ?", a.second.person.id())).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM lesson_progress WHERE person_id = ?", a.first.person.id())).isEqualTo(1);

        // a cohort's programme is fixed at creation
        api.as(organiser).body(Map.of("programId", new Estate(api, organiser).programId, "nameTh", "รุ่นที่ 1 (แก้ชื่อ)"))
                .patch("/cohorts/" + a.cohortId).then().statusCode(200).body("programId", equalTo(a.programId));
    }

    // --- XSS and formula injection through names

    @Test
    void namesThatLookLikeFormulasOrMarkupComeBackNeutralisedInExportsAndEncodedOnPages() throws IOException {
        World world = new World(api);
        String organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        String cohortId = world.cohort(organiser, world.program(organiser, "นักสื่อสาร", "CONTENT_CREATOR"), "2020-11-23", "2020-11-26");
        // five, so that they are issued within the request (the ITs' sync limit)
        List<String> hostile = List.of("=HYPERLINK(\"http://evil.example\",\"คลิก\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                "<script>alert('xss')</script>");
        for (String name : hostile) {
            World.Person person = world.namedPerson(world.divisionId, null, name,
                    name.startsWith("<") ? "\"><img src=x onerror=alert(1)>" : "ทดสอบ", "TRAINEE");
            api.as(organiser).body(Map.of("personId", person.id())).post("/cohorts/" + cohortId + "/enrollments").then().statusCode(201);
        }
        api.as(organiser).post("/cohorts/" + cohortId + "/certificates").then().statusCode(200).body("issued", equalTo(hostile.size()));

        List<String> csvs = new ArrayList<>();
        csvs.add(api.as(organiser).accept("text/csv").get("/cohorts/" + cohortId + "/gradebook").then().statusCode(200).extract().asString());
        csvs.add(api.as(organiser).accept("text/csv").get("/cohorts/" + cohortId + "/attendance").then().statusCode(200).extract().asString());
        csvs.add(api.as(organiser).accept("text/csv").get("/cohorts/" + cohortId + "/progress").then().statusCode(200).extract().asString());
        Response zip = api.as(organiser).accept("application/zip").get("/cohorts/" + cohortId + "/certificates.zip");
        zip.then().statusCode(200);
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip.asByteArray()))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                if (entry.getName().endsWith(".csv")) {
                    csvs.add(new String(entries.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        assertThat(csvs).hasSize(4);
        int cells = 0;
        for (String csv : csvs) {
            assertThat(csv).contains("'=HYPERLINK").contains("'@SUM(A1:A9)");
            for (org.apache.commons.csv.CSVRecord record : org.apache.commons.csv.CSVFormat.EXCEL.parse(new java.io.StringReader(csv.replace("\uFEFF", "")))) {
                for (String cell : record) {
                    cells++;
                    assertThat(cell.isEmpty() || "=+-@\t\r".indexOf(cell.charAt(0)) < 0 || cell.matches("-?[0-9.]+"))
                            .as("cell %s would run as a formula", cell).isTrue();
                }
            }
        }
        System.out.printf("Formula injection: %d CSV cells in 4 exports, none starts a formula%n", cells);

        List<Map<String, String>> certificates = api.as(organiser).queryParam("cohortId", cohortId).get("/certificates").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(certificates).hasSize(hostile.size());
        String scripted = null;
        for (Map<String, String> certificate : certificates) {
            String page = api.root().accept("text/html").get("/verify/" + certificate.get("serial")).then().statusCode(200)
                    .contentType(containsString("text/html")).extract().asString();
            assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
            if (certificate.get("holderName").contains("<script>")) {
                scripted = page;
            }
        }
        System.out.printf("XSS: %d verification pages with markup or formulas in the holder's name, all encoded%n", certificates.size());
        assertThat(scripted).contains("&lt;script&gt;alert(&#39;xss&#39;)&lt;/script&gt;");
    }
}
