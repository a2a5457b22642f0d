package org.sakkaya.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.Connection;
import java.util.List;
import java.sql.Statement;
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

/** What operations and every client rely on: health, the OpenAPI document, metrics, problem+json for every error. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {
    static {
        PayaraLog.capture();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void theListenerIsConfiguredAsTheRunAndProductionCommandsConfigureIt() {
        // arquillian.xml starts Payara with config/'s command files, as the run and production commands do (the tests ran
        // without them until 2026-11-27): no server name or version for anyone to look up vulnerabilities by
        api.anonymous().get("/ping").then().statusCode(200).header("Server", nullValue()).header("X-Powered-By", nullValue());
        // behind the TLS proxy, links say https as the client asked (X-Forwarded-Proto)
        api.as(api.adminToken()).header("X-Forwarded-Proto", "https")
                .body(java.util.Map.of("code", "P" + java.util.UUID.randomUUID().toString().substring(0, 12), "nameTh", "กระทรวงหลังพร็อกซี",
                        "kind", "MINISTRY"))
                .post("/organizations").then().statusCode(201).header("Location", org.hamcrest.Matchers.startsWith("https://"));
    }

    @Test
    void aRequestAskingToSwitchProtocolsWithABodyIsRefusedAtOnceAndTheUpgradeToHttp2Works() throws Exception {
        // Grizzly hands the body of an HTTP/1.1 request with an Upgrade header to nobody: the sign-in waited 30 s for it
        // and answered 500, holding a request thread meanwhile
        String body = "{\"email\":\"nobody@example.org\",\"password\":\"Wrong-Password-2563\"}";
        String answer = exchange("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n"
                + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body);
        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/problem+json").contains("\"field\":\"Upgrade\"");
        // without a body nothing is waited for: the header is ignored
        assertThat(exchange("GET /api/v1/ping HTTP/1.1\r\nHost: localhost\r\nConnection: Upgrade, close\r\nUpgrade: websocket\r\n\r\n"))
                .startsWith("HTTP/1.1 200");
        // the JDK's client asks for HTTP/2 with an upgrade, body and all: Payara switches, and the body is read
        java.net.http.HttpResponse<String> signIn = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        base.toURI().resolve("api/v1/auth/token")).header("Content-Type", "application/json")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(signIn.statusCode()).isEqualTo(401);
        assertThat(signIn.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
    }

    @Test
    void aBodyThatStopsComingIsAnswered408AndAnUploadTooLargeIsRefusedBeforeAByteOfItIsRead() throws Exception {
        // an upload declared larger than the file store takes: 413 at once, whoever asks and wherever; the multipart
        // reader wrote whole bodies to /tmp first (1 GiB for a 413, 500 MiB for a trainee's 404)
        assertThat(exchange("POST /api/v1/assessments/0174e1e3-3d00-700a-8000-000000000004/submissions HTTP/1.1\r\nHost: localhost\r\n"
                + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 104857600\r\n\r\n--x\r\n"))
                .startsWith("HTTP/1.1 413").contains("application/problem+json");
        // a 2 GiB length is a number too: JAX-RS read it as an int and answered 500
        assertThat(exchange("POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: multipart/form-data; boundary=x\r\n"
                + "Content-Length: 3000000000\r\n\r\n--x\r\n")).startsWith("HTTP/1.1 413");
        // JSON bodies that stop half-way, that never start, and the same with an Idempotency-Key (read by a filter of its
        // own): 408 once the read gives up, not a 500 with 16 KB of stack traces in the log; all four wait together
        int logFrom = PayaraLog.text().length();
        long started = System.nanoTime();
        String body = "{\"email\":\"somchai@example.org\",";
        String headers = "POST /api/v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                + "Content-Length: " + (body.length() + 40) + "\r\n";
        String keyed = "POST /api/v1/programs HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                + api.adminToken() + "\r\nIdempotency-Key: " + java.util.UUID.randomUUID() + "\r\nContent-Length: 100\r\n\r\n{\"code\":";
        // and an upload that stops half-way: a 500 after 30 s, read by the multipart reader
        org.sakkaya.it.World world = new org.sakkaya.it.World(api);
        String organiser = world.token(world.person(world.organization("กระทรวงทดสอบการส่งช้า", "MINISTRY", null), "PROGRAM_ADMIN"));
        String upload = "POST /api/v1/lessons/" + java.util.UUID.randomUUID() + "/file HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer "
                + organiser + "\r\nContent-Type: multipart/form-data; boundary=x\r\nContent-Length: 500\r\n\r\n"
                + "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n\r\n%PDF-1.7\n";
        List<java.util.concurrent.CompletableFuture<String>> answers = List.of(
                java.util.concurrent.CompletableFuture.supplyAsync(() -> exchangeQuietly(headers + "\r\n" + body)),
                java.util.concurrent.CompletableFuture.supplyAsync(() -> exchangeQuietly(headers + "\r\n")),
                java.util.concurrent.CompletableFuture.supplyAsync(() -> exchangeQuietly(keyed)),
                java.util.concurrent.CompletableFuture.supplyAsync(() -> exchangeQuietly(upload)));
        for (var answer : answers) {
            assertThat(answer.get()).startsWith("HTTP/1.1 408").contains("urn:sakkaya:problem:request-timeout");
        }
        assertThat(System.nanoTime() - started).as("answered within Grizzly's read timeout and ours").isLessThan(75_000_000_000L);
        assertThat(PayaraLog.text().substring(logFrom)).doesNotContain("TimeoutException").doesNotContain("SEVERE");
    }

    @Test
    void anUploadSentWithoutItsLengthIsRefusedOnceItPassesTheLimitNotReadToItsEnd() throws Exception {
        // a chunked upload has no Content-Length to refuse it by: it was read to its end into /tmp, however large,
        // before the file store counted the file. Here it passes the limit (1 MiB in the tests, and 1 MiB of envelope)
        // and then stops: only a refusal at the limit answers before the client gives up
        org.sakkaya.it.World world = new org.sakkaya.it.World(api);
        String organiser = world.token(world.person(world.organization("กระทรวงทดสอบการอัปโหลด", "MINISTRY", null), "PROGRAM_ADMIN"));
        String lesson = java.util.UUID.randomUUID().toString();
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(60_000);
            Thread sender = new Thread(() -> {
                try {
                    var out = socket.getOutputStream();
                    out.write(("POST /api/v1/lessons/" + lesson + "/file HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + organiser
                            + "\r\nContent-Type: multipart/form-data; boundary=x\r\nTransfer-Encoding: chunked\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    byte[] head = "--x\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.pdf\"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n"
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);
                    out.write((Integer.toHexString(head.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    out.write(head);
                    out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    byte[] chunk = new byte[64 * 1024];
                    for (int i = 0; i < 2 * 1024 * 1024 / chunk.length + 1; i++) {
                        out.write((Integer.toHexString(chunk.length) + "\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                        out.write(chunk);
                        out.write("\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    }
                    out.flush(); // and then nothing more: no last chunk
                } catch (java.io.IOException refused) {
                    // the service may close the connection while the last chunks are on their way
                }
            });
            sender.start();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; !received.toString(java.nio.charset.StandardCharsets.UTF_8).contains("}")
                        && (n = socket.getInputStream().read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                }
            } catch (java.net.SocketTimeoutException | java.net.SocketException waitedOrReset) {
                // what came so far is the answer
            }
            sender.join(10_000);
            assertThat(received.toString(java.nio.charset.StandardCharsets.UTF_8)).startsWith("HTTP/1.1 413")
                    .contains("application/problem+json").contains("urn:sakkaya:problem:too-large").contains("1048576 bytes");
        }
        // the service goes on answering
        api.as(organiser).get("/ping").then().statusCode(200);
    }

    @Test
    void theVerificationPageIsReadWithGetAndOtherMethodsAre405NotAnInternalError() throws Exception {
        // the servlet's own dispatch answered PATCH and unknown methods 501, typed as an internal error
        for (String method : List.of("PATCH", "POST", "DELETE", "FOO")) {
            var answer = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(base.toURI()
                            .resolve("verify/SKY-2564-000001")).header("Accept", "application/json")
                    .method(method, java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).as(method).isEqualTo(405);
            assertThat(answer.headers().firstValue("Allow").orElse("")).as(method).contains("GET");
            assertThat(answer.body()).as(method).contains("urn:sakkaya:problem:method-not-allowed");
        }
        var options = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(base.toURI()
                .resolve("verify/SKY-2564-000001")).method("OPTIONS", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(options.headers().firstValue("Allow").orElse("")).isEqualTo("GET, HEAD, OPTIONS");
    }

    private String exchangeQuietly(String request) {
        try {
            return exchange(request, 90_000);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aClientSendingManyRequestsAtOnceOverHttp2GetsEveryAnswer() throws Exception {
        // one JDK client, HTTP/2 by upgrade, 300 changes of one organisation at once, held by a row lock so that they are
        // all in flight together: at Payara's unannounced limit of 100 streams the 101st closed the connection (GOAWAY)
        // and every request on it failed, the changes applied among them
        String admin = api.adminToken();
        String id = api.as(admin).body(java.util.Map.of("code", "H2-" + java.util.UUID.randomUUID().toString().substring(0, 13),
                "nameTh", "กระทรวงหลายคำขอ", "kind", "MINISTRY")).post("/organizations").then().statusCode(201).extract().path("id");
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        client.send(java.net.http.HttpRequest.newBuilder(base.toURI().resolve("api/v1/ping")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        int logBefore = PayaraLog.text().length();
        java.util.Map<Integer, Long> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
        List<java.util.concurrent.CompletableFuture<String>> answers = new java.util.ArrayList<>();
        try (Connection lock = TestDatabase.connect(); Statement statement = lock.createStatement()) {
            lock.setAutoCommit(false);
            statement.executeQuery("SELECT id FROM organization WHERE id = '" + id + "' FOR UPDATE").close();
            for (int i = 0; i < 300; i++) {
                answers.add(client.sendAsync(java.net.http.HttpRequest.newBuilder(base.toURI().resolve("api/v1/organizations/" + id))
                                .header("Authorization", "Bearer " + admin).header("Content-Type", "application/json")
                                .method("PATCH", java.net.http.HttpRequest.BodyPublishers.ofString("{\"nameEn\":\"Ministry " + i + "\"}")).build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                        .handle((answer, failure) -> {
                            if (failure != null) {
                                return failure.getClass().getSimpleName();
                            }
                            statuses.merge(answer.statusCode(), 1L, Long::sum);
                            return answer.version().toString();
                        }));
            }
            Thread.sleep(3000);
            lock.rollback();
        }
        java.util.Map<String, Long> outcomes = new java.util.TreeMap<>();
        for (var answer : answers) {
            outcomes.merge(answer.get(), 1L, Long::sum);
        }
        assertThat(outcomes).as("answers by protocol, or the failure").isEqualTo(java.util.Map.of("HTTP_2", 300L));
        // the changes that found the record changed by another are refused (409), and that is no fault: each wrote a
        // stack trace into the log twice, from EclipseLink and from the transaction manager's commit
        assertThat(statuses.keySet()).as("statuses %s", statuses).containsAnyOf(200).isSubsetOf(200, 409);
        String log = PayaraLog.text().substring(logBefore);
        assertThat(log).doesNotContain("OptimisticLockException").doesNotContain("Local Exception Stack").doesNotContain("DTX5014");
    }

    /** One request written as bytes on a socket, and what comes back within 10 s (the 500 came after 30). */
    private String exchange(String request) throws Exception {
        return exchange(request, 10_000);
    }

    private String exchange(String request, int waitMillis) throws Exception {
        try (java.net.Socket socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(waitMillis);
            socket.getOutputStream().write(request.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = socket.getInputStream().read(buffer)) > 0; ) {
                    received.write(buffer, 0, n);
                    String text = received.toString(java.nio.charset.StandardCharsets.UTF_8);
                    if (text.contains("\r\n\r\n") && (text.contains("}") || text.startsWith("HTTP/1.1 200"))) {
                        break;
                    }
                }
            } catch (java.net.SocketTimeoutException waited) {
                // what came so far is the answer (none: the test fails on it)
            }
            return received.toString(java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void readinessSaysTheDatabaseIsReachableAndMigrated() {
        api.root().get("/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.migrated", hasToString("true"));
        api.root().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiAnswersAPingWithoutASignIn() {
        // nothing of anyone's in it: a cache may keep it (answers to a signed-in caller are no-store: SecurityBatteryIT)
        api.anonymous().get("/ping").then().log().ifValidationFails().statusCode(200)
                .contentType(containsString("application/json")).body("status", equalTo("UP"))
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", org.hamcrest.Matchers.nullValue());
        api.as(api.adminToken()).get("/ping").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void theStartUpLogNamesTheJsonProviderThatPayaraWouldOtherwiseSearchForOnEveryRequest() throws Exception {
        // arquillian.xml starts Payara as the README's production command does
        assertThat(PayaraLog.text()).contains("JSON-P provider named by the JVM's options: org.eclipse.parsson.JsonProviderImpl")
                .doesNotContain("The JVM was started without -Djakarta.json.provider");
    }

    @Test
    void payarasDataGridIsOffSoNothingListensForItsAdministrationCommands() throws Exception {
        // arquillian.xml starts Payara with --nohazelcast, as the production command does; with the grid on (even with
        // --nocluster) anyone reaching port 6900 could have the server run asadmin commands, deployments included
        assertThat(PayaraLog.text()).contains("Payara's Hazelcast data grid is off")
                .doesNotContain("Payara's Hazelcast data grid is running");
        for (int port = 6900; port <= 6910; port++) {
            try (java.net.Socket grid = new java.net.Socket()) {
                int tried = port;
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> grid.connect(new java.net.InetSocketAddress("127.0.0.1", tried), 2000))
                        .as("something listens on the data grid's port %d", tried).isInstanceOf(java.io.IOException.class);
            }
        }
    }

    @Test
    void readinessAndTheStartUpLogSayWhetherTheDatabaseIsDurable() throws Exception {
        api.root().get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'database' }.data.durable", hasToString("true"))
                .body("checks.find { it.name == 'database' }.data.innodbFlushLogAtTrxCommit", hasToString("1"));
        assertThat(PayaraLog.text()).contains("Database durability as recommended: innodb_flush_log_at_trx_commit=1");
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
            try {
                // weaker settings warn, they do not take the service out of rotation
                api.root().get("/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'database' }.data.durable", hasToString("false"))
                        .body("checks.find { it.name == 'database' }.data.durabilityWarnings",
                                containsString("innodb_flush_log_at_trx_commit=2"));
            } finally {
                statement.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 1");
            }
        }
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        api.root().accept("application/json").get("/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/auth/token"))
                .body("paths.keySet()", hasItem("/api/v1/people/{id}/personal-data"))
                // the Idempotency-Key header, read by a servlet filter, is described on writes that may be retried
                .body("paths.'/api/v1/cohorts/{id}/enrollments'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/people/{id}'.patch.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/auth/token'.post.parameters", nullValue())
                // files are described as what they are, not as JSON or as nothing
                .body("paths.'/api/v1/certificates/{serial}/pdf'.get.responses.'200'.content.keySet()", hasItem("application/pdf"))
                .body("paths.'/api/v1/cohorts/{id}/certificates.zip'.get.responses.'200'.content.keySet()", hasItem("application/zip"))
                .body("paths.'/api/v1/cohorts/{id}/gradebook'.get.responses.'200'.content.keySet()", hasItem("text/csv"))
                .body("paths.'/api/v1/cohorts/{id}/progress'.get.responses.'200'.content.keySet()", hasItem("application/json"))
                .body("paths.'/api/v1/lessons/{id}'.delete.responses.keySet()", not(hasItem("200")))
                // the errors API.md promises, with the fields named
                .body("components.schemas.Problem.properties.keySet()", hasItem("errors"))
                .body("paths.'/api/v1/people'.post.responses.'400'.content.'application/problem+json'.schema.'$ref'",
                        equalTo("#/components/schemas/Problem"))
                .body("paths.'/api/v1/auth/token'.post.responses.'429'.content.keySet()", hasItem("application/problem+json"));
        // and every operation of the API: one answer a success at least, a file or JSON for each GET's, every error a
        // problem, a 404 where the path names a record, a 401 where a sign-in is needed
        io.restassured.path.json.JsonPath document = api.root().accept("application/json").get("/openapi").then().extract().jsonPath();
        // signing in needs no token: the served document said it did (Payara drops the empty list that said so)
        assertThat(document.getList("security")).as("a default sign-in for every operation").isNull();
        java.util.Map<String, java.util.Map<String, java.util.Map<String, Object>>> paths = document.getMap("paths");
        List<String> wrong = new java.util.ArrayList<>();
        int operations = 0;
        for (var path : paths.entrySet()) {
            if (!path.getKey().startsWith("/api/")) {
                continue;
            }
            for (var operation : path.getValue().entrySet()) {
                if (!List.of("get", "post", "put", "patch", "delete").contains(operation.getKey())) {
                    continue;
                }
                operations++;
                String name = operation.getKey().toUpperCase() + " " + path.getKey();
                @SuppressWarnings("unchecked")
                var responses = (java.util.Map<String, java.util.Map<String, Object>>) operation.getValue().get("responses");
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                    wrong.add(name + ": no success");
                }
                responses.forEach((code, response) -> {
                    Object content = response.get("content");
                    if (code.startsWith("2") && operation.getKey().equals("get") && content == null) {
                        wrong.add(name + " " + code + ": no media type");
                    }
                    if ((code.startsWith("4") || code.startsWith("5"))
                            && !(content instanceof java.util.Map<?, ?> types && types.containsKey("application/problem+json"))) {
                        wrong.add(name + " " + code + ": not a problem");
                    }
                });
                if (path.getKey().contains("{") && !responses.containsKey("404")) {
                    wrong.add(name + ": no 404");
                }
                Object security = operation.getValue().get("security");
                boolean open = security == null || security instanceof List<?> none && none.isEmpty();
                if (!open && !responses.containsKey("401")) {
                    wrong.add(name + ": no 401");
                }
                if (open != List.of("/api/v1/ping", "/api/v1/auth/token", "/api/v1/auth/invitations/accept", "/api/v1/auth/registrations",
                        "/api/v1/auth/registrations/complete", "/api/v1/auth/password-resets", "/api/v1/auth/password-resets/complete")
                        .contains(path.getKey())) {
                    wrong.add(name + (open ? ": said to need no sign-in" : ": said to need a sign-in"));
                }
            }
        }
        assertThat(operations).isGreaterThan(100);
        assertThat(wrong).isEmpty();
    }

    /** Exactly these bytes and headers, as a client other than ours might send them. */
    private java.net.http.HttpResponse<String> raw(String method, String path, String token, String contentType, String accept, byte[] body)
            throws Exception {
        java.net.http.HttpRequest.Builder request = java.net.http.HttpRequest.newBuilder(base.toURI().resolve("api/v1" + path))
                .method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody() : java.net.http.HttpRequest.BodyPublishers.ofByteArray(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        if (accept != null) {
            request.header("Accept", accept);
        }
        return java.net.http.HttpClient.newHttpClient().send(request.build(),
                java.net.http.HttpResponse.BodyHandlers.ofString(java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void mediaTypesAreReadWithoutCaseAndAnswersAreUtf8WhateverCharsetIsAskedFor() throws Exception {
        String admin = api.adminToken();
        // RFC 9110: type and subtype compare without case; Jersey compared them as written and answered 500 or 415
        for (String accept : List.of("APPLICATION/JSON", "Application/Json; charset=bogus", "application/json;charset=ISO-8859-1")) {
            var answer = raw("GET", "/me", admin, null, accept, null);
            assertThat(answer.statusCode()).as("Accept: %s", accept).isEqualTo(200);
            assertThat(answer.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
            // the first administrator's Thai name, not question marks
            assertThat(answer.body()).as("Accept: %s", accept).contains("ผู้ดูแลระบบ").doesNotContain("???");
        }
        byte[] signIn = "{\"email\":\"nobody@example.org\",\"password\":\"Wrong-Password-2563\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw("POST", "/auth/token", null, "Application/JSON", null, signIn).statusCode()).isEqualTo(401);
    }

    @Test
    void aBodyThatIsTooLargeOrNotUtf8IsRefusedBeforeAnythingReadsIt() throws Exception {
        // 3 MiB of e-mail address, without a token: 32 of 25 MiB filled a 2 GB heap
        byte[] huge = ("{\"email\":\"" + "a".repeat(3 << 20) + "\",\"password\":\"x\"}").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        var tooLarge = raw("POST", "/auth/token", null, "application/json", null, huge);
        assertThat(tooLarge.statusCode()).isEqualTo(413);
        assertThat(tooLarge.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // a name in TIS-620, the older Thai encoding, was read as UTF-8 and stored as replacement characters (201)
        byte[] tis620 = "{\"email\":\"สมชาย@example.org\",\"password\":\"รหัสผ่านยาวพอ\"}".getBytes(java.nio.charset.Charset.forName("TIS-620"));
        var declared = raw("POST", "/auth/token", null, "application/json; charset=TIS-620", null, tis620);
        assertThat(declared.statusCode()).isEqualTo(415);
        assertThat(declared.body()).contains("Content-Type");
        var undeclared = raw("POST", "/auth/token", null, "application/json", null, tis620);
        assertThat(undeclared.statusCode()).isEqualTo(400);
        assertThat(undeclared.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        // UTF-8, said or not, is read
        byte[] utf8 = "{\"email\":\"สมชาย@example.org\",\"password\":\"รหัสผ่านยาวพอ\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(raw("POST", "/auth/token", null, "application/json; charset=UTF-8", null, utf8).statusCode()).isIn(400, 401);
    }

    @Test
    void jerseysGeneratedWadlIsNotServed() throws Exception {
        // it named the framework and its version to anyone, and is not the contract (the OpenAPI document is)
        var wadl = raw("GET", "/application.wadl", null, null, null, null);
        assertThat(wadl.statusCode()).isEqualTo(404);
        assertThat(wadl.body()).doesNotContain("Jersey");
        assertThat(raw("OPTIONS", "/me", null, null, null, null).body()).doesNotContain("Jersey").doesNotContain("wadl");
    }

    @Test
    void metricsAreServed() {
        api.root().get("/metrics").then().statusCode(200);
    }

    @Test
    void callsWithoutATokenAreRefusedWithProblemJson() {
        api.anonymous().get("/me").then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401));
    }

    @Test
    void aParameterThatCannotBeDecodedIsNotWrittenToTheLog() throws Exception {
        // a lone % (curl -d sends a password as typed): Grizzly cannot decode it, and logged the value at INFO
        String token = "Unlogged-Token-" + java.util.UUID.randomUUID();
        String password = "Unlogged-Password-" + java.util.UUID.randomUUID().toString().substring(0, 8);
        // no HTTP client of Java's sends a malformed escape: written on a socket, as a hand-made request would be
        java.net.URL url = new java.net.URL(api.base());
        try (java.net.Socket socket = new java.net.Socket(url.getHost(), url.getPort())) {
            socket.getOutputStream().write(("GET /reset-password?token=" + token + "% HTTP/1.1\r\nHost: " + url.getHost()
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 404");
        }
        for (String page : List.of("/reset-password", "/register")) {
            api.root().accept("text/html").contentType("application/x-www-form-urlencoded")
                    .body("token=" + token + "&password=" + password + "%&passwordAgain=" + password + "%").post(page)
                    .then().statusCode(anyOf(equalTo(400), equalTo(404)));
        }
        Thread.sleep(1000);
        assertThat(PayaraLog.text()).doesNotContain(token).doesNotContain(password);
    }

    @Test
    void aForgedTokenIsRefusedWithProblemJsonEvenWhereNoneIsNeeded() throws Exception {
        String token = api.adminToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        int logBefore = PayaraLog.text().length();
        // Payara's token mechanism refuses before anything of ours runs: its own HTML error page until 2026-11-27
        for (String bad : List.of(forged, "not-a-token")) {
            api.as(bad).get("/me").then().statusCode(401).contentType(containsString("application/problem+json"))
                    .header("WWW-Authenticate", containsString("invalid_token")).body("type", containsString("invalid-token"));
            api.as(bad).get("/ping").then().statusCode(401).contentType(containsString("application/problem+json"));
        }
        // nor does each one write a stack trace into the log
        assertThat(PayaraLog.text().substring(logBefore)).doesNotContain("at fish.payara.microprofile.jwtauth");
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        api.as(api.adminToken()).get("/no-such-thing").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("type", notNullValue());
    }

    @Test
    void malformedJsonIsA400NotA500() {
        api.anonymous().body("{\"email\": ").post("/auth/token").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void aFieldGivenTwiceIsRefusedNamedNotReadAsItsLastValue() {
        // the service kept the last "password" where a proxy or a log reads the first: the right password after a
        // wrong one signed in
        String twice = "{\"email\":\"" + Api.ADMIN_EMAIL + "\",\"password\":\"wrong\",\"password\":\"" + Api.ADMIN_PASSWORD + "\"}";
        api.anonymous().body(twice).post("/auth/token").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("errors[0].field", equalTo("password")).body("errors[0].message", containsString("twice"))
                .body("accessToken", nullValue());
        // and a create that names its organisation twice: which of the two names would it be saved under?
        api.as(api.adminToken()).body("{\"nameTh\":\"กอง\",\"nameEn\":\"Division\",\"parentId\":null,\"nameTh\":\"กองซ้ำ\"}")
                .post("/organizations").then().statusCode(400).body("errors[0].field", equalTo("nameTh"));
    }

    @Test
    void aPageThatIsNotANumberIsRefusedNamedWithoutAStackTraceInTheLog() {
        String admin = api.adminToken();
        int logBefore = PayaraLog.text().length();
        for (String page : List.of("abc", "-1", "1000001", "1.5", "๑")) {
            api.as(admin).queryParam("page", page).get("/people").then().statusCode(400)
                    .contentType(containsString("application/problem+json")).body("errors[0].field", equalTo("page"));
        }
        for (String size : List.of("0", "501", "ห้าสิบ", "")) {
            var answer = api.as(admin).queryParam("size", size).get("/people").then();
            if (size.isEmpty()) {
                answer.statusCode(200).body("size", equalTo(50)); // blank is the default
            } else {
                answer.statusCode(400).body("errors[0].field", equalTo("size"));
            }
        }
        api.as(admin).queryParam("page", " 0 ").queryParam("size", "500").get("/people").then().statusCode(200)
                .body("page", equalTo(0)).body("size", equalTo(500));
        // each was answered 400 before too, after a stack trace of three exceptions in the log: 8 MB in one test run
        assertThat(PayaraLog.text().substring(logBefore)).doesNotContain("MultiException").doesNotContain("NumberFormatException");
    }

    @Test
    void wrongMediaTypeIs415() {
        api.anonymous().contentType("text/plain").body("email=a").post("/auth/token").then().statusCode(415)
                .contentType(containsString("application/problem+json"));
    }
}
