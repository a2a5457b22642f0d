package org.sakkaya.dev;

import java.net.URI;
import java.net.http.HttpClient;
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

/**
 * Measures recording progress and reading a cohort's progress table over HTTP, against a service started with the
 * run command (demo accounts). A benchmark, not a test: it prints figures for docs/BENCHMARKS.md.
 * <p>
 * {@code mvn -Pbench-progress} (arguments: base URL, trainees, lessons, threads; defaults
 * http://localhost:8080 50 200 16, i.e. 10,000 progress events).
 */
public final class ProgressBenchmark {
    private static final String PASSWORD = BenchClient.DEMO_PASSWORD;
    private static final String DEPARTMENT_OF_HEALTH = BenchClient.DEPARTMENT_OF_HEALTH;

    private final BenchClient client;
    private final HttpClient http;
    private final String base;

    private ProgressBenchmark(String base) {
        this.client = new BenchClient(base);
        this.http = client.http();
        this.base = base;
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        int trainees = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int lessons = args.length > 2 ? Integer.parseInt(args[2]) : 200;
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
        new ProgressBenchmark(base).run(trainees, lessons, threads);
    }

    private void run(int traineeCount, int lessonCount, int threads) throws Exception {
        String admin = client.token("admin@example.org", PASSWORD);
        String organiser = client.token("programs@example.org", PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String program = BenchClient.id(client.post(organiser, "/programs", "{\"code\":\"BENCH-" + tag + "\",\"nameTh\":\"ทดสอบสมรรถนะ\",\"track\":\"OTHER\"}"));
        String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program + "\",\"number\":1,\"nameTh\":\"รุ่นทดสอบ\",\"organizerId\":\""
                + DEPARTMENT_OF_HEALTH + "\",\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-01-09\"}"));
        String course = BenchClient.id(client.post(organiser, "/courses", "{\"title\":\"หลักสูตรทดสอบ " + tag + "\"}"));
        List<String> lessons = new ArrayList<>();
        String module = null;
        for (int i = 0; i < lessonCount; i++) {
            if (i % 20 == 0) {
                module = BenchClient.id(client.post(organiser, "/courses/" + course + "/modules", "{\"title\":\"บทที่ " + (i / 20 + 1) + "\"}"));
            }
            lessons.add(BenchClient.id(client.post(organiser, "/modules/" + module + "/lessons",
                    "{\"title\":\"บทเรียน " + i + "\",\"kind\":\"LINK\",\"url\":\"https://example.org/" + i + "\",\"minutes\":5}")));
        }
        client.send(organiser, "PUT", "/cohorts/" + cohort + "/courses/" + course, null);
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < traineeCount; i++) {
            String email = "bench-" + tag + "-" + i + "@example.org";
            String person = BenchClient.id(client.post(admin, "/people", "{\"email\":\"" + email + "\",\"firstNameTh\":\"ผู้ทดสอบ\",\"lastNameTh\":\"ที่ " + i
                    + "\",\"organizationId\":\"" + DEPARTMENT_OF_HEALTH + "\",\"roles\":[\"TRAINEE\"],\"initialPassword\":\"Bench-Password-2569\"}"));
            client.post(organiser, "/cohorts/" + cohort + "/enrollments", "{\"personId\":\"" + person + "\"}");
            tokens.add(client.token(email, "Bench-Password-2569"));
        }

        int events = traineeCount * lessonCount;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>(events));
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int l = 0; l < lessonCount; l++) {
            for (String token : tokens) {
                String lesson = lessons.get(l);
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    client.send(token, "PUT", "/lessons/" + lesson + "/progress", "{\"completed\":true,\"secondsSpent\":120}");
                    latencies.add(System.nanoTime() - t0);
                    return null;
                }));
            }
        }
        for (Future<?> future : futures) {
            future.get();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        pool.shutdown();

        List<Long> reads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            long t0 = System.nanoTime();
            client.send(organiser, "GET", "/cohorts/" + cohort + "/progress?size=500", null);
            reads.add(System.nanoTime() - t0);
        }
        long t0 = System.nanoTime();
        HttpResponse<String> csv = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/cohorts/" + cohort + "/progress"))
                .header("Authorization", "Bearer " + organiser).header("Accept", "text/csv").build(), HttpResponse.BodyHandlers.ofString());
        long csvMillis = (System.nanoTime() - t0) / 1_000_000;
        String table = client.send(organiser, "GET", "/cohorts/" + cohort + "/progress?size=1", null);

        System.out.printf("progress events: %d from %d trainees x %d lessons, %d client threads%n", events, traineeCount, lessonCount, threads);
        System.out.printf("  wall time %.1f s, %.0f events/s; latency p50 %.1f ms, p95 %.1f ms, p99 %.1f ms%n",
                seconds, events / seconds, BenchClient.pct(latencies, 50), BenchClient.pct(latencies, 95), BenchClient.pct(latencies, 99));
        System.out.printf("cohort table (JSON, %d rows): p50 %.1f ms, max %.1f ms over 20 reads; CSV %d ms (%d bytes)%n",
                traineeCount, BenchClient.pct(reads, 50), BenchClient.pct(reads, 100), csvMillis, csv.body().length());
        System.out.println("  table says: " + table.replaceAll(".*\"averageCompletionPercent\":([0-9.]+).*", "average completion $1%"));
    }
}
