package org.sakkaya.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.Response;
import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
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
import org.sakkaya.it.TestDatabase;
import org.sakkaya.it.TestMail;
import org.sakkaya.it.World;

/** Sign-in, organisations and people, as each role sees them. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class IdentityIT {
    private static final String UUID_FORM = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

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

    // --- signing in

    @Test
    void signingInAnswersABearerTokenWithTheRoles() {
        World.Person hr = world.person(world.departmentId, "HR");
        api.signIn(hr.email().toUpperCase(), Api.PASSWORD).then().statusCode(200)
                .body("tokenType", equalTo("Bearer"))
                .body("expiresIn", equalTo(3600))
                .body("roles", containsInAnyOrder("HR"))
                .body("accessToken", notNullValue());
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_SUCCEEDED' AND actor_id = ?", hr.id()))
                .isEqualTo(1);
    }

    @Test
    void aWrongPasswordAndAnUnknownEmailGetTheSame401() {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        Response wrong = api.signIn(trainee.email(), "Not-The-Password-1");
        Response unknown = api.signIn("nobody-" + world.tag() + "@example.org", "Not-The-Password-1");
        wrong.then().statusCode(401).contentType(containsString("application/problem+json"));
        unknown.then().statusCode(401);
        assertThat(wrong.jsonPath().getString("detail")).isEqualTo(unknown.jsonPath().getString("detail"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_FAILED' AND actor_id = ?", trainee.id()))
                .isEqualTo(1);
    }

    @Test
    void aTrainingRoomSigningInAtOnceAllGetIn() throws Exception {
        // more at once than the database pool has connections (32) and as many as the HTTP threads (64): a sign-in
        // that held one connection while it waited for a second (its guess counted in a transaction of its own, as
        // first written on 2026-11-27) would take the whole pool; behind one address, none is locked out either
        List<World.Person> room = new ArrayList<>();
        for (int i = 0; i < 64; i++) {
            room.add(world.person(world.divisionId, "TRAINEE"));
        }
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(64);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (World.Person person : room) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return api.signIn(person.email(), Api.PASSWORD).statusCode();
                }));
            }
            start.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(120, TimeUnit.SECONDS)).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void signInWithoutFieldsIsA400WithTheFieldsNamed() {
        api.anonymous().body(Map.of("email", "")).post("/auth/token").then().statusCode(400)
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("password"));
    }

    @Test
    void repeatedFailuresLockTheAccountButTheOwnerGetsBackInAfterTheLockOut() throws InterruptedException {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        for (int i = 0; i < 5; i++) {
            api.signIn(trainee.email(), "Guessing-Password-" + i).then().statusCode(401);
        }
        // locked now: even the right password is refused, with a hint when to come back
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(429)
                .header("Retry-After", notNullValue())
                .contentType(containsString("application/problem+json"));
        // another account from the same address is not locked by it
        World.Person other = world.person(world.divisionId, "TRAINEE");
        api.signIn(other.email(), Api.PASSWORD).then().statusCode(200);

        Thread.sleep(4_500); // the ITs' lock-out is 4 s (SAKKAYA_AUTH_LOCKOUT_SECONDS in pom.xml)
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void aStrangersGuessesLockTheAccountAtTheirAddressOnlyUntilTheyComeFromMany() {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        for (int i = 0; i < 5; i++) {
            api.signInFrom("127.0.0.2", trainee.email(), "Guessing-Password-" + i).then().statusCode(401);
        }
        api.signInFrom("127.0.0.2", trainee.email(), Api.PASSWORD).then().statusCode(429).header("Retry-After", notNullValue());
        // the owner, at their own address, still gets in: knowing an e-mail is not enough to lock its owner out
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(200);

        // guesses spread over four more addresses, five each, reach the account's own limit (20): locked everywhere
        for (int address = 3; address <= 6; address++) {
            for (int i = 0; i < 5; i++) {
                api.signInFrom("127.0.0." + address, trainee.email(), "Guessing-Password-" + i).then().statusCode(401);
            }
        }
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(429);
        api.signInFrom("127.0.0.7", trainee.email(), Api.PASSWORD).then().statusCode(429);
    }

    @Test
    void behindATrustedProxyEachClientIsThrottledByItsForwardedAddressAndNobodyElseCanForgeOne() {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        // the ITs trust 127.0.0.9 as a reverse proxy (SAKKAYA_HTTP_TRUSTED_PROXIES in pom.xml)
        Map<String, String> stranger = Map.of("X-Forwarded-For", "203.0.113.7");
        for (int i = 0; i < 5; i++) {
            api.signInFrom("127.0.0.9", stranger, trainee.email(), "Guessing-Password-" + i).then().statusCode(401);
        }
        api.signInFrom("127.0.0.9", stranger, trainee.email(), Api.PASSWORD).then().statusCode(429);
        // the owner comes through the same proxy from another address, with a spoofed first hop the proxy passed on
        api.signInFrom("127.0.0.9", Map.of("X-Forwarded-For", "203.0.113.7, 198.51.100.8"), trainee.email(), Api.PASSWORD)
                .then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_SUCCEEDED' AND subject_id = ? "
                + "AND client_address = '198.51.100.8'", trainee.id())).isEqualTo(1);
        // a client that is not a trusted proxy cannot borrow the stranger's address, nor hide its own
        api.signInFrom("127.0.0.8", stranger, trainee.email(), Api.PASSWORD).then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_SUCCEEDED' AND subject_id = ? "
                + "AND client_address = '127.0.0.8'", trainee.id())).isEqualTo(1);
        // a header that is not a list of addresses is not believed: the proxy's own address counts
        api.signInFrom("127.0.0.9", Map.of("X-Forwarded-For", "evil.example.org"), trainee.email(), Api.PASSWORD).then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'LOGIN_SUCCEEDED' AND subject_id = ? "
                + "AND client_address = '127.0.0.9'", trainee.id())).isEqualTo(1);
    }

    @Test
    void manyFailuresFromOneAddressLockTheAddress() throws InterruptedException {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        // an address of this test's own, so that its failures lock nobody else's sign-in (every other test signs in
        // from 127.0.0.1) if the window runs out before the limit on a slow machine
        java.util.concurrent.ThreadLocalRandom random = java.util.concurrent.ThreadLocalRandom.current();
        String address = "127.1." + random.nextInt(1, 255) + "." + random.nextInt(1, 255);
        int status = 0;
        for (int i = 0; i < 45 && status != 429; i++) {
            status = api.signInFrom(address, "guess-" + i + "-" + world.tag() + "@example.org", "Guessing-Password-1").statusCode();
        }
        assertThat(status).as("the address is throttled within 40 failures (the ITs' limit)").isEqualTo(429);
        api.signInFrom(address, trainee.email(), Api.PASSWORD).then().statusCode(429);
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(200);
        Thread.sleep(4_500);
        api.signInFrom(address, trainee.email(), Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void invitationLetsTheNewPersonChooseAPasswordOnce() {
        Map<String, Object> person = personBody(world.divisionId, "TRAINEE");
        person.remove("initialPassword");
        Response created = api.as(world.adminToken()).body(person).post("/people");
        created.then().statusCode(201).body("invitationToken", notNullValue()).body("invitationExpiresAt", notNullValue());
        String token = created.path("invitationToken");
        String email = created.path("email");

        api.signIn(email, "Chosen-Password-2563").then().statusCode(401);
        api.anonymous().body(Map.of("token", token, "password", "short")).post("/auth/invitations/accept").then()
                .statusCode(400).body("errors[0].field", equalTo("password"));
        api.anonymous().body(Map.of("token", token, "password", "Chosen-Password-2563")).post("/auth/invitations/accept")
                .then().statusCode(204);
        api.signIn(email, "Chosen-Password-2563").then().statusCode(200);
        api.anonymous().body(Map.of("token", token, "password", "Another-Password-2563")).post("/auth/invitations/accept")
                .then().statusCode(400).body("errors[0].field", equalTo("token"));
        // the token itself is never stored, only its hash
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM account WHERE invitation_hash = ?", token)).isZero();
    }

    @Test
    void anInvitationTokenIsNotKeptForARetryWithTheSameIdempotencyKey() {
        Map<String, Object> person = personBody(world.divisionId, "TRAINEE");
        person.remove("initialPassword");
        String key = UUID.randomUUID().toString();
        String admin = world.adminToken();
        Response created = api.as(admin).header("Idempotency-Key", key).body(person).post("/people");
        created.then().statusCode(201).header("Cache-Control", containsString("no-store")).body("invitationToken", notNullValue());
        String token = created.path("invitationToken");
        // the retry is told the person was registered, and where; the token is not kept to be answered again
        api.as(admin).header("Idempotency-Key", key).body(person).post("/people").then().statusCode(409)
                .contentType(containsString("problem+json")).body("type", containsString("answer-not-kept"))
                .header("Location", equalTo(created.header("Location"))).body(not(containsString(token)));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM idempotent_request WHERE idem_key = ? AND body IS NULL AND body_kept = FALSE", key))
                .isEqualTo(1);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", person.get("email"))).isEqualTo(1);
        // a registration with an initial password holds no secret: its answer is kept and replayed as it was (not
        // stored by the browser either, as every answer to a signed-in caller)
        Map<String, Object> withPassword = personBody(world.divisionId, "TRAINEE");
        String third = UUID.randomUUID().toString();
        String registered = api.as(admin).header("Idempotency-Key", third).body(withPassword).post("/people").then().statusCode(201)
                .header("Cache-Control", equalTo("no-store")).extract().path("id");
        api.as(admin).header("Idempotency-Key", third).body(withPassword).post("/people").then().statusCode(201)
                .header("Idempotent-Replayed", equalTo("true")).header("Cache-Control", equalTo("no-store"))
                .header("X-Content-Type-Options", equalTo("nosniff")).body("id", equalTo(registered));
        // so is an ordinary keyed change
        String other = UUID.randomUUID().toString();
        String id = created.path("id");
        api.as(admin).header("Idempotency-Key", other).body(Map.of("position", "นักวิเคราะห์นโยบายและแผน")).patch("/people/" + id)
                .then().statusCode(200);
        api.as(admin).header("Idempotency-Key", other).body(Map.of("position", "นักวิเคราะห์นโยบายและแผน")).patch("/people/" + id)
                .then().statusCode(200).header("Idempotent-Replayed", equalTo("true")).body("position", equalTo("นักวิเคราะห์นโยบายและแผน"));
    }

    // --- me

    @Test
    void meShowsTheCallerWithThaiNamesExactly() {
        World.Person dr = world.namedPerson(world.divisionId, "ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง", "TRAINEE", "TRAINER");
        api.as(world.token(dr)).get("/me").then().statusCode(200)
                .body("person.id", equalTo(dr.id()))
                .body("person.fullNameTh", equalTo("ดร.ฤทัยรัตน์ ภู่ผึ้ง"))
                .body("person.roles", containsInAnyOrder("TRAINEE", "TRAINER"))
                .body("organization.id", equalTo(world.divisionId))
                .body("organization.kind", equalTo("DIVISION"));
    }

    // --- organisations

    @Test
    void anAdministratorBuildsTheOrganisationTree() {
        Map<String, Object> body = Map.of("code", "DMH-" + world.tag(), "nameTh", "กรมสุขภาพจิต", "nameEn",
                "Department of Mental Health", "kind", "DEPARTMENT", "parentId", world.ministryId, "province", "นนทบุรี");
        Response created = api.as(world.adminToken()).body(body).post("/organizations");
        created.then().statusCode(201)
                .header("Location", containsString("/api/v1/organizations/"))
                .body("id", matchesPattern(UUID_FORM))
                .body("nameTh", equalTo("กรมสุขภาพจิต"))
                .body("parentId", equalTo(world.ministryId));
        String id = created.path("id");
        String trainee = world.token(world.person(world.divisionId, "TRAINEE"));
        api.as(trainee).get("/organizations/" + id).then().statusCode(200).body("province", equalTo("นนทบุรี"));
        // a ministry has no parent, and says so
        api.as(trainee).get("/organizations/" + world.ministryId).then().statusCode(200)
                .body("$", org.hamcrest.Matchers.hasKey("parentId")).body("parentId", nullValue());
        api.as(trainee).queryParam("parentId", world.ministryId).get("/organizations").then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", hasItem(id));
        api.as(world.adminToken()).body(Map.of("nameTh", "กรมสุขภาพจิต กระทรวงสาธารณสุข")).patch("/organizations/" + id)
                .then().statusCode(200).body("nameTh", equalTo("กรมสุขภาพจิต กระทรวงสาธารณสุข")).body("code", equalTo("DMH-" + world.tag()));
    }

    @Test
    void movingADepartmentTakesItsDivisionsAlongAndHrScopeFollows() {
        String otherMinistry = world.organization("กระทรวงอื่น", "MINISTRY", null);
        World.Person hrOfOther = world.person(otherMinistry, "HR");
        World.Person staff = world.person(world.divisionId, "TRAINEE");
        String hr = world.token(hrOfOther);
        api.as(hr).get("/people/" + staff.id()).then().statusCode(404);

        api.as(world.adminToken()).body(Map.of("parentId", otherMinistry)).patch("/organizations/" + world.departmentId)
                .then().statusCode(200).body("parentId", equalTo(otherMinistry));
        api.as(hr).get("/people/" + staff.id()).then().statusCode(200);
    }

    @Test
    void theTreeRefusesCyclesMisplacedKindsAndDuplicateCodes() {
        String admin = world.adminToken();
        api.as(admin).body(Map.of("parentId", world.divisionId)).patch("/organizations/" + world.departmentId)
                .then().statusCode(422).body("type", containsString("organization-cycle"));
        api.as(admin).body(Map.of("code", "X" + world.tag(), "nameTh", "กรมลอย", "kind", "DEPARTMENT")).post("/organizations")
                .then().statusCode(422).body("errors[0].field", equalTo("parentId"));
        String code = "DUP-" + world.tag();
        api.as(admin).body(Map.of("code", code, "nameTh", "หนึ่ง", "kind", "PARTNER")).post("/organizations").then().statusCode(201);
        api.as(admin).body(Map.of("code", code, "nameTh", "สอง", "kind", "PARTNER")).post("/organizations")
                .then().statusCode(409).body("errors[0].field", equalTo("code"));
        api.as(admin).body(Map.of("code", "K" + world.tag(), "nameTh", "x", "kind", "PLANET")).post("/organizations")
                .then().statusCode(400).contentType(containsString("application/problem+json"));
        api.as(admin).get("/organizations/" + UUID.randomUUID()).then().statusCode(404);
    }

    @Test
    void aTreeTwentyLevelsDeepTakesNoFurtherLevelByCreationOrByMove() {
        String admin = world.adminToken();
        // the path of ids from the top is an ASCII column of 760 characters, 20 levels: the 21st answered 500
        String parent = world.ministryId;
        for (int level = 2; level <= 20; level++) {
            parent = world.organization("ศูนย์ระดับที่ " + level, "DIVISION", parent);
        }
        String deepest = parent;
        Map<String, Object> body = new HashMap<>(Map.of("code", "D" + world.tag(), "nameTh", "ศูนย์ระดับที่ 21", "kind", "DIVISION",
                "parentId", deepest));
        api.as(admin).body(body).post("/organizations").then().statusCode(422).contentType(containsString("problem+json"))
                .body("type", containsString("organization-too-deep")).body("errors[0].field", equalTo("parentId"));
        // a department with its division moved under level 19 would put the division at 21
        String department = world.organization("กรมที่ย้าย", "DEPARTMENT", world.ministryId);
        String division = world.organization("กองของกรมที่ย้าย", "DIVISION", department);
        String nineteenth = api.as(admin).get("/organizations/" + deepest).then().statusCode(200).extract().path("parentId");
        api.as(admin).body(Map.of("parentId", nineteenth, "nameTh", "ชื่อที่ไม่ถูกเก็บ")).patch("/organizations/" + department).then()
                .statusCode(422).body("type", containsString("organization-too-deep"));
        api.as(admin).get("/organizations/" + department).then().statusCode(200)
                .body("parentId", equalTo(world.ministryId)).body("nameTh", equalTo("กรมที่ย้าย"));
        api.as(admin).get("/organizations/" + division).then().statusCode(200).body("parentId", equalTo(department));
        // one level less fits
        api.as(admin).body(Map.of("parentId", api.as(admin).get("/organizations/" + nineteenth).then().extract().path("parentId")))
                .patch("/organizations/" + department).then().statusCode(200);
    }

    @Test
    void aMoveThatWaitedForAnotherCountsTheLevelsThatOneBroughtAlong() throws Exception {
        String admin = world.adminToken();
        String parent = world.ministryId;
        for (int level = 2; level <= 18; level++) {
            parent = world.organization("ศูนย์ชั้นที่ " + level, "DIVISION", parent);
        }
        String eighteenth = parent;
        String department = world.organization("กรมที่จะย้ายลงลึก", "DEPARTMENT", world.ministryId);
        String other = world.organization("กรมที่ย้ายเข้ามา", "DEPARTMENT", world.ministryId);
        String itsDivision = world.organization("กองของกรมที่ย้ายเข้ามา", "DIVISION", other);
        // Two moves while another change of the tree holds it: the first places a department with its division under
        // the one the second (keyed, as a retrying client sends it) moves under level 18. The second read the
        // department in its transaction before it waited for the tree, and counted the levels of its subtree from that
        // older snapshot, without the two brought along: the division's path, at level 21, overflowed its column (500).
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try (Connection holder = TestDatabase.connect()) {
            holder.setAutoCommit(false);
            try (PreparedStatement hold = holder.prepareStatement("SELECT id FROM organization_tree_lock WHERE id = 1 FOR UPDATE")) {
                assertThat(hold.executeQuery().next()).isTrue();
            }
            List<Future<Response>> moves = new ArrayList<>();
            moves.add(pool.submit(() -> api.as(admin).body(Map.of("parentId", department)).patch("/organizations/" + other)));
            waitForTreeLockQueue(1, moves);
            moves.add(pool.submit(() -> api.as(admin).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("parentId", eighteenth)).patch("/organizations/" + department)));
            waitForTreeLockQueue(2, moves);
            holder.commit();
            moves.get(0).get(3, TimeUnit.MINUTES).then().statusCode(200);
            moves.get(1).get(3, TimeUnit.MINUTES).then().statusCode(422).contentType(containsString("problem+json"))
                    .body("type", containsString("organization-too-deep"));
        } finally {
            pool.shutdownNow();
        }
        api.as(admin).get("/organizations/" + department).then().statusCode(200).body("parentId", equalTo(world.ministryId));
        api.as(admin).get("/organizations/" + itsDivision).then().statusCode(200).body("parentId", equalTo(other));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM organization o LEFT JOIN organization p ON p.id = o.parent_id "
                + "WHERE o.path <> CONCAT(COALESCE(p.path, '/'), o.id, '/')")).isZero();
    }

    /** Waits until {@code queued} requests wait for the tree's lock, none of them answered meanwhile. */
    private static void waitForTreeLockQueue(int queued, List<Future<Response>> requests) throws InterruptedException {
        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (TestDatabase.count("SELECT COUNT(*) FROM information_schema.processlist WHERE info LIKE '%FROM organization_tree_lock%FOR UPDATE%' "
                + "AND id <> CONNECTION_ID()") < queued) {
            assertThat(requests).as("no move answers while the tree is held").noneMatch(Future::isDone);
            assertThat(System.nanoTime()).as("the moves queued for the tree").isLessThan(waitUntil);
            Thread.sleep(20);
        }
    }

    @Test
    void twoOrganisationsPlacedUnderEachOtherAtOnceLeaveNoCycle() throws Exception {
        String admin = world.adminToken();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 8; round++) {
                String a = world.organization("กอง ก " + round, "DIVISION", world.departmentId);
                String b = world.organization("กอง ข " + round, "DIVISION", world.departmentId);
                CountDownLatch go = new CountDownLatch(1);
                Future<Response> aUnderB = pool.submit(() -> {
                    go.await();
                    return api.as(admin).body(Map.of("parentId", b)).patch("/organizations/" + a);
                });
                Future<Response> bUnderA = pool.submit(() -> {
                    go.await();
                    return api.as(admin).body(Map.of("parentId", a)).patch("/organizations/" + b);
                });
                go.countDown();
                List<Integer> statuses = List.of(aUnderB.get().statusCode(), bUnderA.get().statusCode());
                // one move wins, the other finds the cycle it would make
                assertThat(statuses).as("round " + round).containsExactlyInAnyOrder(200, 422);
            }
        } finally {
            pool.shutdown();
        }
        // and every path in the tree is its parent's path and its own id
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM organization o LEFT JOIN organization p ON p.id = o.parent_id "
                + "WHERE o.path <> CONCAT(COALESCE(p.path, '/'), o.id, '/')")).isZero();
    }

    @Test
    void onlyAnAdministratorWritesOrganisations() {
        Map<String, Object> body = Map.of("code", "P" + world.tag(), "nameTh", "ภาคี", "kind", "PARTNER");
        for (String role : List.of("HR", "PROGRAM_ADMIN", "EXECUTIVE", "TRAINER", "TRAINEE")) {
            String token = world.token(world.person(world.departmentId, role));
            api.as(token).body(body).post("/organizations").then().statusCode(403)
                    .contentType(containsString("application/problem+json"));
            api.as(token).body(Map.of("nameTh", "เปลี่ยน")).patch("/organizations/" + world.divisionId).then().statusCode(403);
        }
    }

    // --- people

    @Test
    void thaiNamesWithStackedMarksComeBackIdentical() {
        List<String[]> names = List.of(
                new String[]{"นางสาว", "กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์"}, new String[]{"นาย", "ปิติพัฒน์", "ธีระวุฒิ"},
                new String[]{"ดร.", "ฤทัยรัตน์", "ภู่ผึ้ง"}, new String[]{"นพ.", "ศุภฤกษ์", "ณ สงขลา"},
                new String[]{"นาง", "พรรณี", "เลิศฤทธิ์"}, new String[]{"ว่าที่ร้อยตรี", "ธนพล", "ใจเย็น"});
        for (String[] name : names) {
            World.Person person = world.namedPerson(world.divisionId, name[0], name[1], name[2], "TRAINEE");
            api.as(world.adminToken()).get("/people/" + person.id()).then().statusCode(200)
                    .body("titleTh", equalTo(name[0]))
                    .body("firstNameTh", equalTo(name[1]))
                    .body("lastNameTh", equalTo(name[2]))
                    .body("fullNameTh", equalTo(name[0] + name[1] + " " + name[2]));
        }
    }

    @Test
    void spacesPastedAroundANameAreNotKeptAndANameOfSpacesIsRefused() {
        String admin = world.adminToken();
        Map<String, Object> body = personBody(world.divisionId, "TRAINEE");
        body.put("titleTh", "นาย ");
        body.put("firstNameTh", "\u00A0สมชาย");
        body.put("lastNameTh", " ใจดี\u200B");
        String id = api.as(admin).body(body).post("/people").then().statusCode(201)
                .body("titleTh", equalTo("นาย")).body("firstNameTh", equalTo("สมชาย")).body("lastNameTh", equalTo("ใจดี"))
                .extract().path("id");
        api.as(admin).get("/people/" + id).then().statusCode(200).body("fullNameTh", equalTo("นายสมชาย ใจดี"))
                // the fields API.md lists are there when empty, as null
                .body("$", org.hamcrest.Matchers.hasKey("firstNameEn")).body("firstNameEn", nullValue())
                .body("$", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("invitationToken")));
        api.as(admin).body(Map.of("lastNameTh", "\u00A0\u200B")).patch("/people/" + id).then().statusCode(400)
                .body("errors[0].field", equalTo("lastNameTh"));
        api.as(admin).get("/people/" + id).then().statusCode(200).body("lastNameTh", equalTo("ใจดี"));
    }

    @Test
    void hrFindsAPersonByTheNameAsTypedWhateverSpellingTheRecordWasPastedIn() {
        String hr = world.token(world.person(world.departmentId, "HR"));
        String family = "ทำดี" + world.tag().substring(0, 4);
        Map<String, Object> pasted = personBody(world.divisionId, "TRAINEE");
        // copied from a PDF: ำ as nikhahit and sara aa, a zero-width space inside the first name, a tone mark typed
        // before its vowel (ที่ as ท + ่ + ี)
        pasted.put("titleTh", "นาย");
        pasted.put("firstNameTh", "สม\u200Bศักดิ์");
        pasted.put("lastNameTh", family.replace("\u0E33", "\u0E4D\u0E32") + "ท\u0E48\u0E35");
        pasted.put("firstNameEn", "Somsak");
        String id = api.as(hr).body(pasted).post("/people").then().statusCode(201)
                .body("firstNameTh", equalTo("สมศักดิ์")).body("lastNameTh", equalTo(family + "ที่"))
                .extract().path("id");
        Map<String, Object> other = personBody(world.divisionId, "TRAINEE");
        other.put("firstNameTh", "สมศรี");
        other.put("lastNameTh", family + "ที่");
        String otherId = api.as(hr).body(other).post("/people").then().statusCode(201).extract().path("id");

        for (String typed : List.of("สมศักดิ์", "สมศักดิ์ " + family, family + "ที่ สมศักดิ์", "นายสมศักดิ์", "somsak " + family,
                "สม\u200Bศักดิ์")) {
            api.as(hr).queryParam("q", typed).get("/people").then().statusCode(200)
                    .body("total", equalTo(1)).body("items[0].id", equalTo(id));
        }
        api.as(hr).queryParam("q", family).get("/people").then().statusCode(200)
                .body("total", equalTo(2)).body("items.id", org.hamcrest.Matchers.containsInAnyOrder(id, otherId));
        // a word that is in neither: nothing, though each other word matches
        api.as(hr).queryParam("q", "สมศักดิ์ ไม่มีใคร").get("/people").then().statusCode(200).body("total", equalTo(0));
        // LIKE's wildcards are letters here
        api.as(hr).queryParam("q", "%").get("/people").then().statusCode(200).body("total", equalTo(0));
        api.as(hr).queryParam("q", "_").get("/people").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aPersonsRecordSavedSinceItWasReadIsNotOverwrittenByAPatchWithTheOldETag() {
        String admin = world.adminToken();
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String read = api.as(admin).get("/people/" + person.id()).then().statusCode(200).extract().header("ETag");
        // one administrator adds a role: a change to the role list alone moves the tag on
        String after = api.as(admin).header("If-Match", read).body(Map.of("roles", List.of("TRAINEE", "TRAINER")))
                .patch("/people/" + person.id()).then().statusCode(200).extract().header("ETag");
        assertThat(after).isNotNull().isNotEqualTo(read);
        // another, with the record as it read it, would take the role away unseen
        api.as(admin).header("If-Match", read).body(Map.of("roles", List.of("TRAINEE"), "position", "นักวิชาการ"))
                .patch("/people/" + person.id()).then().statusCode(412).body("type", org.hamcrest.Matchers.endsWith("record-changed"));
        api.as(admin).get("/people/" + person.id()).then().statusCode(200)
                .body("roles", containsInAnyOrder("TRAINEE", "TRAINER")).body("position", equalTo("นักวิชาการสาธารณสุขชำนาญการ"))
                .header("ETag", equalTo(after));
    }

    @Test
    void hrRegistersAndSeesOnlyTheStaffOfItsOwnSubtree() {
        String hr = world.token(world.person(world.departmentId, "HR"));
        String otherDepartment = world.organization("กรมอื่น", "DEPARTMENT", world.ministryId);
        World.Person outsider = world.person(otherDepartment, "TRAINEE");

        Map<String, Object> staff = personBody(world.divisionId, "TRAINEE");
        String staffId = api.as(hr).body(staff).post("/people").then().statusCode(201).extract().path("id");
        api.as(hr).get("/people/" + staffId).then().statusCode(200);
        api.as(hr).get("/people/" + outsider.id()).then().statusCode(404);
        api.as(hr).body(Map.of("position", "x")).patch("/people/" + outsider.id()).then().statusCode(404);
        api.as(hr).body(personBody(otherDepartment, "TRAINEE")).post("/people").then().statusCode(422)
                .body("errors[0].field", equalTo("organizationId"));
        api.as(hr).body(personBody(world.divisionId, "HR")).post("/people").then().statusCode(403);

        Response listed = api.as(hr).queryParam("size", 500).get("/people");
        listed.then().statusCode(200);
        assertThat(listed.jsonPath().getList("items.organizationId", String.class))
                .isNotEmpty().allMatch(org -> org.equals(world.departmentId) || org.equals(world.divisionId));
        assertThat(listed.jsonPath().getList("items.id", String.class)).contains(staffId).doesNotContain(outsider.id());
    }

    @Test
    void aBlankIdFilterIsNoFilterForPeopleAndOrganisationsAndAMalformedOneIsRefusedByName() {
        String hr = world.token(world.person(world.departmentId, "HR"));
        world.person(world.divisionId, "TRAINEE");
        world.person(world.departmentId, "TRAINER");
        // the API's template filled with blanks, as a form with an empty choice sends it: everyone HR may see
        int total = api.as(hr).get("/people").then().statusCode(200).extract().path("total");
        assertThat(total).isEqualTo(3);
        api.as(hr).queryParam("organizationId", "").queryParam("q", "").get("/people").then().statusCode(200)
                .body("total", equalTo(total));
        api.as(hr).queryParam("organizationId", "").queryParam("q", "กัญญ์ณัฏฐ์").get("/people").then().statusCode(200)
                .body("total", equalTo(total));
        api.as(hr).queryParam("organizationId", world.divisionId).get("/people").then().statusCode(200).body("total", equalTo(1));

        // the organisations named for this test, under any parent
        String trainee = world.token(world.person(world.divisionId, "TRAINEE"));
        api.as(trainee).queryParam("q", world.tag()).get("/organizations").then().statusCode(200).body("total", equalTo(3));
        api.as(trainee).queryParam("parentId", "").queryParam("q", world.tag()).get("/organizations").then().statusCode(200)
                .body("total", equalTo(3));

        // an id that is not blank and cannot name a record is still refused, naming the parameter
        api.as(hr).queryParam("organizationId", "กรมอนามัย").get("/people").then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("organizationId"));
        api.as(trainee).queryParam("parentId", "๑๒๓").get("/organizations").then().statusCode(400)
                .body("errors[0].field", equalTo("parentId"));
    }

    @Test
    void aTraineeSeesThemselfButNobodyElse() {
        World.Person me = world.person(world.divisionId, "TRAINEE");
        World.Person colleague = world.person(world.divisionId, "TRAINEE");
        String token = world.token(me);
        api.as(token).get("/people/" + me.id()).then().statusCode(200).body("email", equalTo(me.email()));
        api.as(token).get("/people/" + colleague.id()).then().statusCode(404);
        api.as(token).get("/people").then().statusCode(403);
        api.as(token).get("/people/" + colleague.id() + "/personal-data").then().statusCode(404);
    }

    @Test
    void duplicateEmailsWeakPasswordsAndBadFieldsAreRefusedAndNothingIsWritten() {
        World.Person existing = world.person(world.divisionId, "TRAINEE");
        Map<String, Object> duplicate = personBody(world.divisionId, "TRAINEE");
        duplicate.put("email", existing.email().toUpperCase());
        api.as(world.adminToken()).body(duplicate).post("/people").then().statusCode(409).body("errors[0].field", equalTo("email"));

        Map<String, Object> weak = personBody(world.divisionId, "TRAINEE");
        weak.put("initialPassword", "password123");
        api.as(world.adminToken()).body(weak).post("/people").then().statusCode(400).body("errors[0].field", equalTo("initialPassword"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", weak.get("email"))).isZero();

        Map<String, Object> bad = personBody(world.divisionId, "TRAINEE");
        bad.put("email", "not-an-email");
        bad.put("firstNameTh", "");
        bad.put("roles", List.of());
        api.as(world.adminToken()).body(bad).post("/people").then().statusCode(400)
                .body("errors.field", hasItem("email"))
                .body("errors.field", hasItem("firstNameTh"))
                .body("errors.field", hasItem("roles"))
                .body("detail", not(containsString("arg0")));
    }

    @Test
    void roleChangesAreTheAdministratorsAndAreAudited() {
        World.Person person = world.person(world.divisionId, "TRAINEE");
        // credentials an ADMIN issued (World registers people as ADMIN) keep working when a role is granted, also
        // after their owner changed the password
        String own = "Lampang-Horse-Cart-2569";
        api.as(world.token(person)).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", own)).put("/me/password")
                .then().statusCode(204);
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).body(Map.of("roles", List.of("TRAINEE", "TRAINER"))).patch("/people/" + person.id()).then().statusCode(403);
        api.as(world.adminToken()).body(Map.of("roles", List.of("TRAINEE", "TRAINER"))).patch("/people/" + person.id())
                .then().statusCode(200).body("roles", containsInAnyOrder("TRAINEE", "TRAINER"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'ROLES_CHANGED' AND subject_id = ?", person.id()))
                .isEqualTo(1);
        // the new role is in the next token
        api.signIn(person.email(), own).then().statusCode(200).body("roles", containsInAnyOrder("TRAINEE", "TRAINER"));
    }

    @Test
    void aRoleGrantedLaterWithdrawsThePasswordAndInvitationTheRegistrarKnows() {
        String hr = world.token(world.person(world.departmentId, "HR"));
        Map<String, Object> withPassword = personBody(world.divisionId, "TRAINEE");
        String chosenByHr = "Hr-Knows-This-One-2569";
        withPassword.put("initialPassword", chosenByHr);
        String id = api.as(hr).body(withPassword).post("/people").then().statusCode(201).extract().path("id");
        String email = (String) withPassword.get("email");
        api.signIn(email, chosenByHr).then().statusCode(200);

        api.as(world.adminToken()).body(Map.of("roles", List.of("TRAINEE", "PROGRAM_ADMIN"))).patch("/people/" + id)
                .then().statusCode(200).body("roles", containsInAnyOrder("TRAINEE", "PROGRAM_ADMIN"));
        api.signIn(email, chosenByHr).then().statusCode(401);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'CREDENTIALS_WITHDRAWN' AND subject_id = ?", id))
                .isEqualTo(1);
        String invitation = api.as(world.adminToken()).post("/people/" + id + "/invitation").then().statusCode(200)
                .extract().path("invitationToken");
        api.anonymous().body(Map.of("token", invitation, "password", "Only-I-Know-This-2569")).post("/auth/invitations/accept")
                .then().statusCode(204);
        api.signIn(email, "Only-I-Know-This-2569").then().statusCode(200).body("roles", containsInAnyOrder("TRAINEE", "PROGRAM_ADMIN"));

        // an invitation HR received and has not passed on is withdrawn the same way
        Map<String, Object> invited = personBody(world.divisionId, "TRAINEE");
        invited.remove("initialPassword");
        Response created = api.as(hr).body(invited).post("/people");
        String token = created.then().statusCode(201).extract().path("invitationToken");
        api.as(world.adminToken()).body(Map.of("roles", List.of("TRAINEE", "TRAINER"))).patch("/people/" + created.path("id"))
                .then().statusCode(200);
        api.anonymous().body(Map.of("token", token, "password", "Hr-Took-Over-2569")).post("/auth/invitations/accept")
                .then().statusCode(400);
        api.signIn((String) invited.get("email"), "Hr-Took-Over-2569").then().statusCode(401);

        // HR cannot make its credentials the owner's: accepting the invitation itself, or signing in as the person and
        // changing the password, before the grant, still leaves them withdrawn by it
        Map<String, Object> accepted = personBody(world.divisionId, "TRAINEE");
        accepted.remove("initialPassword");
        Response acceptedByHr = api.as(hr).body(accepted).post("/people");
        api.anonymous().body(Map.of("token", acceptedByHr.then().statusCode(201).extract().path("invitationToken"),
                "password", "Hr-Accepted-It-2569")).post("/auth/invitations/accept").then().statusCode(204);
        Map<String, Object> changed = personBody(world.divisionId, "TRAINEE");
        changed.put("initialPassword", chosenByHr);
        String changedId = api.as(hr).body(changed).post("/people").then().statusCode(201).extract().path("id");
        api.as(api.token((String) changed.get("email"), chosenByHr)).body(Map.of("currentPassword", chosenByHr,
                "newPassword", "Hr-Changed-It-2569")).put("/me/password").then().statusCode(204);
        api.as(world.adminToken()).body(Map.of("roles", List.of("TRAINEE", "TRAINER"))).patch("/people/" + acceptedByHr.path("id"))
                .then().statusCode(200);
        api.as(world.adminToken()).body(Map.of("roles", List.of("TRAINEE", "TRAINER"))).patch("/people/" + changedId)
                .then().statusCode(200);
        api.signIn((String) accepted.get("email"), "Hr-Accepted-It-2569").then().statusCode(401);
        api.signIn((String) changed.get("email"), "Hr-Changed-It-2569").then().statusCode(401);
    }

    @Test
    void aPatchRefusesNullRolesAndBlankNamesAndLeavesAnErasedRecordAlone() {
        World.Person person = world.namedPerson(world.divisionId, "นาย", "สมศักดิ์", "รักไทย", "TRAINEE");
        String admin = world.adminToken();
        api.as(admin).body(Map.of("roles", java.util.Collections.singletonList(null))).patch("/people/" + person.id())
                .then().statusCode(400).body("errors.field", hasItem(containsString("roles")));
        api.as(admin).body(Map.of("firstNameTh", " ")).patch("/people/" + person.id())
                .then().statusCode(400).body("errors[0].field", equalTo("firstNameTh"));
        api.as(admin).body(Map.of("lastNameTh", "\u3000\u3000")).patch("/people/" + person.id())
                .then().statusCode(400).body("errors[0].field", equalTo("lastNameTh"));
        Map<String, Object> ideographic = personBody(world.divisionId, "TRAINEE");
        ideographic.put("firstNameTh", "\u3000");
        api.as(admin).body(ideographic).post("/people").then().statusCode(400).body("errors[0].field", equalTo("firstNameTh"));
        api.as(admin).get("/people/" + person.id()).then().statusCode(200)
                .body("firstNameTh", equalTo("สมศักดิ์")).body("lastNameTh", equalTo("รักไทย")).body("roles", containsInAnyOrder("TRAINEE"));

        api.as(admin).delete("/people/" + person.id() + "/personal-data").then().statusCode(204);
        api.as(admin).body(Map.of("firstNameTh", "สมศักดิ์", "email", person.email())).patch("/people/" + person.id())
                .then().statusCode(404);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE id = ? AND (first_name_th = 'สมศักดิ์' OR email = ?)",
                person.id(), person.email())).isZero();
    }

    @Test
    void aRoleCannotBeSmuggledInThroughAPatchOfAnotherField() {
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String hr = world.token(world.person(world.departmentId, "HR"));
        Map<String, Object> body = new HashMap<>();
        body.put("position", "นักวิชาการ");
        body.put("role", "ADMIN");
        body.put("id", UUID.randomUUID().toString());
        api.as(hr).body(body).patch("/people/" + person.id()).then().statusCode(200)
                .body("id", equalTo(person.id()))
                .body("roles", containsInAnyOrder("TRAINEE"));
    }

    // --- passwords

    @Test
    void aPersonChangesTheirPasswordWithTheCurrentOne() {
        World.Person me = world.person(world.divisionId, "TRAINEE");
        String token = world.token(me);
        String next = "Nakhon-Pathom-Sunrise-2569";
        api.as(token).body(Map.of("currentPassword", "Not-My-Password-2569", "newPassword", next)).put("/me/password").then()
                .statusCode(400).contentType(containsString("problem+json")).body("errors[0].field", equalTo("currentPassword"));
        // new passwords the policy refuses, with the right current one, are no guesses: they lock nothing out
        for (int i = 0; i < 6; i++) {
            api.as(token).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "password" + i)).put("/me/password").then()
                    .statusCode(400).body("errors[0].field", equalTo("newPassword"));
        }
        api.as(token).body(Map.of("currentPassword", Api.PASSWORD)).put("/me/password").then().statusCode(400);
        api.signIn(me.email(), Api.PASSWORD).then().statusCode(200);
        String elsewhere = world.token(me);
        api.as(token).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", next)).put("/me/password").then().statusCode(204);
        api.signIn(me.email(), Api.PASSWORD).then().statusCode(401);
        // whoever held a token, this one included, is signed out; the new password signs in
        api.as(elsewhere).get("/me").then().statusCode(401);
        api.as(token).get("/me").then().statusCode(401);
        api.as(api.token(me.email(), next)).get("/me").then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_CHANGED' AND subject_id = ?", me.id()))
                .isEqualTo(1);
    }

    @Test
    void anAdministratorResetsAPasswordWithANewInvitationThatLiftsTheLock() {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        String signedInWithTheLeakedPassword = world.token(trainee);
        for (int i = 0; i < 5; i++) {
            api.signIn(trainee.email(), "Forgotten-Guess-" + i + "-2569").then().statusCode(401);
        }
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(429);
        // HR registers trainees but does not take over an account in use; a trainee resets nobody's
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).post("/people/" + trainee.id() + "/invitation").then().statusCode(403);
        api.as(world.token(world.person(world.divisionId, "TRAINEE"))).post("/people/" + trainee.id() + "/invitation").then().statusCode(403);
        String invitation = api.as(world.adminToken()).post("/people/" + trainee.id() + "/invitation").then().statusCode(200)
                .body("id", equalTo(trainee.id())).body("invitationExpiresAt", notNullValue()).extract().path("invitationToken");
        // the old password stops working at once, and so does every token signed in with it; the invitation sets a
        // new one, once, and the lock is gone
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(401);
        api.as(signedInWithTheLeakedPassword).get("/me").then().statusCode(401);
        api.anonymous().body(Map.of("token", invitation, "password", "Chiang-Rai-Tea-Garden-2569")).post("/auth/invitations/accept")
                .then().statusCode(204);
        api.signIn(trainee.email(), "Chiang-Rai-Tea-Garden-2569").then().statusCode(200);
        api.anonymous().body(Map.of("token", invitation, "password", "Another-Try-At-It-2569")).post("/auth/invitations/accept")
                .then().statusCode(400);

        // anyone's, but not one's own: that is changed with the current password
        World.Person admin = world.person(world.divisionId, "ADMIN");
        api.as(world.adminToken()).post("/people/" + admin.id() + "/invitation").then().statusCode(200).body("invitationToken", notNullValue());
        String adminToken = world.adminToken();
        String adminId = api.as(adminToken).get("/me").then().statusCode(200).extract().path("person.id");
        api.as(adminToken).post("/people/" + adminId + "/invitation").then().statusCode(422).body("type", containsString("own-password"));
    }

    // --- ending sessions: a token stops working before it expires

    @Test
    void signingOutEndsEverySessionOfThePersonAndNobodyElses() {
        World.Person me = world.person(world.divisionId, "TRAINEE");
        String phone = world.token(me);
        String office = world.token(me);
        String colleague = world.token(world.person(world.divisionId, "TRAINEE"));
        api.anonymous().post("/auth/logout").then().statusCode(401);

        api.as(office).post("/auth/logout").then().statusCode(204);
        for (String ended : List.of(office, phone)) {
            api.as(ended).get("/me").then().statusCode(401)
                    .contentType(containsString("problem+json"))
                    .header("WWW-Authenticate", containsString("invalid_token"))
                    .body("type", containsString("session-ended"));
            // nor does an ended token write anything
            api.as(ended).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "Ended-Session-Writes-2569"))
                    .put("/me/password").then().statusCode(401);
        }
        api.as(colleague).get("/me").then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SIGNED_OUT' AND subject_id = ?", me.id()))
                .isEqualTo(1);
        // a browser that still sends its old token along can sign in again, and the new token works
        String again = api.as(office).body(Map.of("email", me.email(), "password", Api.PASSWORD)).post("/auth/token")
                .then().statusCode(200).extract().path("accessToken");
        api.as(again).get("/me").then().statusCode(200).body("person.id", equalTo(me.id()));
    }

    @Test
    void aTokenIssuedBeforeGenerationsIsEndedToo() throws Exception {
        World.Person me = world.person(world.divisionId, "TRAINEE");
        String legacy = tokenWithoutGeneration(me);
        api.as(legacy).get("/me").then().statusCode(200).body("person.id", equalTo(me.id()));
        api.as(world.token(me)).post("/auth/logout").then().statusCode(204);
        api.as(legacy).get("/me").then().statusCode(401);
    }

    @Test
    void aSessionEndedOnAnotherInstanceEndsHereWithinSeconds() throws InterruptedException {
        World.Person me = world.person(world.divisionId, "TRAINEE");
        String token = world.token(me);
        api.as(token).get("/me").then().statusCode(200);
        // what another instance's sign-out writes; this instance hears of it only from the database
        assertThat(TestDatabase.update("UPDATE account SET token_generation = token_generation + 1, tokens_revoked_at = ? "
                + "WHERE person_id = ?", java.time.LocalDateTime.now(java.time.ZoneOffset.UTC), me.id())).isEqualTo(1);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
        int status;
        do {
            Thread.sleep(500);
            status = api.as(token).get("/me").statusCode();
        } while (status == 200 && System.nanoTime() < deadline);
        assertThat(status).as("a token of an older generation, once the instance has read the database").isEqualTo(401);
        api.as(world.token(me)).get("/me").then().statusCode(200);
    }

    @Test
    void aChangeOfRolesOrOrganisationEndsThePersonsSessionsAndAPatchOfOtherFieldsDoesNot() {
        World.Person person = world.person(world.divisionId, "TRAINEE");
        String admin = world.adminToken();
        String before = world.token(person);
        api.as(admin).body(Map.of("position", "นักวิชาการสาธารณสุข")).patch("/people/" + person.id()).then().statusCode(200);
        api.as(before).get("/me").then().statusCode(200);

        api.as(admin).body(Map.of("roles", List.of("TRAINEE", "TRAINER"))).patch("/people/" + person.id()).then().statusCode(200);
        api.as(before).get("/me").then().statusCode(401);
        String trainer = world.token(person);
        api.as(trainer).get("/grading-queue").then().statusCode(200);

        // taking the role away takes it from the token in use too
        api.as(admin).body(Map.of("roles", List.of("TRAINEE"))).patch("/people/" + person.id()).then().statusCode(200);
        api.as(trainer).get("/grading-queue").then().statusCode(401);
        String trainee = world.token(person);
        api.as(trainee).get("/grading-queue").then().statusCode(403);

        // the organisation is in the token as well: HR scope follows the person's new one at once
        String other = world.organization("สำนักงานสาธารณสุขจังหวัดแพร่", "DIVISION", world.departmentId);
        api.as(admin).body(Map.of("organizationId", other)).patch("/people/" + person.id()).then().statusCode(200);
        api.as(trainee).get("/me").then().statusCode(401);
        api.as(world.token(person)).get("/me").then().statusCode(200).body("organization.id", equalTo(other));
    }

    // --- staff registering themselves by e-mail (the bank academy's anywhere-anytime e-learning)

    /** The division takes registrations for a domain of this test's own, and answers it. */
    private String openRegistration(String organizationId) {
        String domain = "reg-" + world.tag() + "-" + UUID.randomUUID().toString().substring(0, 6) + ".example.org";
        api.as(world.adminToken()).body(Map.of("registrationDomains", List.of(domain.toUpperCase()))).patch("/organizations/" + organizationId)
                .then().statusCode(200).body("registrationDomains", equalTo(List.of(domain)));
        return domain;
    }

    private static String tokenIn(TestMail.Mail mail) {
        return tokenIn(mail, "/register");
    }

    /** The token of the link to this page in the mail. */
    private static String tokenIn(TestMail.Mail mail, String page) {
        java.util.regex.Matcher link = java.util.regex.Pattern.compile(page + "\\?token=([A-Za-z0-9_-]{43})\\s").matcher(mail.text());
        assertThat(link.find()).as("a link to " + page + " in: " + mail.text()).isTrue();
        return link.group(1);
    }

    private Response askForLink(String email) {
        return api.anonymous().body(Map.of("email", email)).post("/auth/registrations");
    }

    private Response complete(Map<String, Object> completion) {
        return api.anonymous().body(completion).post("/auth/registrations/complete");
    }

    private Map<String, Object> completion(String token) {
        Map<String, Object> body = new HashMap<>();
        body.put("token", token);
        body.put("titleTh", "นางสาว");
        body.put("firstNameTh", "กัญญ์ณัฏฐ์");
        body.put("lastNameTh", "ศรีสุขสวัสดิ์");
        body.put("titleEn", "Miss");
        body.put("firstNameEn", "Kannat");
        body.put("lastNameEn", "Srisuksawat");
        body.put("position", "นักประชาสัมพันธ์ปฏิบัติการ");
        body.put("password", "Ramkhamhaeng-Stone-1283");
        body.put("acceptPrivacyNotice", true);
        return body;
    }

    @Test
    void staffRegisterThemselvesByEmailSignInAndEnrolInAnOpenCohort() throws Exception {
        String domain = openRegistration(world.divisionId);
        api.as(world.adminToken()).get("/organizations/" + world.divisionId).then().statusCode(200)
                .body("registrationDomains", equalTo(List.of(domain)));
        String email = "kannat.s@" + domain;

        askForLink("Kannat.S@" + domain.toUpperCase()).then()
                .statusCode(202).body("email", equalTo(email)).body("linkExpiresAt", matchesPattern(".*\\+07:00"));
        List<TestMail.Mail> mail = TestMail.await(email, 1);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).subject()).isEqualTo("ลงทะเบียนเข้าใช้ Sakkaya / Finish registering for Sakkaya");
        assertThat(mail.get(0).text()).contains("ในฐานะบุคลากรของ กองทดสอบ " + world.tag()).contains("พ.ศ. 25")
                .contains("ประกาศความเป็นส่วนตัว: https://sakkaya.example.org/privacy");
        String token = tokenIn(mail.get(0));
        // the link's token is kept only as its hash, and nothing of the person exists yet but the address that asked
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM registration WHERE email = ? AND token_hash = SHA2(?, 256)", email, token)).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", email)).isZero();

        // each refusal leaves nothing behind, and the link still works
        Map<String, Object> notAccepted = completion(token);
        notAccepted.put("acceptPrivacyNotice", false);
        complete(notAccepted).then().statusCode(400)
                .body("errors.field", equalTo(List.of("acceptPrivacyNotice")));
        Map<String, Object> weak = completion(token);
        weak.put("password", "sawasdee");
        complete(weak).then().statusCode(400).body("errors.field", equalTo(List.of("password")));
        Map<String, Object> blankName = completion(token);
        blankName.put("firstNameTh", "\u200b ");
        complete(blankName).then().statusCode(400).body("errors.field", hasItem("firstNameTh"));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", email)).isZero();

        // the role, the organisation and the address come from the link, whatever the body says
        Map<String, Object> body = completion(token);
        body.put("roles", List.of("ADMIN"));
        body.put("organizationId", world.ministryId);
        body.put("email", "someone.else@" + domain);
        Response created = complete(body);
        created.then().statusCode(201)
                .header("Location", matchesPattern(".*/api/v1/people/" + UUID_FORM))
                .body("email", equalTo(email)).body("roles", equalTo(List.of("TRAINEE")))
                .body("organizationId", equalTo(world.divisionId))
                .body("fullNameTh", equalTo("นางสาวกัญญ์ณัฏฐ์ ศรีสุขสวัสดิ์"))
                .body("position", equalTo("นักประชาสัมพันธ์ปฏิบัติการ"))
                .body("invitationToken", nullValue());
        String personId = created.jsonPath().getString("id");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM registration WHERE email = ?", email)).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'SELF_REGISTERED' AND subject_id = ?"
                + " AND detail = 'privacy notice accepted (https://sakkaya.example.org/privacy)'", personId)).isEqualTo(1);
        complete(completion(token)).then().statusCode(400)
                .body("errors.field", equalTo(List.of("token")));

        String trainee = api.token(email.toUpperCase(), "Ramkhamhaeng-Stone-1283");
        api.as(trainee).get("/me").then().statusCode(200).body("person.firstNameTh", equalTo("กัญญ์ณัฏฐ์"))
                .body("person.lastNameTh", equalTo("ศรีสุขสวัสดิ์")).body("organization.id", equalTo(world.divisionId));
        String organiser = world.token(world.person(world.departmentId, "PROGRAM_ADMIN"));
        String cohort = world.cohort(organiser, world.program(organiser, "นักสื่อสาร/ครีเอเตอร์", "CONTENT_CREATOR"), "2027-01-11", "2027-01-14");
        api.as(organiser).body(Map.of("enrollmentOpen", true)).patch("/cohorts/" + cohort).then().statusCode(200);
        api.as(trainee).body(Map.of("personId", personId)).post("/cohorts/" + cohort + "/enrollments").then().statusCode(201)
                .body("status", equalTo("ENROLLED"));
    }

    @Test
    void aRequestAnswersTheSameWhetherOrNotTheAddressHasAnAccount() throws Exception {
        // the world's people have addresses at <tag>.example.org: the department takes registrations from it
        String domain = world.tag() + ".example.org";
        api.as(world.adminToken()).body(Map.of("registrationDomains", List.of(domain))).patch("/organizations/" + world.departmentId)
                .then().statusCode(200);
        World.Person existing = world.person(world.divisionId, "TRAINEE");
        String newcomer = "newcomer-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;

        Response forExisting = askForLink(existing.email());
        Response forNewcomer = askForLink(newcomer);
        forExisting.then().statusCode(202);
        forNewcomer.then().statusCode(202);
        assertThat(forExisting.jsonPath().getMap("").keySet()).isEqualTo(forNewcomer.jsonPath().getMap("").keySet());

        // the owner of the existing account is told, by mail, and given nothing to click; their account is unchanged
        List<TestMail.Mail> note = TestMail.await(existing.email(), 1);
        assertThat(note).hasSize(1);
        assertThat(note.get(0).text()).contains("มีบัญชีอยู่แล้ว").doesNotContain("token=");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM registration WHERE email = ?", existing.email())).isZero();
        api.signIn(existing.email(), Api.PASSWORD).then().statusCode(200);
        assertThat(tokenIn(TestMail.await(newcomer, 1).get(0))).isNotBlank();
    }

    @Test
    void anAddressNoOrganisationRegistersIsRefusedAndNoMailGoes() {
        String elsewhere = "somchai-" + world.tag() + "@not-registering-" + world.tag() + ".example.org";
        askForLink(elsewhere).then().statusCode(422)
                .contentType(containsString("application/problem+json"))
                .body("type", equalTo("urn:sakkaya:problem:registration-not-open"))
                .body("errors.field", equalTo(List.of("email")));
        askForLink("not an address").then().statusCode(400)
                .body("errors.field", equalTo(List.of("email")));
        api.anonymous().body(Map.of()).post("/auth/registrations").then().statusCode(400).body("errors.field", hasItem("email"));
        assertThat(TestMail.to(elsewhere)).isEmpty();
        // a look-alike spelling of an address at an open domain (a zero-width space, a quoted name) is not another mailbox
        String domain = openRegistration(world.divisionId);
        for (String lookAlike : List.of("kannat\u200b@" + domain, "\"kannat\"@" + domain, "kannat+2@" + domain, "kannat@" + domain + "\u200b")) {
            askForLink(lookAlike).then().statusCode(400)
                    .body("errors.field", equalTo(List.of("email")));
        }
        complete(completion("x".repeat(43))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("token")));
    }

    @Test
    void aNewLinkReplacesTheOneBeforeAndAnAddressGetsAtMostThreeAnHour() throws Exception {
        String domain = openRegistration(world.divisionId);
        String email = "thanawat.r@" + domain;
        for (int i = 0; i < 3; i++) {
            askForLink(email).then().statusCode(202);
        }
        Response fourth = askForLink(email);
        fourth.then().statusCode(429).body("type", equalTo("urn:sakkaya:problem:too-many-requests"));
        assertThat(Long.parseLong(fourth.header("Retry-After"))).isBetween(1L, 3600L);
        List<TestMail.Mail> mail = TestMail.await(email, 3);
        assertThat(mail).hasSize(3);
        // only the newest link works
        complete(completion(tokenIn(mail.get(0)))).then().statusCode(400)
                .body("errors.field", equalTo(List.of("token")));
        complete(completion(tokenIn(mail.get(2)))).then().statusCode(201);
    }

    @Test
    void aLinkToAnOrganisationThatStoppedTakingTheDomainMakesNoAccount() throws Exception {
        String domain = openRegistration(world.divisionId);
        String email = "sompong.k@" + domain;
        askForLink(email).then().statusCode(202);
        String token = tokenIn(TestMail.await(email, 1).get(0));
        api.as(world.adminToken()).body(Map.of("registrationDomains", List.of())).patch("/organizations/" + world.divisionId)
                .then().statusCode(200);
        complete(completion(token)).then().statusCode(422)
                .body("type", equalTo("urn:sakkaya:problem:registration-not-open")).body("errors.field", equalTo(List.of("token")));
        // nor when the domain went to another organisation than the one the mail named
        api.as(world.adminToken()).body(Map.of("registrationDomains", List.of(domain))).patch("/organizations/" + world.departmentId)
                .then().statusCode(200);
        complete(completion(token)).then().statusCode(422)
                .body("errors.field", equalTo(List.of("token")));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", email)).isZero();
    }

    @Test
    void aMailServerThatIsDownIsA503ThatNeitherCountsNorEndsTheLinkSentBefore() throws Exception {
        String domain = openRegistration(world.divisionId);
        String email = "rattana.c@" + domain;
        askForLink(email).then().statusCode(202);
        String first = tokenIn(TestMail.await(email, 1).get(0));
        TestMail.pause();
        try {
            for (int i = 0; i < 3; i++) {
                Response down = askForLink(email);
                down.then().statusCode(503).contentType(containsString("application/problem+json"))
                        .body("type", equalTo("urn:sakkaya:problem:mail-unavailable")).header("Retry-After", "60");
            }
        } finally {
            TestMail.resume();
        }
        // the three that were not sent did not count: two more mails may go this hour, and the first link still works
        askForLink(email).then().statusCode(202);
        askForLink(email).then().statusCode(202);
        askForLink(email).then().statusCode(429);
        List<TestMail.Mail> mail = TestMail.await(email, 3);
        assertThat(mail).hasSize(3);
        complete(completion(tokenIn(mail.get(2)))).then().statusCode(201);
        assertThat(first).isNotEqualTo(tokenIn(mail.get(2)));
    }

    @Test
    void staffAtAThaiDomainRegisterAndSignInWithTheAddressAsTheyTypeIt() throws Exception {
        String thaiDomain = "กรมสุขภาพจิต" + world.tag() + ".ไทย";
        api.as(world.adminToken()).body(Map.of("registrationDomains", List.of(thaiDomain))).patch("/organizations/" + world.divisionId)
                .then().statusCode(200);
        String typed = "wipa@" + thaiDomain;
        Response asked = askForLink(typed);
        asked.then().statusCode(202);
        String stored = asked.jsonPath().getString("email");
        assertThat(stored).startsWith("wipa@xn--").endsWith(".xn--o3cw4h");
        complete(completion(tokenIn(TestMail.await(stored, 1).get(0)))).then().statusCode(201);

        // either spelling signs in, and the address is taken under either for HR
        api.token(typed, "Ramkhamhaeng-Stone-1283");
        api.token(stored, "Ramkhamhaeng-Stone-1283");
        Map<String, Object> again = personBody(world.divisionId, "TRAINEE");
        again.put("email", typed);
        api.as(world.adminToken()).body(again).post("/people").then().statusCode(409)
                .body("type", equalTo("urn:sakkaya:problem:duplicate-email"));
        // and a new link for it is a note that the account exists
        askForLink(typed).then().statusCode(202);
        assertThat(TestMail.await(stored, 2).get(1).text()).contains("มีบัญชีอยู่แล้ว");
    }

    @Test
    void oneLinkUsedTwiceAtOnceMakesOneAccount() throws Exception {
        String domain = openRegistration(world.divisionId);
        String email = "pimchanok.w@" + domain;
        askForLink(email).then().statusCode(202);
        String token = tokenIn(TestMail.await(email, 1).get(0));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return complete(completion(token)).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 201).containsOnly(400);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", email)).isEqualTo(1);
    }

    @Test
    void aMinistryWithoutAFrontEndRegistersStaffOnSakkayasOwnPage() throws Exception {
        String domain = openRegistration(world.divisionId);
        String email = "wanchai.p@" + domain;
        askForLink(email).then().statusCode(202);
        String token = tokenIn(TestMail.await(email, 1).get(0));

        Response page = api.root().accept("text/html").queryParam("token", token).get("/register");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"));
        assertThat(page.asString()).contains(email).contains("กองทดสอบ " + world.tag()).contains("https://sakkaya.example.org/privacy")
                .contains("name=\"firstNameTh\"").contains("พ.ศ. 25");

        // a refused form comes back with what was typed (escaped) and the reasons beside the fields; nothing is made
        Map<String, String> form = new HashMap<>();
        form.put("token", token);
        form.put("titleTh", "นาย");
        form.put("firstNameTh", "<script>alert(1)</script>");
        form.put("lastNameTh", "พึ่งบุญ");
        form.put("password", "Chao-Phraya-Delta-2563");
        form.put("passwordAgain", "Chao-Phraya-Delta-2564");
        Response refused = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post("/register");
        refused.then().statusCode(400);
        assertThat(refused.asString()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>")
                .contains("ไม่ตรงกับรหัสผ่าน").doesNotContain("Chao-Phraya-Delta");
        form.put("firstNameTh", "วันชัย");
        form.put("passwordAgain", "Chao-Phraya-Delta-2563");
        Response notAccepted = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post("/register");
        notAccepted.then().statusCode(400);
        assertThat(notAccepted.asString()).contains("must be true: an account is made only for someone who accepts the privacy notice")
                .contains("value=\"วันชัย\"");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", email)).isZero();

        assertThat(notAccepted.asString()).contains("ต้องอ่านและยอมรับก่อนลงทะเบียน");
        // a field sent twice is refused, as in a JSON body
        Response twice = api.root().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("token=" + token + "&firstNameTh=%E0%B8%A7%E0%B8%B1%E0%B8%99%E0%B8%8A%E0%B8%B1%E0%B8%A2&firstNameTh=x&lastNameTh=x"
                        + "&password=Chao-Phraya-Delta-2563&passwordAgain=Chao-Phraya-Delta-2563&acceptPrivacyNotice=yes").post("/register");
        twice.then().statusCode(400);
        assertThat(twice.asString()).contains("ส่งมาซ้ำ / is given twice");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ?", email)).isZero();

        form.put("acceptPrivacyNotice", "yes");
        Response registered = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post("/register");
        registered.then().statusCode(200);
        assertThat(registered.asString()).contains("ลงทะเบียนเรียบร้อย").contains(email);
        String trainee = api.token(email, "Chao-Phraya-Delta-2563");
        api.as(trainee).get("/me").then().body("person.fullNameTh", equalTo("นายวันชัย พึ่งบุญ")).body("person.roles", equalTo(List.of("TRAINEE")));

        // the link is spent; another method than GET and POST is the client's mistake
        api.root().accept("text/html").queryParam("token", token).get("/register").then().statusCode(404)
                .body(containsString("ลิงก์นี้ใช้ไม่ได้"));
        api.root().accept("text/html").get("/register").then().statusCode(404);
        api.root().put("/register").then().statusCode(405).header("Allow", containsString("POST"));
    }

    // --- a trainee who forgot their password sets a new one with a link mailed to them

    private static String resetTokenIn(TestMail.Mail mail) {
        return tokenIn(mail, "/reset-password");
    }

    private Response askForReset(String email) {
        return api.anonymous().body(Map.of("email", email)).post("/auth/password-resets");
    }

    private Response reset(String token, String password) {
        return api.anonymous().body(Map.of("token", token, "password", password)).post("/auth/password-resets/complete");
    }

    /**
     * Waits for a mail that is sure to come, then as long as a request's mail may wait (the service sends it up to 2 s
     * after answering), and answers what reached this address meanwhile.
     */
    private List<TestMail.Mail> mailAfterOthers(String address, String certain) throws InterruptedException {
        assertThat(TestMail.await(certain, 1)).isNotEmpty();
        Thread.sleep(2500);
        return TestMail.to(address);
    }

    @Test
    void aTraineeWhoForgotTheirPasswordSetsANewOneWithALinkMailedToThem() throws Exception {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        String signedInBefore = world.token(trainee);
        for (int i = 0; i < 5; i++) {
            api.signIn(trainee.email(), "Forgotten-Guess-" + i + "-2569").then().statusCode(401);
        }
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(429);

        askForReset(trainee.email().toUpperCase()).then().statusCode(202)
                .body("email", equalTo(trainee.email())).body("linkExpiresAt", matchesPattern(".*\\+07:00"));
        List<TestMail.Mail> mail = TestMail.await(trainee.email(), 1);
        assertThat(mail).hasSize(1);
        assertThat(mail.get(0).subject()).isEqualTo("ตั้งรหัสผ่าน Sakkaya ใหม่ / Set a new Sakkaya password");
        assertThat(mail.get(0).text()).contains("พ.ศ. 25").contains("(Bangkok time)");
        String token = resetTokenIn(mail.get(0));
        // kept as hashes only: of the token and of the address
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE person_id = ? AND token_hash = SHA2(?, 256)"
                + " AND email_hash = SHA2(?, 256)", trainee.id(), token, trainee.email())).isEqualTo(1);
        // asking changes nothing yet: the password still works (once the lock is gone) and the sessions go on
        api.as(signedInBefore).get("/me").then().statusCode(200);

        // a weak password is refused and the link still works; a link not sent is no link
        reset(token, "password1").then().statusCode(400).contentType(containsString("problem+json"))
                .body("errors.field", equalTo(List.of("password")));
        // U+FFFD is what bytes that were not UTF-8 are read as: such a password could never be typed again
        reset(token, "Lampang-\uFFFD-Horse-2569").then().statusCode(400).body("errors[0].message", containsString("not UTF-8"));
        reset("x".repeat(43), "Lampang-Horse-Cart-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));
        reset(token, "Lampang-Horse-Cart-2569").then().statusCode(204);

        // the old password and every session end; the new password signs in although the account was locked
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(401);
        api.as(signedInBefore).get("/me").then().statusCode(401);
        api.as(api.token(trainee.email(), "Lampang-Horse-Cart-2569")).get("/me").then().statusCode(200);
        reset(token, "Another-Lampang-Cart-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE person_id = ?", trainee.id())).isZero();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_RESET_BY_MAIL' AND subject_id = ?",
                trainee.id())).isEqualTo(1);
        // the mailbox is told, so that a reset its owner did not make does not go unnoticed
        List<TestMail.Mail> told = TestMail.await(trainee.email(), 2);
        assertThat(told).hasSize(2);
        assertThat(told.get(1).text()).contains("เพิ่งถูกตั้งใหม่").doesNotContain("token=");
    }

    @Test
    void aResetRequestAnswersTheSameForEveryAddressAndOnlyATraineesAccountGetsALink() throws Exception {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        World.Person trainer = world.person(world.divisionId, "TRAINER");
        String unknown = "nobody-" + UUID.randomUUID().toString().substring(0, 8) + "@" + world.tag() + ".example.org";

        Response forTrainee = askForReset(trainee.email());
        Response forTrainer = askForReset(trainer.email());
        Response forUnknown = askForReset(unknown);
        List<String> addresses = List.of(trainee.email(), trainer.email(), unknown);
        List<Response> answers = List.of(forTrainee, forTrainer, forUnknown);
        for (int i = 0; i < 3; i++) {
            answers.get(i).then().statusCode(202).contentType(containsString("application/json"))
                    .body("email", equalTo(addresses.get(i))).body("linkExpiresAt", matchesPattern(".*\\+07:00"));
            assertThat(answers.get(i).jsonPath().getMap("").keySet()).containsExactlyInAnyOrder("email", "linkExpiresAt");
            assertThat(answers.get(i).getHeader("Cache-Control")).isEqualTo(forTrainee.getHeader("Cache-Control"));
        }
        // staff with roles beyond TRAINEE are told to ask an ADMIN, with nothing to click; an address without an
        // account gets nothing
        List<TestMail.Mail> note = TestMail.await(trainer.email(), 1);
        assertThat(note).hasSize(1);
        assertThat(note.get(0).text()).contains("โปรดติดต่อผู้ดูแลระบบ").contains("ask your organisation's administrator")
                .doesNotContain("token=");
        assertThat(mailAfterOthers(unknown, trainee.email())).isEmpty();
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE person_id = ?", trainer.id())).isZero();
        api.signIn(trainer.email(), Api.PASSWORD).then().statusCode(200);

        // look-alike spellings of one address (a full-width letter, a zero-width space) find the same account, as
        // the column's collation matches them, and are counted apart by address: the account is counted too
        World.Person flooded = world.person(world.divisionId, "TRAINEE");
        String address = flooded.email();
        int at = address.indexOf('@');
        for (String lookAlike : List.of(address, "\uFF50" + address.substring(1), address.substring(0, at) + "\u200b" + address.substring(at),
                address.substring(0, 2) + "\u200b" + address.substring(2), "\uFF50" + address.substring(1, at) + "\u200b" + address.substring(at))) {
            askForReset(lookAlike).then().statusCode(202);
        }
        assertThat(TestMail.await(address, 3)).hasSize(3);
        Thread.sleep(2500);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_RESET_REQUESTED' AND subject_id = ?",
                flooded.id())).isEqualTo(3);
        assertThat(TestMail.to(address)).hasSize(3);

        // three requests an hour per address, counted alike whether or not it has an account
        for (String email : List.of(trainee.email(), unknown)) {
            askForReset(email).then().statusCode(202);
            askForReset(email).then().statusCode(202);
            askForReset(email.toUpperCase()).then().statusCode(429).header("Retry-After", notNullValue())
                    .contentType(containsString("problem+json"));
        }
        askForReset("not an address").then().statusCode(400).body("errors.field", equalTo(List.of("email")));
        api.anonymous().body(Map.of()).post("/auth/password-resets").then().statusCode(400).body("errors.field", hasItem("email"));
    }

    @Test
    void anAddressHrChangesOnAnAccountInUseGetsNoLinkUntilAnAdministratorSetsIt() throws Exception {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        askForReset(trainee.email()).then().statusCode(202);
        String sentBefore = resetTokenIn(TestMail.await(trainee.email(), 1).get(0));

        // HR points the account at another mailbox: a link mailed there would hand the account to whoever reads it
        String hrs = "hr-mailbox-" + UUID.randomUUID().toString().substring(0, 8) + "@" + world.tag() + ".example.org";
        String hr = world.token(world.person(world.departmentId, "HR"));
        api.as(hr).body(Map.of("email", hrs)).patch("/people/" + trainee.id()).then().statusCode(200);
        // the link mailed to the old address stops working with it
        reset(sentBefore, "Songkhla-Lake-Bridge-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));
        askForReset(hrs).then().statusCode(202);
        List<TestMail.Mail> note = TestMail.await(hrs, 1);
        assertThat(note).hasSize(1);
        assertThat(note.get(0).text()).contains("โปรดติดต่อผู้ดูแลระบบ").doesNotContain("token=");
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE person_id = ?", trainee.id())).isZero();
        api.signIn(hrs, Api.PASSWORD).then().statusCode(200);

        // so is the address HR gave when it registered someone: it holds the password or the invitation it chose
        String registeredByHr = "registered-by-hr-" + UUID.randomUUID().toString().substring(0, 8) + "@" + world.tag() + ".example.org";
        api.as(hr).body(Map.of("email", registeredByHr, "firstNameTh", "สมหญิง", "lastNameTh", "ใจงาม", "organizationId", world.divisionId,
                "roles", List.of("TRAINEE"), "initialPassword", "Hr-Chosen-Password-2569")).post("/people").then().statusCode(201);
        askForReset(registeredByHr).then().statusCode(202);
        assertThat(TestMail.await(registeredByHr, 1)).hasSize(1).allSatisfy(m -> assertThat(m.text()).doesNotContain("token="));

        // so is an account that has no password yet: its invitation is accepted later, and the account used
        String invited = world.personWithoutPassword(world.divisionId);
        String hrsToo = "hr-mailbox-" + UUID.randomUUID().toString().substring(0, 8) + "@" + world.tag() + ".example.org";
        api.as(hr).body(Map.of("email", hrsToo)).patch("/people/" + invited).then().statusCode(200);
        askForReset(hrsToo).then().statusCode(202);
        assertThat(TestMail.await(hrsToo, 1)).hasSize(1).allSatisfy(m -> assertThat(m.text()).doesNotContain("token="));

        // an ADMIN sets the address (the same one will do): it gets links again
        api.as(world.adminToken()).body(Map.of("email", hrs)).patch("/people/" + trainee.id()).then().statusCode(200);
        askForReset(hrs).then().statusCode(202);
        reset(resetTokenIn(TestMail.await(hrs, 2).get(1)), "Songkhla-Lake-Bridge-2569").then().statusCode(204);
        api.signIn(hrs, "Songkhla-Lake-Bridge-2569").then().statusCode(200);
    }

    @Test
    void aResetLinkStopsWorkingWhenANewerOneIsSentOrThePasswordChanges() throws Exception {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        askForReset(trainee.email()).then().statusCode(202);
        askForReset(trainee.email()).then().statusCode(202);
        List<TestMail.Mail> mail = TestMail.await(trainee.email(), 2);
        assertThat(mail).hasSize(2);
        List<String> tokens = mail.stream().map(IdentityIT::resetTokenIn).toList();
        // which of the two was stored last is the one that works, whichever mail came first
        String current = tokens.stream().filter(t -> TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE token_hash = SHA2(?, 256)", t) == 1)
                .findFirst().orElseThrow();
        String replaced = tokens.stream().filter(t -> !t.equals(current)).findFirst().orElseThrow();
        reset(replaced, "Phitsanulok-Buddha-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));

        // the person remembers the password and changes it: the link asked for before stops working
        Thread.sleep(5);
        api.as(world.token(trainee)).body(Map.of("currentPassword", Api.PASSWORD, "newPassword", "Remembered-After-All-2569"))
                .put("/me/password").then().statusCode(204);
        reset(current, "Phitsanulok-Buddha-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE person_id = ?", trainee.id())).isZero();
        api.signIn(trainee.email(), "Remembered-After-All-2569").then().statusCode(200);
    }

    @Test
    void aResetLinkDiesWithARoleGrantedAnAdministratorsResetAndAnErasureAndIsExportedMeanwhile() throws Exception {
        String admin = world.adminToken();
        World.Person promoted = world.person(world.divisionId, "TRAINEE");
        askForReset(promoted.email()).then().statusCode(202);
        String first = resetTokenIn(TestMail.await(promoted.email(), 1).get(0));
        // the link is part of the person's data while it is pending
        api.as(world.token(promoted)).get("/people/" + promoted.id() + "/personal-data").then().statusCode(200)
                .body("identity.pendingPasswordResets", hasSize(1))
                .body("identity.pendingPasswordResets[0].expiresAt", notNullValue());
        // a role granted, then taken back within the hour: the link asked for as a trainee stays dead
        api.as(admin).body(Map.of("roles", List.of("TRAINEE", "TRAINER"))).patch("/people/" + promoted.id()).then().statusCode(200);
        api.as(admin).body(Map.of("roles", List.of("TRAINEE"))).patch("/people/" + promoted.id()).then().statusCode(200);
        reset(first, "Surat-Thani-Ferry-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));

        World.Person resetByAdmin = world.person(world.divisionId, "TRAINEE");
        askForReset(resetByAdmin.email()).then().statusCode(202);
        String second = resetTokenIn(TestMail.await(resetByAdmin.email(), 1).get(0));
        String invitation = api.as(admin).post("/people/" + resetByAdmin.id() + "/invitation").then().statusCode(200)
                .extract().path("invitationToken");
        reset(second, "Surat-Thani-Ferry-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));
        // asked for again while the invitation is pending, then the invitation accepted: the link goes
        askForReset(resetByAdmin.email()).then().statusCode(202);
        String fourth = resetTokenIn(TestMail.await(resetByAdmin.email(), 2).get(1));
        api.anonymous().body(Map.of("token", invitation, "password", "Chumphon-Coast-2569")).post("/auth/invitations/accept")
                .then().statusCode(204);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE person_id = ?", resetByAdmin.id())).isZero();
        reset(fourth, "Surat-Thani-Ferry-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));

        World.Person erased = world.person(world.divisionId, "TRAINEE");
        askForReset(erased.email()).then().statusCode(202);
        String third = resetTokenIn(TestMail.await(erased.email(), 1).get(0));
        api.as(admin).delete("/people/" + erased.id() + "/personal-data").then().statusCode(204);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM password_reset WHERE person_id = ?", erased.id())).isZero();
        reset(third, "Surat-Thani-Ferry-2569").then().statusCode(400).body("errors.field", equalTo(List.of("token")));
        // the request's client address went with the erasure, as for every event of the person's own doing
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_RESET_REQUESTED' AND subject_id = ?"
                + " AND actor_id IS NULL AND client_address IS NULL", erased.id())).isEqualTo(1);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_RESET_REQUESTED' AND subject_id = ?"
                + " AND client_address IS NOT NULL", promoted.id())).isEqualTo(1);
    }

    @Test
    void oneResetLinkUsedEightTimesAtOnceSetsOnePassword() throws Exception {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        askForReset(trainee.email()).then().statusCode(202);
        String token = resetTokenIn(TestMail.await(trainee.email(), 1).get(0));
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<String> passwords = new ArrayList<>();
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                String password = "Ayutthaya-Ruins-" + i + "-2569";
                passwords.add(password);
                answers.add(pool.submit(() -> {
                    start.await();
                    return reset(token, password).statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> answer : answers) {
                statuses.add(answer.get(60, TimeUnit.SECONDS));
            }
            assertThat(statuses).filteredOn(s -> s == 204).hasSize(1);
            assertThat(statuses).filteredOn(s -> s != 204).containsOnly(400);
            String winner = passwords.get(statuses.indexOf(204));
            api.signIn(trainee.email(), winner).then().statusCode(200);
        } finally {
            pool.shutdownNow();
        }
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PASSWORD_RESET_BY_MAIL' AND subject_id = ?",
                trainee.id())).isEqualTo(1);
    }

    @Test
    void aMinistryWithoutAFrontEndResetsPasswordsOnSakkayasOwnPage() throws Exception {
        World.Person trainee = world.person(world.divisionId, "TRAINEE");
        askForReset(trainee.email()).then().statusCode(202);
        String token = resetTokenIn(TestMail.await(trainee.email(), 1).get(0));

        Response page = api.root().accept("text/html").queryParam("token", token).get("/reset-password");
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        assertThat(page.asString()).contains(trainee.email()).contains("name=\"password\"").contains("name=\"passwordAgain\"");

        Map<String, String> form = new HashMap<>();
        form.put("token", token);
        form.put("password", "Mae-Hong-Son-Mist-2569");
        form.put("passwordAgain", "Mae-Hong-Son-Mist-2568");
        Response refused = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post("/reset-password");
        refused.then().statusCode(400);
        assertThat(refused.asString()).contains("ไม่ตรงกับรหัสผ่าน").doesNotContain("Mae-Hong-Son");
        form.put("password", "password1");
        form.put("passwordAgain", "password1");
        Response weak = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post("/reset-password");
        weak.then().statusCode(400);
        // the reason beside its field, labelled, in Thai first
        assertThat(weak.asString()).containsPattern("id=\"password\"[^>]*><br><span class=\"error\" role=\"alert\">"
                + "รหัสผ่านใหม่ \\(10 ตัวอักษรขึ้นไป\\) / New password \\(10 characters or more\\): สั้นเกินไป / must be at least 10");
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(200);

        // a form in another encoding would set a password nobody can type (ä as U+FFFD): refused, the link kept
        Response latin1 = api.root().accept("text/html").contentType("application/x-www-form-urlencoded")
                .body("token=" + token + "&password=P%E4sswort-Sicher-2569&passwordAgain=P%E4sswort-Sicher-2569").post("/reset-password");
        latin1.then().statusCode(400);
        assertThat(latin1.asString()).contains("is not UTF-8 text");
        // not a form, a form past the server's 2 MiB, the token twice in either order: a page saying so, never a 500
        api.root().accept("text/html").contentType("text/plain").body("token=" + token).post("/reset-password").then().statusCode(415)
                .contentType(containsString("text/html"));
        for (String path : List.of("/reset-password", "/register")) {
            api.root().accept("text/html").contentType("application/x-www-form-urlencoded")
                    .body("token=" + token + "&password=" + "x".repeat(2_200_000)).post(path).then().statusCode(413)
                    .contentType(containsString("text/html")).header("Content-Security-Policy", containsString("default-src 'none'"));
        }
        for (String tokens : List.of("token=bogus&token=" + token, "token=" + token + "&token=bogus")) {
            api.root().accept("text/html").contentType("application/x-www-form-urlencoded")
                    .body(tokens + "&password=Mae-Hong-Son-Mist-2569&passwordAgain=Mae-Hong-Son-Mist-2569").post("/reset-password")
                    .then().statusCode(400);
        }
        // a form in chunks has no length, and would be cut at 2 MiB without a word: refused
        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build().send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base.toString().replaceAll("/+$", "") + "/reset-password"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(
                                ("token=" + token + "&password=Mae-Hong-Son-Mist-2569&passwordAgain=Mae-Hong-Son-Mist-2569")
                                        .getBytes(java.nio.charset.StandardCharsets.UTF_8)))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(411);
        api.signIn(trainee.email(), Api.PASSWORD).then().statusCode(200);
        api.root().accept("text/html").queryParam("token", token).get("/reset-password").then().statusCode(200);

        form.put("password", "Mae-Hong-Son-Mist-2569");
        form.put("passwordAgain", "Mae-Hong-Son-Mist-2569");
        Response done = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post("/reset-password");
        done.then().statusCode(200);
        assertThat(done.asString()).contains("ตั้งรหัสผ่านใหม่เรียบร้อย").contains(trainee.email());
        api.signIn(trainee.email(), "Mae-Hong-Son-Mist-2569").then().statusCode(200);

        // the link is spent; a token with markup in it is not echoed; another method is the client's mistake
        api.root().accept("text/html").queryParam("token", token).get("/reset-password").then().statusCode(404)
                .body(containsString("ลิงก์นี้ใช้ไม่ได้"));
        Response markup = api.root().accept("text/html").queryParam("token", "\"><script>alert(1)</script>").get("/reset-password");
        markup.then().statusCode(404);
        assertThat(markup.asString()).doesNotContain("<script>alert");
        api.root().delete("/reset-password").then().statusCode(405).header("Allow", containsString("POST"));
    }

    @Test
    void aPersonHrRegisteredSetsTheirFirstPasswordOnSakkayasOwnPageFromTheInvitationLink() {
        String hr = world.token(world.person(world.departmentId, "HR"));
        String email = "invited-" + world.tag() + "@anamai.example.org";
        Map<String, Object> body = new HashMap<>();
        body.put("email", email);
        body.put("titleTh", "นางสาว");
        body.put("firstNameTh", "<script>alert(1)</script>");
        body.put("lastNameTh", "ศรีสุข");
        body.put("organizationId", world.divisionId);
        body.put("roles", List.of("TRAINEE"));
        Response created = api.as(hr).body(body).post("/people");
        created.then().statusCode(201);
        String token = created.path("invitationToken");
        String link = created.path("invitationUrl");
        // the page of this installation (sakkaya.public-url), the token its only parameter
        assertThat(link).endsWith("/accept-invitation?token=" + token);
        String path = java.net.URI.create(link).getPath();

        Response page = api.root().accept("text/html").queryParam("token", token).get(path);
        page.then().statusCode(200).contentType(containsString("text/html"))
                .header("Referrer-Policy", "no-referrer").header("Cache-Control", "no-store")
                .header("Content-Security-Policy", containsString("default-src 'none'"));
        assertThat(page.asString()).contains(email).contains("name=\"passwordAgain\"").doesNotContain("<script>alert");

        Map<String, String> form = new HashMap<>();
        form.put("token", token);
        form.put("password", "Chiang-Rai-Tea-2569");
        form.put("passwordAgain", "Chiang-Rai-Tea-2568");
        Response refused = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post(path);
        refused.then().statusCode(400);
        assertThat(refused.asString()).contains("ไม่ตรงกับรหัสผ่าน").doesNotContain("Chiang-Rai");
        form.put("password", "password1");
        form.put("passwordAgain", "password1");
        api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post(path)
                .then().statusCode(400).body(containsString("สั้นเกินไป"));
        api.signIn(email, "password1").then().statusCode(401);

        form.put("password", "Chiang-Rai-Tea-2569");
        form.put("passwordAgain", "Chiang-Rai-Tea-2569");
        Response done = api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post(path);
        done.then().statusCode(200);
        assertThat(done.asString()).contains("ตั้งรหัสผ่านเรียบร้อย").contains(email);
        api.signIn(email, "Chiang-Rai-Tea-2569").then().statusCode(200);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event a JOIN person p ON p.id = a.subject_id "
                + "WHERE a.action = 'INVITATION_ACCEPTED' AND p.email = ?", email)).isEqualTo(1);

        // the invitation is spent: the page says so and asks nothing; so for one with markup, and another method
        api.root().accept("text/html").queryParam("token", token).get(path).then().statusCode(404)
                .body(containsString("ลิงก์นี้ใช้ไม่ได้")).body(not(containsString("name=\"password\"")));
        api.root().accept("text/html").contentType("application/x-www-form-urlencoded").formParams(form).post(path).then().statusCode(404);
        Response markup = api.root().accept("text/html").queryParam("token", "\"><script>alert(1)</script>").get(path);
        markup.then().statusCode(404);
        assertThat(markup.asString()).doesNotContain("<script>alert");
        api.root().delete(path).then().statusCode(405).header("Allow", containsString("POST"));
        // an ADMIN's reset answers a new invitation with its link too
        String id = created.path("id");
        api.as(world.adminToken()).post("/people/" + id + "/invitation").then().statusCode(200)
                .body("invitationUrl", containsString("/accept-invitation?token="));
    }

    @Test
    void oneInvitationUsedEightTimesAtOnceSetsOnePasswordAndTellsTheOthersItIsSpent() throws Exception {
        for (int round = 0; round < 5; round++) {
            eightUsesOfOneInvitationAtOnce();
        }
    }

    private void eightUsesOfOneInvitationAtOnce() throws Exception {
        String id = world.personWithoutPassword(world.divisionId);
        String email = api.as(world.adminToken()).get("/people/" + id).then().statusCode(200).extract().path("email");
        String token = api.as(world.adminToken()).post("/people/" + id + "/invitation").then().statusCode(200).extract().path("invitationToken");
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Integer>> answers = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            String password = "Double-Click-" + i + "-2569";
            answers.add(pool.submit(() -> {
                go.await();
                return api.anonymous().body(Map.of("token", token, "password", password)).post("/auth/invitations/accept").statusCode();
            }));
        }
        go.countDown();
        List<Integer> statuses = new java.util.ArrayList<>();
        for (java.util.concurrent.Future<Integer> answer : answers) {
            statuses.add(answer.get(60, java.util.concurrent.TimeUnit.SECONDS));
        }
        pool.shutdown();
        assertThat(statuses).containsOnly(204, 400).filteredOn(s -> s == 204).hasSize(1);
        int winner = statuses.indexOf(204);
        api.signIn(email, "Double-Click-" + winner + "-2569").then().statusCode(200);
    }

    @Test
    void anOrganisationNamesOnlyDomainsOfItsOwnThatAreDomains() {
        String admin = world.adminToken();
        String taken = openRegistration(world.departmentId);
        api.as(admin).body(Map.of("registrationDomains", List.of("dmh-" + world.tag() + ".go.th", "gmail.com", "not a domain")))
                .patch("/organizations/" + world.divisionId).then().statusCode(400)
                .body("errors.field", equalTo(List.of("registrationDomains[1]")))
                .body("errors.message", equalTo(List.of("is a public mail service where anyone can have an address")));
        api.as(admin).body(Map.of("registrationDomains", List.of("10.0.0.1"))).patch("/organizations/" + world.divisionId).then()
                .statusCode(400).body("errors.field", equalTo(List.of("registrationDomains[0]")));
        api.as(admin).body(Map.of("registrationDomains", List.of("dmh-" + world.tag() + ".go.th", taken))).patch("/organizations/" + world.divisionId)
                .then().statusCode(409).body("type", equalTo("urn:sakkaya:problem:duplicate-domain"))
                .body("errors.field", equalTo(List.of("registrationDomains[1]")));
        // nothing of a refused change is kept
        api.as(admin).get("/organizations/" + world.divisionId).then().body("registrationDomains", empty());
        // a Thai domain is kept in its ASCII form; [] takes every domain away
        api.as(admin).body(Map.of("registrationDomains", List.of("กรมสุขภาพจิต" + world.tag() + ".ไทย"))).patch("/organizations/" + world.divisionId)
                .then().statusCode(200).body("registrationDomains[0]", matchesPattern("xn--[a-z0-9-]+\\.xn--o3cw4h"));
        api.as(admin).body(Map.of("registrationDomains", List.of())).patch("/organizations/" + world.divisionId).then().statusCode(200)
                .body("registrationDomains", empty());
        // HR does not open its organisation to anyone with an address
        String hr = world.token(world.person(world.divisionId, "HR"));
        api.as(hr).body(Map.of("registrationDomains", List.of("dmh-" + world.tag() + ".go.th"))).patch("/organizations/" + world.divisionId)
                .then().statusCode(403);
    }

    // --- PDPA

    @Test
    void aPersonExportsEverythingStoredAboutThemAndTheReadIsAudited() {
        World.Person me = world.namedPerson(world.divisionId, "นาย", "ปิติพัฒน์", "ธีระวุฒิ", "TRAINEE");
        // HR reads the record: the event is in the export, but the address it came from is HR's, not the trainee's
        api.as(world.token(world.person(world.departmentId, "HR"))).get("/people/" + me.id()).then().statusCode(200);
        api.as(world.token(me)).get("/people/" + me.id() + "/personal-data").then().statusCode(200)
                .body("personId", equalTo(me.id()))
                .body("identity.person.firstNameTh", equalTo("ปิติพัฒน์"))
                .body("identity.account.hasPassword", equalTo(true))
                .body("identity.auditEvents.action", hasItem("LOGIN_SUCCEEDED"))
                .body("identity.auditEvents.findAll { it.byThisPerson }.clientAddress", everyItem(notNullValue()))
                .body("identity.auditEvents.findAll { !it.byThisPerson }", not(empty()))
                .body("identity.auditEvents.findAll { !it.byThisPerson }.clientAddress", everyItem(nullValue()))
                .body("programs.enrollments", hasSize(0))
                .body(not(containsString("passwordHash")));
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM audit_event WHERE action = 'PERSONAL_DATA_EXPORTED' AND subject_id = ?", me.id()))
                .isEqualTo(1);
    }

    @Test
    void erasureRemovesNameAndEmailAndTheAccount() {
        World.Person person = world.namedPerson(world.divisionId, "นางสาว", "กัญญ์ณัฏฐ์", "ศรีสุขสวัสดิ์", "TRAINEE");
        String hr = world.token(world.person(world.departmentId, "HR"));
        String theirs = world.token(person);
        api.as(hr).delete("/people/" + person.id() + "/personal-data").then().statusCode(403);

        api.as(world.adminToken()).delete("/people/" + person.id() + "/personal-data").then().statusCode(204);
        api.as(theirs).get("/me").then().statusCode(401);
        api.as(world.adminToken()).get("/people/" + person.id()).then().statusCode(200)
                .body("firstNameTh", not(equalTo("กัญญ์ณัฏฐ์")))
                .body("email", not(equalTo(person.email())))
                .body("roles", hasSize(0))
                .body("titleTh", nullValue());
        api.signIn(person.email(), Api.PASSWORD).then().statusCode(401);
        assertThat(TestDatabase.count("SELECT COUNT(*) FROM person WHERE email = ? OR last_name_th = 'ศรีสุขสวัสดิ์' AND id = ?",
                person.email(), person.id())).isZero();
        // erasing twice is harmless
        api.as(world.adminToken()).delete("/people/" + person.id() + "/personal-data").then().statusCode(204);
    }

    /** A token as issued before tokens carried their account's generation, signed with the service's key. */
    private static String tokenWithoutGeneration(World.Person person) throws Exception {
        java.nio.file.Path key = java.nio.file.Path.of(System.getProperty("it.data.dir"), "keys", org.sakkaya.dev.DevKeys.PRIVATE);
        String base64 = java.nio.file.Files.readString(key).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        java.security.PrivateKey privateKey = java.security.KeyFactory.getInstance("RSA")
                .generatePrivate(new java.security.spec.PKCS8EncodedKeySpec(java.util.Base64.getDecoder().decode(base64)));
        java.time.Instant now = java.time.Instant.now();
        com.nimbusds.jwt.JWTClaimsSet claims = new com.nimbusds.jwt.JWTClaimsSet.Builder()
                .issuer("urn:sakkaya").subject(person.id()).claim("upn", person.email()).claim("groups", List.of("TRAINEE"))
                .issueTime(java.util.Date.from(now)).expirationTime(java.util.Date.from(now.plusSeconds(600)))
                .jwtID(UUID.randomUUID().toString()).build();
        com.nimbusds.jwt.SignedJWT jwt = new com.nimbusds.jwt.SignedJWT(
                new com.nimbusds.jose.JWSHeader.Builder(com.nimbusds.jose.JWSAlgorithm.RS256).type(com.nimbusds.jose.JOSEObjectType.JWT).build(), claims);
        jwt.sign(new com.nimbusds.jose.crypto.RSASSASigner(privateKey));
        return jwt.serialize();
    }

    private Map<String, Object> personBody(String organizationId, String role) {
        Map<String, Object> body = new HashMap<>();
        body.put("email", "n-" + UUID.randomUUID().toString().substring(0, 12) + "@" + world.tag() + ".example.org");
        body.put("titleTh", "นาง");
        body.put("firstNameTh", "พรรณี");
        body.put("lastNameTh", "เลิศฤทธิ์");
        body.put("organizationId", organizationId);
        body.put("roles", List.of(role));
        body.put("initialPassword", Api.PASSWORD);
        return body;
    }
}
