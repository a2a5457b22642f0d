package org.sakkaya.dev;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Measures, against a service started with the run command: handing in and grading 1,000 assignment submissions
 * (100 trainees x 10 assignments), reading the grading queue, and 200 parallel submits of one quiz attempt.
 * A benchmark, not a test: {@code mvn -Pbench-grading} (argument: base URL).
 */
public final class GradingBenchmark {
    private static final String DEMO_TRAINER_ID = "0174e1e3-3d00-7002-8000-000000000003";

    private final BenchClient client;

    private GradingBenchmark(String base) {
        this.client = new BenchClient(base);
    }

    public static void main(String[] args) throws Exception {
        new GradingBenchmark(args.length > 0 ? args[0] : "http://localhost:8080").run(100, 10);
    }

    private void run(int traineeCount, int assignmentCount) throws Exception {
        String admin = client.token("admin@example.org", BenchClient.DEMO_PASSWORD);
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        String trainer = client.token("trainer@example.org", BenchClient.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String program = BenchClient.id(client.post(organiser, "/programs", "{\"code\":\"GRADE-" + tag + "\",\"nameTh\":\"ทดสอบการให้คะแนน\",\"track\":\"OTHER\"}"));
        String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program + "\",\"number\":1,\"nameTh\":\"รุ่นทดสอบ\",\"organizerId\":\""
                + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"startsOn\":\"2026-01-05\",\"endsOn\":\"2026-12-30\"}"));
        client.send(organiser, "PUT", "/cohorts/" + cohort + "/trainers/" + DEMO_TRAINER_ID, null);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        String window = "\"opensAt\":\"" + now.minusHours(1) + "\",\"closesAt\":\"" + now.plusDays(1) + "\"";
        List<String> assignments = new ArrayList<>();
        for (int i = 0; i < assignmentCount; i++) {
            assignments.add(BenchClient.id(client.post(trainer, "/cohorts/" + cohort + "/assessments",
                    "{\"kind\":\"ASSIGNMENT\",\"title\":\"งานที่ " + i + "\",\"weight\":10,\"maxScore\":100," + window + "}")));
        }
        List<String> tokens = new ArrayList<>();
        for (int i = 0; i < traineeCount; i++) {
            String email = "grade-" + tag + "-" + i + "@example.org";
            String person = BenchClient.id(client.post(admin, "/people", "{\"email\":\"" + email + "\",\"firstNameTh\":\"ผู้ทดสอบ\",\"lastNameTh\":\"ที่ " + i
                    + "\",\"organizationId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"roles\":[\"TRAINEE\"],\"initialPassword\":\"Bench-Password-2569\"}"));
            client.post(organiser, "/cohorts/" + cohort + "/enrollments", "{\"personId\":\"" + person + "\"}");
            tokens.add(client.token(email, "Bench-Password-2569"));
        }

        List<Callable<String>> handIns = new ArrayList<>();
        for (String assignment : assignments) {
            for (String token : tokens) {
                handIns.add(() -> BenchClient.id(client.post(token, "/assessments/" + assignment + "/submissions",
                        "{\"text\":\"รายงาน\",\"url\":\"https://www.tiktok.com/@bench/video/1\"}")));
            }
        }
        Timed<String> submitted = timed(handIns, 16);
        long queueStart = System.nanoTime();
        String queue = client.send(trainer, "GET", "/grading-queue?size=50", null);
        double queueMillis = (System.nanoTime() - queueStart) / 1e6;

        List<Callable<String>> grading = new ArrayList<>();
        for (String submission : submitted.results()) {
            grading.add(() -> client.send(trainer, "PUT", "/submissions/" + submission + "/grade", "{\"score\":75,\"feedback\":\"ดี\"}"));
        }
        Timed<String> graded = timed(grading, 8);
        String after = client.send(trainer, "GET", "/grading-queue?size=1", null);

        String quiz = BenchClient.id(client.post(trainer, "/cohorts/" + cohort + "/assessments",
                "{\"kind\":\"QUIZ\",\"title\":\"แบบทดสอบ\",\"weight\":10,\"maxScore\":100," + window + ",\"questions\":["
                        + "{\"kind\":\"TRUE_FALSE\",\"prompt\":\"ข้อ 1\",\"points\":1,\"answer\":true},"
                        + "{\"kind\":\"NUMERIC\",\"prompt\":\"ข้อ 2\",\"points\":1,\"answer\":{\"value\":84}}]}"));
        String attempt = BenchClient.id(client.post(tokens.get(0), "/assessments/" + quiz + "/attempts", null));
        List<Callable<String>> submits = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            submits.add(() -> client.post(tokens.get(0), "/attempts/" + attempt + "/submit", null));
        }
        Timed<String> race = timed(submits, 50);
        long distinct = race.results().stream().map(r -> r.replaceAll(".*\"score\":([0-9.]+).*", "$1")).distinct().count();

        System.out.printf("hand-ins: %d in %.1f s (%.0f/s, 16 threads); p50 %.1f ms, p99 %.1f ms%n", submitted.results().size(),
                submitted.seconds(), submitted.results().size() / submitted.seconds(), submitted.p(50), submitted.p(99));
        System.out.printf("grading queue with %s waiting: %.1f ms%n", queue.replaceAll(".*\"total\":([0-9]+).*", "$1"), queueMillis);
        System.out.printf("grading: %d grades in %.1f s (%.0f/s, 8 threads); p50 %.1f ms, p99 %.1f ms; queue after: %s%n",
                graded.results().size(), graded.seconds(), graded.results().size() / graded.seconds(), graded.p(50), graded.p(99),
                after.replaceAll(".*\"total\":([0-9]+).*", "$1"));
        System.out.printf("200 parallel submits of one attempt (50 threads): %.2f s, p50 %.1f ms, p99 %.1f ms, distinct scores answered: %d%n",
                race.seconds(), race.p(50), race.p(99), distinct);
    }

    private record Timed<T>(List<T> results, List<Long> nanos, double seconds) {
        double p(int percentile) {
            return BenchClient.pct(nanos, percentile);
        }
    }

    private static <T> Timed<T> timed(List<Callable<T>> calls, int threads) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Long> nanos = Collections.synchronizedList(new ArrayList<>());
        long start = System.nanoTime();
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> call : calls) {
                futures.add(pool.submit(() -> {
                    long t0 = System.nanoTime();
                    T result = call.call();
                    nanos.add(System.nanoTime() - t0);
                    return result;
                }));
            }
            List<T> results = new ArrayList<>();
            for (Future<T> future : futures) {
                results.add(future.get());
            }
            return new Timed<>(results, nanos, (System.nanoTime() - start) / 1e9);
        } finally {
            pool.shutdown();
        }
    }
}
