package org.sakkaya.security;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Every operation of the OpenAPI document that takes an id, in its path or in a query parameter named {@code *Id},
 * with what each id names and whose data the operation is about. The access matrix and the fuzzing corpus fill the
 * ids from it; an operation in the document that takes an id and is not here fails the matrix (a templated path
 * fails the corpus too), so a new endpoint cannot skip the battery. Adding a feature's endpoints is adding rows (and,
 * for a new kind of record, a {@link Kind} and its id in {@link Estate}).
 */
final class Routes {
    /** What a path parameter names. */
    enum Kind {
        ORGANIZATION, PERSON, PROGRAM, COHORT, COURSE, MODULE, LESSON, ENROLLMENT, SESSION, FIELD_ASSIGNMENT, FIELD_REPORT,
        QUIZ, WORK, ATTEMPT, SUBMISSION, SERIAL, CERTIFICATE_JOB, TEMPLATE_KIND, TRAINER, OUTPUT, INDICATOR, ACTIVITY, REPORT_FORMAT
    }

    /**
     * Whose business a path is. PUBLIC: organisation-wide reference data every signed-in role reads (organisations,
     * programmes, cohorts, templates, the public verify page); only PROGRAM_ADMIN and ADMIN write it. COHORT: the
     * cohort's own staff and seated trainees (and HR, for its own staff's part). PERSONAL: one trainee's record,
     * for that trainee, their cohort's trainers, their HR and the programme administrators. CATALOGUE: the course
     * catalogue, read by every staff role and by trainees only for the cohorts where they hold a seat; written as COHORT.
     * CATALOGUE_READ: a write that only reads the catalogue (copying a course into a new one of the caller's): as
     * CATALOGUE's reads. OUTPUT: an academic work, as PERSONAL for its authors, and also read (never changed) by EXECUTIVE. REPORTS:
     * indicators, for PROGRAM_ADMIN (all) and EXECUTIVE (reading); any answer to a trainee, trainer or HR is a leak.
     * HR_REPORTS: pass-rate reports, for PROGRAM_ADMIN, EXECUTIVE and HR (its own subtree); none for trainees or trainers.
     * LIST: a list that the service narrows to what the caller may see (people, certificates), whatever ids the
     * query names: an answer is a leak only when it holds another person's data.
     */
    enum Scope {
        PUBLIC, CATALOGUE, CATALOGUE_READ, COHORT, PERSONAL, OUTPUT, REPORTS, HR_REPORTS, LIST
    }

    /**
     * @param whole for GET: the answer is about one person as a whole (a record, a file, a PDF, a result), so any 2xx
     *              to a caller without business is a leak; otherwise the body is searched for other people's data
     * @param kinds what the path's parameters name, in order
     * @param query what the query parameters that take an id name. A path without parameters is in the matrix for
     *              its GET only: the other methods of such a path (creating a person, a cohort) take no id
     */
    record Route(String path, Scope scope, boolean whole, List<Kind> kinds, Map<String, Kind> query) {
        boolean templated() {
            return !kinds.isEmpty();
        }
    }

    static final Map<String, Route> ALL = new TreeMap<>();

    private static void add(String path, Scope scope, boolean whole, Kind... kinds) {
        ALL.put(path, new Route(path, scope, whole, Arrays.asList(kinds), Map.of()));
    }

    /** A row whose ids are (also) in query parameters: {@code query} alternates a parameter's name and its kind. */
    private static void add(String path, Scope scope, boolean whole, List<Kind> kinds, Object... query) {
        Map<String, Kind> named = new TreeMap<>();
        for (int i = 0; i < query.length; i += 2) {
            named.put((String) query[i], (Kind) query[i + 1]);
        }
        ALL.put(path, new Route(path, scope, whole, kinds, Map.copyOf(named)));
    }

    static {
        String v1 = "/api/v1";
        add("/verify/{serial}", Scope.PUBLIC, false, Kind.SERIAL);
        // identity
        add(v1 + "/organizations/{id}", Scope.PUBLIC, false, Kind.ORGANIZATION);
        add(v1 + "/organizations", Scope.PUBLIC, false, List.of(), "parentId", Kind.ORGANIZATION);
        add(v1 + "/people", Scope.LIST, false, List.of(), "organizationId", Kind.ORGANIZATION);
        add(v1 + "/people/{id}", Scope.PERSONAL, true, Kind.PERSON);
        add(v1 + "/people/{id}/personal-data", Scope.PERSONAL, true, Kind.PERSON);
        add(v1 + "/people/{id}/invitation", Scope.PERSONAL, true, Kind.PERSON);
        // programmes, cohorts, enrolment
        add(v1 + "/programs/{id}", Scope.PUBLIC, false, Kind.PROGRAM);
        add(v1 + "/programs/{id}/certificate-templates", Scope.PUBLIC, false, Kind.PROGRAM);
        add(v1 + "/programs/{id}/certificate-templates/{kind}", Scope.PUBLIC, false, Kind.PROGRAM, Kind.TEMPLATE_KIND);
        add(v1 + "/programs/{id}/certificate-templates/{kind}/preview", Scope.PUBLIC, false, Kind.PROGRAM, Kind.TEMPLATE_KIND);
        add(v1 + "/cohorts/{id}", Scope.PUBLIC, false, Kind.COHORT);
        add(v1 + "/cohorts", Scope.PUBLIC, false, List.of(), "programId", Kind.PROGRAM);
        add(v1 + "/cohorts/{id}/trainers/{personId}", Scope.COHORT, false, Kind.COHORT, Kind.TRAINER);
        add(v1 + "/cohorts/{id}/enrollments", Scope.PERSONAL, false, Kind.COHORT);
        add(v1 + "/cohorts/{id}/nominations", Scope.PERSONAL, false, Kind.COHORT);
        add(v1 + "/enrollments/{id}", Scope.PERSONAL, true, Kind.ENROLLMENT);
        add(v1 + "/enrollments/{id}/approve", Scope.PERSONAL, true, Kind.ENROLLMENT);
        add(v1 + "/enrollments/{id}/withdraw", Scope.PERSONAL, true, Kind.ENROLLMENT);
        add(v1 + "/enrollments/{id}/result", Scope.PERSONAL, true, Kind.ENROLLMENT);
        // learning
        add(v1 + "/courses/{id}", Scope.CATALOGUE, false, Kind.COURSE);
        add(v1 + "/courses/{id}/copy", Scope.CATALOGUE_READ, false, Kind.COURSE);
        add(v1 + "/courses/{id}/modules", Scope.COHORT, false, Kind.COURSE);
        add(v1 + "/modules/{id}", Scope.CATALOGUE, false, Kind.MODULE);
        add(v1 + "/modules/{id}/lessons", Scope.COHORT, false, Kind.MODULE);
        add(v1 + "/lessons/{id}", Scope.CATALOGUE, false, Kind.LESSON);
        add(v1 + "/lessons/{id}/file", Scope.CATALOGUE, false, Kind.LESSON);
        add(v1 + "/lessons/{id}/progress", Scope.COHORT, false, Kind.LESSON);
        add(v1 + "/cohorts/{id}/courses/{courseId}", Scope.COHORT, false, Kind.COHORT, Kind.COURSE);
        add(v1 + "/cohorts/{id}/progress", Scope.COHORT, false, Kind.COHORT);
        // the caller's own progress: a trainee reads the courses of a cohort only with a seat in it
        add(v1 + "/me/progress", Scope.CATALOGUE, false, List.of(), "cohortId", Kind.COHORT);
        // workshops
        add(v1 + "/cohorts/{id}/sessions", Scope.COHORT, false, Kind.COHORT);
        // its DELETE cells each delete a session made for them (Estate.spare)
        add(v1 + "/sessions/{id}", Scope.COHORT, false, Kind.SESSION);
        add(v1 + "/sessions/{id}/attendance", Scope.PERSONAL, false, Kind.SESSION);
        add(v1 + "/sessions/{id}/check-in", Scope.COHORT, false, Kind.SESSION);
        add(v1 + "/sessions/{id}/check-in-code", Scope.COHORT, false, Kind.SESSION);
        add(v1 + "/cohorts/{id}/attendance", Scope.COHORT, false, Kind.COHORT);
        add(v1 + "/cohorts/{id}/field-assignments", Scope.COHORT, false, Kind.COHORT);
        add(v1 + "/field-assignments/{id}", Scope.COHORT, false, Kind.FIELD_ASSIGNMENT);
        add(v1 + "/field-assignments/{id}/reports", Scope.COHORT, false, Kind.FIELD_ASSIGNMENT);
        add(v1 + "/field-reports/{id}", Scope.PERSONAL, true, Kind.FIELD_REPORT);
        add(v1 + "/field-reports/{id}/file", Scope.PERSONAL, true, Kind.FIELD_REPORT);
        add(v1 + "/field-reports/{id}/feedback", Scope.PERSONAL, true, Kind.FIELD_REPORT);
        // assessments
        add(v1 + "/cohorts/{id}/assessments", Scope.COHORT, false, Kind.COHORT);
        add(v1 + "/assessments/{id}", Scope.COHORT, false, Kind.QUIZ);
        add(v1 + "/assessments/{id}/attempts", Scope.COHORT, false, Kind.QUIZ);
        add(v1 + "/assessments/{id}/extensions/{personId}", Scope.PERSONAL, false, Kind.WORK, Kind.PERSON);
        add(v1 + "/assessments/{id}/submissions", Scope.COHORT, false, Kind.WORK);
        add(v1 + "/attempts/{id}", Scope.PERSONAL, true, Kind.ATTEMPT);
        add(v1 + "/attempts/{id}/answers", Scope.PERSONAL, true, Kind.ATTEMPT);
        add(v1 + "/attempts/{id}/submit", Scope.PERSONAL, true, Kind.ATTEMPT);
        add(v1 + "/submissions/{id}", Scope.PERSONAL, true, Kind.SUBMISSION);
        add(v1 + "/submissions/{id}/file", Scope.PERSONAL, true, Kind.SUBMISSION);
        add(v1 + "/submissions/{id}/grade", Scope.PERSONAL, true, Kind.SUBMISSION);
        add(v1 + "/cohorts/{id}/gradebook", Scope.COHORT, false, Kind.COHORT);
        add(v1 + "/reports/learning-gain", Scope.COHORT, false, List.of(), "cohortId", Kind.COHORT);
        // a trainer's queue, narrowed to one of their cohorts: another organisation's cohort is none of theirs
        add(v1 + "/grading-queue", Scope.COHORT, false, List.of(), "cohortId", Kind.COHORT);
        // certificates
        add(v1 + "/cohorts/{id}/certificates", Scope.COHORT, false, Kind.COHORT);
        add(v1 + "/cohorts/{id}/certificates.zip", Scope.COHORT, false, List.of(Kind.COHORT), "organizationId", Kind.ORGANIZATION);
        add(v1 + "/certificates", Scope.LIST, false, List.of(), "cohortId", Kind.COHORT, "organizationId", Kind.ORGANIZATION);
        add(v1 + "/certificates/{serial}/pdf", Scope.PERSONAL, true, Kind.SERIAL);
        add(v1 + "/certificates/{serial}/revoke", Scope.PERSONAL, true, Kind.SERIAL);
        add(v1 + "/certificates/{serial}/reissue", Scope.PERSONAL, true, Kind.SERIAL);
        add(v1 + "/certificate-jobs/{id}", Scope.COHORT, false, Kind.CERTIFICATE_JOB);
        // outcome: academic outputs, indicators, reports
        add(v1 + "/academic-outputs", Scope.OUTPUT, false, List.of(), "programId", Kind.PROGRAM, "cohortId", Kind.COHORT);
        add(v1 + "/academic-outputs/{id}", Scope.OUTPUT, true, Kind.OUTPUT);
        add(v1 + "/academic-outputs/{id}/evidence-confirmation", Scope.OUTPUT, true, Kind.OUTPUT);
        add(v1 + "/academic-outputs/{id}/evidence-file", Scope.OUTPUT, true, Kind.OUTPUT);
        add(v1 + "/indicators/{id}", Scope.REPORTS, true, Kind.INDICATOR);
        add(v1 + "/indicators/{id}/activities/{activityId}/records", Scope.REPORTS, true, Kind.INDICATOR, Kind.ACTIVITY);
        add(v1 + "/indicators/{id}/close", Scope.REPORTS, true, Kind.INDICATOR);
        add(v1 + "/indicators/{id}/status", Scope.REPORTS, true, Kind.INDICATOR);
        add(v1 + "/reports/pass-rates.{format}", Scope.HR_REPORTS, false, Kind.REPORT_FORMAT);
    }

    private Routes() {
    }

    /** The id of the given kind in the estate, for the given trainee. */
    static String id(Kind kind, Estate estate, Estate.Trainee trainee) {
        return switch (kind) {
            case ORGANIZATION -> estate.world.divisionId;
            case PERSON -> trainee.person.id();
            case PROGRAM -> estate.programId;
            case COHORT -> estate.cohortId;
            case COURSE -> estate.courseId;
            case MODULE -> estate.moduleId;
            case LESSON -> estate.lessonId;
            case ENROLLMENT -> trainee.enrollmentId;
            case SESSION -> estate.sessionId;
            case FIELD_ASSIGNMENT -> estate.fieldAssignmentId;
            case FIELD_REPORT -> trainee.fieldReportId;
            case QUIZ -> estate.quizId;
            case WORK -> estate.workId;
            case ATTEMPT -> trainee.attemptId;
            case SUBMISSION -> trainee.submissionId;
            case SERIAL -> trainee.serial;
            // no cohort of an estate owes more certificates than are issued within the request, so no job exists:
            // an unknown id still proves the path answers 404 and never 5xx
            case CERTIFICATE_JOB -> "0190b5a0-0000-7000-8000-000000000000";
            case TEMPLATE_KIND -> "ACHIEVEMENT";
            case TRAINER -> estate.trainer.id();
            case OUTPUT -> trainee.outputId;
            case INDICATOR -> estate.indicatorId;
            case ACTIVITY -> estate.activityId;
            case REPORT_FORMAT -> "csv?fiscalYear=2564&groupBy=cohort";
        };
    }

    /** The path with its parameters filled, in order of appearance. */
    static String fill(Route route, Estate estate, Estate.Trainee trainee) {
        String path = route.path();
        for (Kind kind : route.kinds()) {
            path = path.replaceFirst("\\{[^}]+}", id(kind, estate, trainee));
        }
        return path;
    }

    /** The same, with the query parameters that take an id filled as well. */
    static String fillWithQuery(Route route, Estate estate, Estate.Trainee trainee) {
        StringBuilder path = new StringBuilder(fill(route, estate, trainee));
        route.query().forEach((name, kind) -> path.append(path.indexOf("?") < 0 ? '?' : '&').append(name).append('=')
                .append(id(kind, estate, trainee)));
        return path.toString();
    }
}
