package org.sakkaya.dev;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Measures the pass-rate report and an indicator's status over 100,000 enrolments in 2,000 cohorts, against the
 * raw SQL aggregate run in the same session (a fifth argument "warm" skips making every cohort stale first, for a
 * second run over the same data), against a service started with the run command. A benchmark, not a
 * test: {@code mvn -Pbench-reports} (arguments: base URL, JDBC URL of the run command's database, cohorts, trainees
 * per cohort).
 * <p>
 * The data is written straight into the database with JDBC batches (people, cohorts, enrolments) in fiscal year
 * 2560, which the demo does not use: per cohort 5% withdrew before the start (not evaluated), 10% dropped out during
 * it (evaluated, not passed), the rest passed (the cohorts have no pass thresholds, so the gradebook's own work per
 * trainee is small). Nothing of it is in {@code pass_decision}, so the first read refreshes every cohort once; that
 * cold read is reported apart.
 */
public final class ReportsBenchmark {
    private static final int FISCAL_YEAR = 2560;
    private static final String[] ORGANIZATIONS = {
            "0174e1e3-3d00-7001-8000-000000000002", "0174e1e3-3d00-7001-8000-000000000003", "0174e1e3-3d00-7001-8000-000000000004",
            "0174e1e3-3d00-7001-8000-000000000006", "0174e1e3-3d00-7001-8000-000000000007", "0174e1e3-3d00-7001-8000-000000000008"};
    private static final int ROUNDS = 20;

    private final BenchClient client;
    private final String jdbcUrl;

    private ReportsBenchmark(String base, String jdbcUrl) {
        this.client = new BenchClient(base);
        this.jdbcUrl = jdbcUrl;
    }

    public static void main(String[] args) throws Exception {
        new ReportsBenchmark(args.length > 0 ? args[0] : "http://localhost:8080",
                args.length > 1 ? args[1] : "jdbc:mariadb://127.0.0.1:3307/sakkaya?user=root")
                .run(args.length > 2 ? Integer.parseInt(args[2]) : 2000, args.length > 3 ? Integer.parseInt(args[3]) : 50,
                        args.length > 4 && "warm".equals(args[4]));
    }

    private void run(int cohorts, int perCohort, boolean warm) throws Exception {
        String executive = client.token("exec@example.org", BenchClient.DEMO_PASSWORD);
        String organiser = client.token("programs@example.org", BenchClient.DEMO_PASSWORD);
        try (Connection db = DriverManager.getConnection(jdbcUrl)) {
            String programId;
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(
                    "SELECT MIN(program_id) FROM cohort WHERE starts_on BETWEEN '2016-10-01' AND '2017-09-30'")) {
                r.next();
                programId = r.getString(1);
            }
            if (programId == null) {
                long started = System.nanoTime();
                programId = generate(db, cohorts, perCohort);
                System.out.printf("generated %,d enrolments in %,d cohorts with JDBC batches in %.1f s%n", cohorts * perCohort, cohorts,
                        (System.nanoTime() - started) / 1e9);
            } else {
                System.out.println("fiscal year " + FISCAL_YEAR + " holds benchmark data already: using it (delete .sakkaya/ to start over)");
            }
            String indicator = indicatorId(client.post(organiser, "/indicators", "{\"code\":\"B-" + UUID.randomUUID().toString().substring(0, 8)
                    + "\",\"nameTh\":\"ร้อยละ 80 ของการผ่านเกณฑ์การประเมินผล (ทดสอบสมรรถนะ)\",\"fiscalYear\":" + FISCAL_YEAR
                    + ",\"ownerOrganizationId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH + "\",\"activities\":["
                    + "{\"title\":\"ส่งบุคลากรเข้ารับการอบรม\",\"measure\":\"TRAINEES_SENT\",\"scope\":{\"programId\":\"" + programId
                    + "\"},\"target\":90000,\"unit\":\"PERSON\",\"strategy\":\"BUILD_CAPACITY\"},"
                    + "{\"title\":\"ผ่านเกณฑ์การประเมินผล\",\"measure\":\"PASS_RATE\",\"scope\":{\"programId\":\"" + programId
                    + "\"},\"target\":80,\"unit\":\"PERCENT\",\"strategy\":\"BUILD_CAPACITY\"},"
                    + "{\"title\":\"ผู้ผ่านเกณฑ์ของกรมอนามัย\",\"measure\":\"TRAINEES_PASSED\",\"scope\":{\"programId\":\"" + programId
                    + "\",\"organizationId\":\"" + BenchClient.DEPARTMENT_OF_HEALTH + "\"},\"target\":20000,\"unit\":\"PERSON\",\"strategy\":\"BUILD_CAPACITY\"}]}"));

            String report = "/reports/pass-rates?fiscalYear=" + FISCAL_YEAR + "&groupBy=";
            // every cohort of the year stale, as after a bulk import: the first read refreshes them all once
            // (the argument "warm" skips this on a second run over the same data)
            if (!warm) {
                try (Statement s = db.createStatement()) {
                    s.executeUpdate("DELETE FROM pass_decision_state WHERE cohort_id IN "
                            + "(SELECT id FROM cohort WHERE starts_on BETWEEN '2016-10-01' AND '2017-09-30')");
                }
            }
            long cold = System.nanoTime();
            get(executive, report + "program");
            System.out.printf("first report after a bulk import (refreshes the decisions of %,d cohorts once): %.1f s%n", cohorts,
                    (System.nanoTime() - cold) / 1e9);
            System.out.println("  " + client.send(executive, "GET", report + "program", null).replaceAll(",\"rows\".*", ""));

            // the hand-written SQL of each report: the same rows, named and ordered as the report returns them
            // the year's cohorts that have ended, as the service counts them (since 2026-11-27)
            String year = " WHERE c.starts_on BETWEEN '2016-10-01' AND '2017-09-30' AND c.ends_on < CURDATE()";
            String rawProgram = "SELECT p.id, p.code, p.name_th, g.evaluated, g.passed FROM (SELECT c.program_id AS k, COUNT(*) AS evaluated, "
                    + "SUM(d.passed) AS passed FROM pass_decision d JOIN cohort c ON c.id = d.cohort_id" + year + " GROUP BY c.program_id) g "
                    + "JOIN program p ON p.id = g.k ORDER BY p.name_th, p.id";
            String rawCohort = "SELECT c.id, p.code, c.name_th, p.name_th, c.number, c.starts_on, g.evaluated, g.passed FROM (SELECT c.id AS k, "
                    + "COUNT(*) AS evaluated, SUM(d.passed) AS passed FROM pass_decision d JOIN cohort c ON c.id = d.cohort_id" + year
                    + " GROUP BY c.id) g JOIN cohort c ON c.id = g.k JOIN program p ON p.id = c.program_id ORDER BY c.starts_on, p.name_th, c.number, c.id";
            String rawOrganization = "SELECT o.id, o.code, o.name_th, g.evaluated, g.passed FROM (SELECT d.organization_id AS k, COUNT(*) AS evaluated, "
                    + "SUM(d.passed) AS passed FROM pass_decision d JOIN cohort c ON c.id = d.cohort_id" + year + " GROUP BY d.organization_id) g "
                    + "JOIN organization o ON o.id = g.k ORDER BY o.name_th, o.id";
            String rawBase = "SELECT COUNT(*) FROM enrollment e JOIN cohort c ON c.id = e.cohort_id WHERE c.starts_on BETWEEN '2016-10-01' AND '2017-09-30' "
                    + "AND (e.status IN ('ENROLLED','COMPLETED') OR e.seat_left_at >= TIMESTAMP(c.starts_on) - INTERVAL 7 HOUR)";
            String rawIndicator = "SELECT COUNT(*), SUM(d.passed), SUM(d.passed AND d.organization_id IN (SELECT o.id FROM organization o WHERE o.path LIKE "
                    + "CONCAT((SELECT r.path FROM organization r WHERE r.id = '" + BenchClient.DEPARTMENT_OF_HEALTH + "'), '%'))) "
                    + "FROM pass_decision d JOIN cohort c ON c.id = d.cohort_id" + year + " AND c.program_id = '" + programId + "'";

            System.out.println();
            System.out.println("| measure | HTTP p50 / p95 (ms) | raw SQL p50 (ms) | ratio | SQL statements per request, median (min-max) |");
            System.out.println("|---|---|---|---|---|");
            compare("pass rates by programme (JSON)", executive, report + "program", db, rawProgram);
            compare("pass rates by cohort (JSON, " + cohorts + " rows)", executive, report + "cohort", db, rawCohort);
            compare("pass rates by organisation (JSON)", executive, report + "organization", db, rawOrganization);
            compare("indicator status, 3 activities, 50 records each", executive, "/indicators/" + indicator + "/status", db, rawIndicator);
            compare("indicator status, figures only (records=0)", executive, "/indicators/" + indicator + "/status?records=0", db, rawIndicator);
            List<Long> files = new ArrayList<>();
            for (String format : List.of("csv", "xlsx", "pdf")) {
                files.clear();
                for (int i = 0; i < 5; i++) {
                    long t = System.nanoTime();
                    get(executive, "/reports/pass-rates." + format + "?fiscalYear=" + FISCAL_YEAR + "&groupBy=cohort");
                    files.add(System.nanoTime() - t);
                }
                System.out.printf("| pass rates by cohort as %s (2,000 rows) | %.0f / %.0f | | |%n", format.toUpperCase(), BenchClient.pct(files, 50),
                        BenchClient.pct(files, 95));
            }
            System.out.printf("%nraw aggregate over the base tables (enrolments evaluated, no persisted decisions): %.0f ms%n", sql(db, rawBase, 5));
            System.out.println("indicator status: " + client.send(executive, "GET", "/indicators/" + indicator + "/status?records=0", null)
                    .replaceAll("\"records\":\\[\\],", ""));

            // closing freezes every activity's records as rows (V027): once a JSON value, which stopped at ~80,000
            long closing = System.nanoTime();
            send(organiser, "POST", "/indicators/" + indicator + "/close");
            double closed = (System.nanoTime() - closing) / 1e9;
            long frozenRows;
            try (Statement s = db.createStatement(); ResultSet r = s.executeQuery("SELECT COUNT(*) FROM indicator_snapshot_record "
                    + "WHERE activity_id IN (SELECT id FROM indicator_activity WHERE indicator_id = '" + indicator + "')")) {
                r.next();
                frozenRows = r.getLong(1);
            }
            System.out.printf("closing the indicator: %.1f s, %,d records frozen as rows for its 3 activities%n", closed, frozenRows);
            String status = client.send(executive, "GET", "/indicators/" + indicator + "/status?records=0", null);
            String activity = status.replaceAll("(?s).*?\"activityId\":\"([^\"]+)\".*", "$1");
            List<Long> pages = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                long t = System.nanoTime();
                get(executive, "/indicators/" + indicator + "/activities/" + activity + "/records?frozen=true&size=50&page=" + (i * 97));
                pages.add(System.nanoTime() - t);
            }
            System.out.printf("a page of 50 frozen records, 20 pages across the list: p50 %.1f ms, p95 %.1f ms%n",
                    BenchClient.pct(pages, 50), BenchClient.pct(pages, 95));
        }
    }

    /** The indicator's own id: its activities, listed before it, have ids too. */
    private static String indicatorId(String json) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"fiscalYear\":\\d+,\"id\":\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No indicator id in " + json);
        }
        return m.group(1);
    }

    private void compare(String name, String token, String path, Connection db, String raw) throws Exception {
        get(token, path); // warm
        List<Long> http = new ArrayList<>();
        List<Long> sql = new ArrayList<>();
        List<Long> statements = new ArrayList<>();
        SqlStatements counter = new SqlStatements(db);
        runSql(db, raw); // warm
        for (int i = 0; i < ROUNDS; i++) {
            // alternate which goes first, so that neither always finds the pages the other just read
            if (i % 2 == 1) {
                long t = System.nanoTime();
                runSql(db, raw);
                sql.add(System.nanoTime() - t);
            }
            long before = counter.now();
            long t = System.nanoTime();
            get(token, path);
            http.add(System.nanoTime() - t);
            statements.add(counter.since(before));
            if (i % 2 == 0) {
                t = System.nanoTime();
                runSql(db, raw);
                sql.add(System.nanoTime() - t);
            }
        }
        double h = BenchClient.pct(http, 50);
        double s = BenchClient.pct(sql, 50);
        java.util.Collections.sort(statements);
        System.out.printf("| %s | %.0f / %.0f | %.0f | %.2fx | %d (%d-%d) |%n", name, h, BenchClient.pct(http, 95), s, h / s,
                statements.get(statements.size() / 2), statements.get(0), statements.get(statements.size() - 1));
    }

    private void get(String token, String path) throws Exception {
        send(token, "GET", path);
    }

    /**
     * Over HTTP/1.1, with 10 minutes to answer: Payara's HTTP/2 closes a connection 30 s after its last frame even while
     * a request on it is being answered (payara/Payara#7394), and the first report after an import or the close of an
     * indicator of 500,000 can take longer on a slow day (the close lost its answer so on 2026-11-27).
     */
    private void send(String token, String method, String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(client.base() + "/api/v1" + path)).timeout(Duration.ofSeconds(600))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("Authorization", "Bearer " + token).header("Accept", "application/json, */*;q=0.1")
                .method(method, HttpRequest.BodyPublishers.noBody()).build();
        HttpResponse<byte[]> response = client.http().send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + new String(response.body()));
        }
    }

    private static double sql(Connection db, String sql, int rounds) throws Exception {
        List<Long> times = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            long t = System.nanoTime();
            runSql(db, sql);
            times.add(System.nanoTime() - t);
        }
        return BenchClient.pct(times, 50);
    }

    private static void runSql(Connection db, String sql) throws Exception {
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            while (r.next()) {
                r.getString(1);
            }
        }
    }

    /** One programme, {@code cohorts} cohorts through fiscal year 2560, {@code perCohort} new people enrolled in each. */
    private static String generate(Connection db, int cohorts, int perCohort) throws Exception {
        db.setAutoCommit(false);
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String programId = UUID.randomUUID().toString();
        try (PreparedStatement p = db.prepareStatement("INSERT INTO program (id, code, name_th, track, version, created_at) "
                + "VALUES (?, ?, 'นักวิทยาการข้อมูล (ทดสอบสมรรถนะ)', 'DATA_SCIENCE', 0, NOW(6))")) {
            p.setString(1, programId);
            p.setString(2, "BENCH-" + tag);
            p.executeUpdate();
        }
        LocalDate firstDay = LocalDate.of(2016, 10, 1);
        try (PreparedStatement cohort = db.prepareStatement("INSERT INTO cohort (id, program_id, number, name_th, organizer_id, starts_on, "
                + "ends_on, capacity, enrollment_open, min_score_percent, min_attendance_percent, required_assessment_ids, version, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, NULL, FALSE, NULL, NULL, '[]', 0, NOW(6))");
             PreparedStatement person = db.prepareStatement("INSERT INTO person (id, email, first_name_th, last_name_th, organization_id, "
                     + "version, created_at) VALUES (?, ?, 'ผู้ทดสอบ', ?, ?, 0, NOW(6))");
             PreparedStatement enrollment = db.prepareStatement("INSERT INTO enrollment (id, cohort_id, person_id, organization_id, status, "
                     + "created_at, enrolled_at, withdrawn_at, seat_left_at, version) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int c = 0; c < cohorts; c++) {
                String cohortId = UUID.randomUUID().toString();
                LocalDate starts = firstDay.plusDays((long) c * 360 / cohorts);
                cohort.setString(1, cohortId);
                cohort.setString(2, programId);
                cohort.setInt(3, c + 1);
                cohort.setString(4, "รุ่นที่ " + (c + 1));
                cohort.setString(5, BenchClient.DEPARTMENT_OF_HEALTH);
                cohort.setObject(6, starts);
                cohort.setObject(7, starts.plusDays(4));
                cohort.addBatch();
                for (int t = 0; t < perCohort; t++) {
                    String personId = UUID.randomUUID().toString();
                    String org = ORGANIZATIONS[(c + t) % ORGANIZATIONS.length];
                    person.setString(1, personId);
                    person.setString(2, "bench-" + tag + "-" + c + "-" + t + "@example.org");
                    person.setString(3, "ที่ " + c + "-" + t);
                    person.setString(4, org);
                    person.addBatch();
                    int slot = t % 20; // 1 of 20 withdrew before the start, 2 of 20 during the cohort
                    enrollment.setString(1, UUID.randomUUID().toString());
                    enrollment.setString(2, cohortId);
                    enrollment.setString(3, personId);
                    enrollment.setString(4, org);
                    enrollment.setString(5, slot <= 2 ? "WITHDRAWN" : "ENROLLED");
                    enrollment.setObject(6, starts.minusDays(20).atTime(3, 0));
                    enrollment.setObject(7, starts.minusDays(20).atTime(3, 0));
                    LocalDateTime withdrawn = slot == 0 ? starts.minusDays(5).atTime(3, 0) : slot <= 2 ? starts.plusDays(1).atTime(3, 0) : null;
                    enrollment.setObject(8, withdrawn);
                    enrollment.setObject(9, withdrawn); // each withdrawal gave up the seat taken 20 days before the start
                    enrollment.addBatch();
                }
                if (c % 50 == 49 || c == cohorts - 1) {
                    cohort.executeBatch();
                    person.executeBatch();
                    enrollment.executeBatch();
                    db.commit();
                }
            }
        }
        db.setAutoCommit(true);
        return programId;
    }
}
