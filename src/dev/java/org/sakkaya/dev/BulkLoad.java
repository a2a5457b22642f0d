package org.sakkaya.dev;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.IntFunction;

/**
 * Test data written straight into the database with JDBC batches, for the benchmarks that need thousands of rows
 * (one HTTP call per row would take longer than the measurement). It writes the rows the API would write, without
 * the audit trail: people with the TRAINEE role, optionally an account to sign in with, and their ENROLLED seats;
 * assignment hand-ins.
 */
final class BulkLoad {
    private static final int BATCH = 1000;

    private BulkLoad() {
    }

    /** A loaded trainee: the person and the e-mail to sign in with. */
    record Trainee(String personId, String email) {
    }

    /**
     * {@code count} new people with the TRAINEE role in the Department of Health, each with an ENROLLED seat in the
     * cohort. With a {@code passwordHash} (a bcrypt hash as the service stores it) each gets an account that signs in
     * with that password. {@code name} gives the Thai first and last name of the i-th. Commits every 1,000.
     */
    static List<Trainee> trainees(Connection db, String cohortId, String emailPrefix, int count, IntFunction<String[]> name,
                                  String passwordHash) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        List<Trainee> trainees = new ArrayList<>(count);
        try (PreparedStatement person = db.prepareStatement("INSERT INTO person (id, email, first_name_th, last_name_th, "
                + "organization_id, version, created_at) VALUES (?, ?, ?, ?, ?, 0, ?)");
             PreparedStatement role = db.prepareStatement("INSERT INTO person_role (person_id, role) VALUES (?, 'TRAINEE')");
             PreparedStatement account = db.prepareStatement("INSERT INTO account (person_id, password_hash, password_changed_at, version) "
                     + "VALUES (?, ?, ?, 0)");
             PreparedStatement seat = db.prepareStatement("INSERT INTO enrollment (id, cohort_id, person_id, organization_id, status, "
                     + "created_at, enrolled_at, version) VALUES (?, ?, ?, ?, 'ENROLLED', ?, ?, 0)")) {
            for (int i = 0; i < count; i++) {
                String id = UUID.randomUUID().toString();
                String email = emailPrefix + i + "@example.org";
                String[] names = name.apply(i);
                person.setString(1, id);
                person.setString(2, email);
                person.setString(3, names[0]);
                person.setString(4, names[1]);
                person.setString(5, BenchClient.DEPARTMENT_OF_HEALTH);
                person.setTimestamp(6, now);
                person.addBatch();
                role.setString(1, id);
                role.addBatch();
                if (passwordHash != null) {
                    account.setString(1, id);
                    account.setString(2, passwordHash);
                    account.setTimestamp(3, now);
                    account.addBatch();
                }
                seat.setString(1, UUID.randomUUID().toString());
                seat.setString(2, cohortId);
                seat.setString(3, id);
                seat.setString(4, BenchClient.DEPARTMENT_OF_HEALTH);
                seat.setTimestamp(5, now);
                seat.setTimestamp(6, now);
                seat.addBatch();
                trainees.add(new Trainee(id, email));
                if (i % BATCH == BATCH - 1 || i == count - 1) {
                    person.executeBatch();
                    role.executeBatch();
                    if (passwordHash != null) {
                        account.executeBatch();
                    }
                    seat.executeBatch();
                    db.commit();
                }
            }
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return trainees;
    }

    /**
     * The first revision of an in-time hand-in of the assignment by each person, as {@code POST
     * /assessments/{id}/submissions} writes it (text and a link, not late); answers the submission ids in order.
     */
    static List<String> handIns(Connection db, String assessmentId, List<String> personIds) throws SQLException {
        boolean autoCommit = db.getAutoCommit();
        db.setAutoCommit(false);
        Timestamp now = Timestamp.from(Instant.now());
        List<String> ids = new ArrayList<>(personIds.size());
        try (PreparedStatement submission = db.prepareStatement("INSERT INTO submission (id, assessment_id, person_id, revision, text, "
                + "url, file_id, submitted_at, days_late) VALUES (?, ?, ?, 1, 'รายงาน', 'https://www.tiktok.com/@bench/video/1', NULL, ?, 0)")) {
            for (int i = 0; i < personIds.size(); i++) {
                String id = UUID.randomUUID().toString();
                submission.setString(1, id);
                submission.setString(2, assessmentId);
                submission.setString(3, personIds.get(i));
                submission.setTimestamp(4, now);
                submission.addBatch();
                ids.add(id);
                if (i % BATCH == BATCH - 1 || i == personIds.size() - 1) {
                    submission.executeBatch();
                    db.commit();
                }
            }
        } finally {
            db.setAutoCommit(autoCommit);
        }
        return ids;
    }

    /**
     * A bcrypt hash of the password as the service writes it ({@code $2b$}, long passwords reduced with SHA-512), but
     * of the cost given. The service verifies any cost, since the hash carries it: with cost 4 instead of the
     * configured 12, 500 benchmark trainees sign in within seconds instead of minutes of both cores. Sign-in is not
     * what the benchmarks measure.
     */
    static String passwordHash(String password, int cost) {
        return BCrypt.with(BCrypt.Version.VERSION_2B, LongPasswordStrategies.hashSha512(BCrypt.Version.VERSION_2B))
                .hashToString(cost, password.toCharArray());
    }
}
