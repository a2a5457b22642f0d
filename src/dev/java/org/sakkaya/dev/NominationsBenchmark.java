package org.sakkaya.dev;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * HR's list of staff from a spreadsheet, against a service started with the run command: for files of each size, the
 * time and the SQL statements of registering and nominating everyone in it, of the same file sent again (everyone
 * already in the cohort), and of a file refused for a mistake on its last row. Each request runs alone, so MariaDB's
 * statement counter ({@link SqlStatements}) counts it exactly. Each size gets a fresh cohort, and the run a fresh HR
 * (a caller sends at most 30 files an hour).
 * <p>
 * {@code mvn -Pbench-nominations} (arguments: base URL, JDBC URL of the run command's database, rounds, sizes...).
 */
public final class NominationsBenchmark {
    private final BenchClient client;
    private final SqlStatements statements;

    private NominationsBenchmark(String base, Connection db) {
        this.client = new BenchClient(base);
        this.statements = new SqlStatements(db);
    }

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://localhost:8080";
        String jdbc = args.length > 1 ? args[1] : "jdbc:mariadb://127.0.0.1:3307/sakkaya?user=root";
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        List<Integer> sizes = new ArrayList<>();
        for (int i = 3; i < args.length; i++) {
            sizes.add(Integer.parseInt(args[i]));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10, 100, 500);
        }
        try (Connection db = DriverManager.getConnection(jdbc)) {
            new NominationsBenchmark(base, db).run(rounds, sizes);
        }
    }

    private void run(int rounds, List<Integer> sizes) throws Exception {
        String admin = client.token("admin@example.org", BenchClient.DEMO_PASSWORD);
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String hrEmail = "bench-hr-" + tag + "@example.org";
        client.post(admin, "/people", "{\"email\":\"" + hrEmail + "\",\"firstNameTh\":\"ผู้ทดสอบ\",\"lastNameTh\":\"ฝ่ายบุคคล\","
                + "\"organizationId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"roles\":[\"HR\"],\"initialPassword\":\"Bench-Password-2569\"}");
        String hr = client.token(hrEmail, "Bench-Password-2569");
        String program = BenchClient.id(client.post(organiser, "/programs", "{\"code\":\"NOM-" + tag + "\",\"nameTh\":\"ทดสอบการเสนอชื่อ\",\"track\":\"OTHER\"}"));

        System.out.println("| people in the file | round | register and nominate: time, statements (a row) | the same file again: time, statements (a row) | refused on its last row: time, statements |");
        System.out.println("|---|---|---|---|---|");
        int cohortNumber = 1;
        for (int size : sizes) {
            for (int round = 1; round <= rounds; round++) {
                String cohort = BenchClient.id(client.post(organiser, "/cohorts", "{\"programId\":\"" + program + "\",\"number\":" + cohortNumber++
                        + ",\"nameTh\":\"รุ่นทดสอบ\",\"organizerId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH
                        + "\",\"startsOn\":\"2031-01-05\",\"endsOn\":\"2031-12-30\"}"));
                String headings = "\uFEFFอีเมล (email),คำนำหน้า (titleTh),ชื่อ (firstNameTh),นามสกุล (lastNameTh),ตำแหน่ง (position)\r\n";
                List<String> rows = new ArrayList<>();
                for (int i = 0; i < size; i++) {
                    rows.add("nom-" + tag + "-" + cohortNumber + "-" + i + "@anamai.example.org,นางสาว,มาลี,ศรีสุข " + i
                            + ",นักประชาสัมพันธ์ชำนาญการ\r\n");
                }
                String csv = headings + String.join("", rows);
                Measured first = send(hr, cohort, csv, 200);
                Measured again = send(hr, cohort, csv, 200);
                // the same number of rows, the last one wrong: every row is checked, nothing is written
                Measured refused = send(hr, cohort, headings + String.join("", rows.subList(0, size - 1))
                        + "not-an-address,นาย,สมชาย,ใจดี,\r\n", 400);
                System.out.printf("| %d | %d | %.0f ms, %d (%.1f) | %.0f ms, %d (%.1f) | %.0f ms, %d |%n", size, round,
                        first.millis, first.statements, first.statements / (double) size,
                        again.millis, again.statements, again.statements / (double) size, refused.millis, refused.statements);
            }
        }
    }

    private record Measured(double millis, long statements) {
    }

    private Measured send(String token, String cohort, String csv, int expected) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + "/api/v1/cohorts/" + cohort + "/nominations"))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "text/csv; charset=utf-8").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(csv, StandardCharsets.UTF_8)).build();
        long before = statements.now();
        long start = System.nanoTime();
        HttpResponse<String> response = client.http().send(request, HttpResponse.BodyHandlers.ofString());
        double millis = (System.nanoTime() - start) / 1e6;
        long sent = statements.since(before);
        if (response.statusCode() != expected) {
            throw new IllegalStateException("answered " + response.statusCode() + ", not " + expected + ": "
                    + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return new Measured(millis, sent);
    }
}
