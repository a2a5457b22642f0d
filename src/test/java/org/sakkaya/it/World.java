package org.sakkaya.it;

import static org.hamcrest.Matchers.equalTo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Test data builder: each test makes its own small world (a ministry, a department, a division and people in
 * them), with codes and e-mails no other test uses, so tests never see each other's data.
 */
public final class World {
    private final Api api;
    private final String adminToken;
    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    public final String ministryId;
    public final String departmentId;
    public final String divisionId;

    public World(Api api) {
        this.api = api;
        this.adminToken = api.adminToken();
        this.ministryId = organization("กระทรวงทดสอบ " + tag, "MINISTRY", null);
        this.departmentId = organization("กรมทดสอบ " + tag, "DEPARTMENT", ministryId);
        this.divisionId = organization("กองทดสอบ " + tag, "DIVISION", departmentId);
    }

    public String adminToken() {
        return adminToken;
    }

    public String tag() {
        return tag;
    }

    public String organization(String nameTh, String kind, String parentId) {
        Map<String, Object> body = new HashMap<>();
        body.put("code", "T" + UUID.randomUUID().toString().substring(0, 12));
        body.put("nameTh", nameTh);
        body.put("kind", kind);
        body.put("parentId", parentId);
        return api.as(adminToken).body(body).post("/organizations").then().statusCode(201).extract().path("id");
    }

    /** A person who can sign in with {@link Api#PASSWORD}. */
    public Person person(String organizationId, String... roles) {
        return namedPerson(organizationId, "นางสาว", "กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์", roles);
    }

    public Person namedPerson(String organizationId, String titleTh, String firstNameTh, String lastNameTh, String... roles) {
        String email = "p-" + UUID.randomUUID().toString().substring(0, 13) + "@" + tag + ".example.org";
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("titleTh", titleTh);
        body.put("firstNameTh", firstNameTh);
        body.put("lastNameTh", lastNameTh);
        body.put("organizationId", organizationId);
        body.put("position", "นักวิชาการสาธารณสุขชำนาญการ");
        body.put("roles", List.of(roles));
        body.put("initialPassword", Api.PASSWORD);
        String id = api.as(adminToken).body(body).post("/people").then().statusCode(201)
                .body("email", equalTo(email)).extract().path("id");
        return new Person(id, email);
    }

    /** A trainee registered by invitation (no password hashing): cheap, for tests that need hundreds of people. */
    public String personWithoutPassword(String organizationId) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "b-" + UUID.randomUUID() + "@" + tag + ".example.org");
        body.put("firstNameTh", "สมชาย");
        body.put("lastNameTh", "ใจดี");
        body.put("organizationId", organizationId);
        body.put("roles", List.of("TRAINEE"));
        return api.as(adminToken).body(body).post("/people").then().statusCode(201).extract().path("id");
    }

    /** A programme with a code no other test uses. */
    public String program(String organiserToken, String nameTh, String track) {
        return api.as(organiserToken).body(Map.of("code", "P" + UUID.randomUUID().toString().substring(0, 12), "nameTh", nameTh,
                "track", track)).post("/programs").then().statusCode(201).extract().path("id");
    }

    /** Cohort 1 of the programme, organised by this world's department, without a seat limit. */
    public String cohort(String organiserToken, String programId, String startsOn, String endsOn) {
        return api.as(organiserToken).body(Map.of("programId", programId, "number", 1, "nameTh", "รุ่นที่ 1",
                        "organizerId", departmentId, "startsOn", startsOn, "endsOn", endsOn))
                .post("/cohorts").then().statusCode(201).extract().path("id");
    }

    /** Seats the person in the cohort (as the organiser) and answers their token. */
    public String seat(String organiserToken, String cohortId, Person person) {
        api.as(organiserToken).body(Map.of("personId", person.id())).post("/cohorts/" + cohortId + "/enrollments").then().statusCode(201);
        return token(person);
    }

    public String token(Person person) {
        return api.token(person.email(), Api.PASSWORD);
    }

    public record Person(String id, String email) {
    }
}
