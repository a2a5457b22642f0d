package org.sakkaya.dev;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Issue 7, scenario 1's read load, shared by the benchmarks that run it: a course of lessons in modules of 10 for a
 * new cohort, trainees who have each completed half of it, and users reading {@code GET /me/progress?cohortId=}
 * (or any other GET, such as the C_ping floor {@code /api/v1/ping}, with the same bearer token) one request after another.
 */
final class ReadLoad {
    /** C_ping of issue 7: a plain JAX-RS GET with no database, through the API's own stack. */
    static final String PING = "/api/v1/ping";

    private final BenchClient client;
    private final String read;
    private final List<String> tokens;

    private ReadLoad(BenchClient client, String read, List<String> tokens) {
        this.client = client;
        this.read = read;
        this.tokens = tokens;
    }

    /** The path of the read, {@code /api/v1/me/progress?cohortId=...}. */
    String read() {
        return read;
    }

    List<String> tokens() {
        return tokens;
    }

    /** Creates the course of {@code lessonCount} lessons, the cohort and {@code users} trainees through the API. */
    static ReadLoad setUp(BenchClient client, int lessonCount, int users) throws Exception {
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
        for (int i = 0; i < users; i++) {
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
        return new ReadLoad(client, "/api/v1/me/progress?cohortId=" + cohort, tokens);
    }

    /** Latencies of one load, and its rate. */
    record Result(List<Long> nanos, double seconds) {
        double p(int percentile) {
            return BenchClient.pct(nanos, percentile);
        }

        double rate() {
            return nanos.size() / seconds;
        }
    }

    /** {@code users} threads, each its own trainee, each sending {@code perUser} GETs of {@code path} one after another. */
    Result load(String path, int users, int perUser) throws Exception {
        return load(path, users, perUser, new AtomicBoolean());
    }

    /** The same with no bearer token: nothing for the service to verify. */
    Result loadSignedOut(String path, int users, int perUser) throws Exception {
        return load(path, users, perUser, new AtomicBoolean(), false);
    }

    /** The same, each user stopping early once {@code stop} is set. */
    Result load(String path, int users, int perUser, AtomicBoolean stop) throws Exception {
        return load(path, users, perUser, stop, true);
    }

    private Result load(String path, int users, int perUser, AtomicBoolean stop, boolean signedIn) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(users);
        long start = System.nanoTime();
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int u = 0; u < users; u++) {
                String token = signedIn ? tokens.get(u % tokens.size()) : null;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perUser && !stop.get(); i++) {
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
        return new Result(latencies, (System.nanoTime() - start) / 1e9);
    }

    /** One GET of a path under the base URL (not under /api/v1) that must answer 200; no token when it is null. */
    void get(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(client.base() + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<byte[]> response = client.http().send(request.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
    }
}
