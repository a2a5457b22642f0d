package org.sakkaya.dev;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Issue 7, scenario 1: trainees reading their course with its progress ({@code GET /me/progress?cohortId=}) at 16 and
 * 64 concurrent users, against the floor of a plain GET that touches no database ({@code /health/live}) at the same
 * concurrency, and the SQL statements one read sends (MariaDB's {@code Questions}, one request at a time).
 * A benchmark, not a test: {@code mvn -Pbench-reads} (arguments: base URL, JDBC URL, lessons, requests per user).
 */
public final class ReadLoadBenchmark {
    private static final int USERS = 64;

    private final BenchClient client;

    private ReadLoadBenchmark(String base) {
        this.client = new BenchClient(base);
    }

    public static void main(String[] args) throws Exception {
        new ReadLoadBenchmark(args.length > 0 ? args[0] : "http://localhost:8080")
                .run(args.length > 1 ? args[1] : "jdbc:mariadb://127.0.0.1:3307/sakkaya?user=root",
                        args.length > 2 ? Integer.parseInt(args[2]) : 40, args.length > 3 ? Integer.parseInt(args[3]) : 50);
    }

    private void run(String jdbc, int lessonCount, int perUser) throws Exception {
        String admin = client.token("admin@example.org", BenchClient.DEMO_PASSWORD);
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String program = BenchClient.id(client.post(organiser, "/programs", "{\"code\":\"READ-" + tag + "\",\"nameTh\":\"ทดสอบการอ่าน\",\"track\":\"OTHER\"}"));
        String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program + "\",\"number\":1,\"nameTh\":\"รุ่นทดสอบ\","
                + "\"organizerId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-12-30\"}"));
        String course = BenchClient.id(client.post(organiser, "/courses", "{\"title\":\"วิทยาการข้อมูลเบื้องต้น " + tag + "\"}"));
        List<String> lessons = new ArrayList<>();
        String module = null;
        for (int i = 0; i < lessonCount; i++) {
            if (i % 10 == 0) {
                module = BenchClient.id(client.post(organiser, "/courses/" + course + "/modules", "{\"title\":\"บทที่ " + (i / 10 + 1) + "\"}"));
            }
            lessons.add(BenchClient.id(client.post(organiser, "/modules/" + module + "/lessons",
                    "{\"title\":\"บทเรียนที่ " + (i + 1) + "\",\"kind\":\"LINK\",\"url\":\"https://example.org/" + i + "\",\"minutes\":10}")));
        }
        client.send(organiser, "PUT", "/cohorts/" + cohort + "/courses/" + course, null);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            String email = "read-" + tag + "-" + i + "@example.org";
            String person = BenchClient.id(client.post(admin, "/people", "{\"email\":\"" + email + "\",\"firstNameTh\":\"ผู้อ่าน\",\"lastNameTh\":\"ที่ " + i
                    + "\",\"organizationId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"roles\":[\"TRAINEE\"],\"initialPassword\":\"Bench-Password-2569\"}"));
            client.post(organiser, "/cohorts/" + cohort + "/enrollments", "{\"personId\":\"" + person + "\"}");
            String token = client.token(email, "Bench-Password-2569");
            tokens.add(token);
            // half the course done, so every read joins lessons with progress
            for (int l = 0; l < lessonCount / 2; l++) {
                client.send(token, "PUT", "/lessons/" + lessons.get(l) + "/progress", "{\"completed\":true,\"secondsSpent\":300}");
            }
        }
        String read = "/api/v1/me/progress?cohortId=" + cohort;
        String ping = "/health/live";
        // warm-up
        load(ping, tokens, 16, perUser);
        load(read, tokens, 16, perUser);

        System.out.printf("%ntrainees reading their course (%d lessons, half done) against a GET with no database%n", lessonCount);
        System.out.println("| users | C_ping p50 / p99 (ms) | /me/progress p50 / p99 (ms) | p50 ÷ C_ping p50 | requests/s |");
        System.out.println("|---|---|---|---|---|");
        for (int users : new int[] {16, 64}) {
            Result floor = load(ping, tokens, users, perUser);
            Result reads = load(read, tokens, users, perUser);
            System.out.printf("| %d | %.1f / %.1f | %.1f / %.1f | %.1fx | %.0f |%n", users, floor.p50, floor.p99, reads.p50, reads.p99,
                    reads.p50 / floor.p50, reads.rate);
        }
        try (Connection db = DriverManager.getConnection(jdbc)) {
            SqlStatements counter = new SqlStatements(db);
            List<Long> counts = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long before = counter.now();
                get(read, tokens.get(i % tokens.size()));
                counts.add(counter.since(before));
            }
            Collections.sort(counts);
            System.out.printf("SQL statements per /me/progress read: median %d (min %d, max %d)%n", counts.get(counts.size() / 2),
                    counts.get(0), counts.get(counts.size() - 1));
        }
    }

    private record Result(double p50, double p99, double rate) {
    }

    /** {@code users} threads, each its own trainee, each sending {@code perUser} requests one after another. */
    private Result load(String path, List<String> tokens, int users, int perUser) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String token = tokens.get(u % tokens.size());
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perUser; i++) {
                        long t = System.nanoTime();
                        get(path, token);
                        latencies.add(System.nanoTime() - t);
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Result(BenchClient.pct(latencies, 50), BenchClient.pct(latencies, 99), latencies.size() / seconds);
    }

    private void get(String path, String token) throws Exception {
        HttpResponse<byte[]> response = client.http().send(HttpRequest.newBuilder(URI.create(client.base() + path))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token).header("Accept", "application/json").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }
}
