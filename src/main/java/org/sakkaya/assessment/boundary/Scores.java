package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.sakkaya.assessment.control.FinalScore;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.AttemptStatus;

/**
 * The score that counts for each trainee in each assessment of a cohort, in two queries however large the cohort
 * (assessment, person and score only).
 * Auto-graded: the grading rule over finished attempts. Assignments: the newest released grade (an unreleased
 * grade counts for nobody, so the trainee never learns of a decision through the pass result before the grade).
 */
@ApplicationScoped
public class Scores {
    @PersistenceContext
    EntityManager em;

    /** assessment id -> person id -> score on the assessment's own scale, for everyone. */
    public Map<String, Map<String, BigDecimal>> of(List<Assessment> assessments) {
        return of(assessments, null);
    }

    /**
     * The same for the given people only ({@code null}: everyone), so that one trainee's result reads that trainee's
     * rows and not the cohort's. Only the three columns a score needs are read: never an attempt's layout or a grade's
     * feedback.
     */
    public Map<String, Map<String, BigDecimal>> of(List<Assessment> assessments, Collection<String> personIds) {
        Map<String, Map<String, BigDecimal>> scores = new HashMap<>();
        if (assessments.isEmpty() || personIds != null && personIds.isEmpty()) {
            return scores;
        }
        Map<String, Assessment> byId = new HashMap<>();
        assessments.forEach(a -> byId.put(a.id(), a));
        // attempts count for auto-graded assessments only, grades for assignments only: an attempt at an assignment
        // (which start refuses since 2026-11-26) would have counted as the assignment handed in
        List<String> autoGraded = assessments.stream().filter(a -> a.kind().autoGraded()).map(Assessment::id).toList();
        List<String> handedIn = assessments.stream().filter(a -> !a.kind().autoGraded()).map(Assessment::id).toList();
        Set<String> people = personIds == null ? null : Set.copyOf(personIds);
        Map<String, Map<String, List<BigDecimal>>> attempts = new HashMap<>();
        if (!autoGraded.isEmpty()) {
            // finished attempts in the order made, as the grading rule (last, highest, average) takes them
            rows("SELECT t.assessmentId, t.personId, t.score FROM Attempt t WHERE t.assessmentId IN :ids AND t.status <> :open"
                    + (people == null ? "" : " AND t.personId IN :people") + " ORDER BY t.number", autoGraded, people)
                    .setParameter("open", AttemptStatus.IN_PROGRESS)
                    .getResultList()
                    .forEach(t -> attempts.computeIfAbsent((String) t[0], k -> new HashMap<>())
                            .computeIfAbsent((String) t[1], k -> new ArrayList<>()).add((BigDecimal) t[2]));
        }
        attempts.forEach((assessmentId, byPerson) -> byPerson.forEach((person, list) ->
                FinalScore.of(byId.get(assessmentId).gradingRule(), list)
                        .ifPresent(score -> scores.computeIfAbsent(assessmentId, k -> new HashMap<>()).put(person, score))));
        if (!handedIn.isEmpty()) {
            // oldest first, so that the newest released grade is the one kept
            rows("SELECT g.assessmentId, g.personId, g.score FROM Grade g WHERE g.assessmentId IN :ids AND g.released = TRUE"
                    + (people == null ? "" : " AND g.personId IN :people") + " ORDER BY g.gradedAt, g.id", handedIn, people)
                    .getResultList()
                    .forEach(g -> scores.computeIfAbsent((String) g[0], k -> new HashMap<>()).put((String) g[1], (BigDecimal) g[2]));
        }
        return scores;
    }

    private TypedQuery<Object[]> rows(String jpql, List<String> assessmentIds, Set<String> people) {
        TypedQuery<Object[]> query = em.createQuery(jpql, Object[].class).setParameter("ids", assessmentIds);
        return people == null ? query : query.setParameter("people", people);
    }

    /** A score as a percentage of the assessment's maximum, two decimals. */
    public static BigDecimal percent(Assessment assessment, BigDecimal score) {
        return score.multiply(BigDecimal.valueOf(100)).divide(assessment.maxScore(), 2, RoundingMode.HALF_UP);
    }

    public static Optional<BigDecimal> percentOf(Map<String, Map<String, BigDecimal>> scores, Assessment assessment, String personId) {
        return Optional.ofNullable(scores.getOrDefault(assessment.id(), Map.of()).get(personId)).map(s -> percent(assessment, s));
    }
}
