package org.sakkaya.assessment.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.sakkaya.assessment.control.FinalScore;
import org.sakkaya.assessment.entity.Assessment;
import org.sakkaya.assessment.entity.Attempt;
import org.sakkaya.assessment.entity.AttemptStatus;
import org.sakkaya.assessment.entity.Grade;

/**
 * The score that counts for each trainee in each assessment of a cohort, in two queries however large the cohort.
 * Auto-graded: the grading rule over finished attempts. Assignments: the newest released grade (an unreleased
 * grade counts for nobody, so the trainee never learns of a decision through the pass result before the grade).
 */
@ApplicationScoped
public class Scores {
    @PersistenceContext
    EntityManager em;

    /** assessment id -> person id -> score on the assessment's own scale. */
    public Map<String, Map<String, BigDecimal>> of(List<Assessment> assessments) {
        Map<String, Map<String, BigDecimal>> scores = new HashMap<>();
        if (assessments.isEmpty()) {
            return scores;
        }
        Map<String, Assessment> byId = new HashMap<>();
        assessments.forEach(a -> byId.put(a.id(), a));
        // attempts count for auto-graded assessments only, grades for assignments only: an attempt at an assignment
        // (which start refuses since 2026-11-26) would have counted as the assignment handed in
        List<String> autoGraded = assessments.stream().filter(a -> a.kind().autoGraded()).map(Assessment::id).toList();
        List<String> handedIn = assessments.stream().filter(a -> !a.kind().autoGraded()).map(Assessment::id).toList();
        Map<String, Map<String, List<BigDecimal>>> attempts = new HashMap<>();
        if (!autoGraded.isEmpty()) {
            em.createQuery("SELECT t FROM Attempt t WHERE t.assessmentId IN :ids AND t.status <> :open ORDER BY t.number", Attempt.class)
                    .setParameter("ids", autoGraded).setParameter("open", AttemptStatus.IN_PROGRESS)
                    .getResultList()
                    .forEach(t -> attempts.computeIfAbsent(t.assessmentId(), k -> new HashMap<>())
                            .computeIfAbsent(t.personId(), k -> new ArrayList<>()).add(t.score()));
        }
        attempts.forEach((assessmentId, byPerson) -> byPerson.forEach((person, list) ->
                FinalScore.of(byId.get(assessmentId).gradingRule(), list)
                        .ifPresent(score -> scores.computeIfAbsent(assessmentId, k -> new HashMap<>()).put(person, score))));
        if (!handedIn.isEmpty()) {
            em.createQuery("SELECT g FROM Grade g WHERE g.assessmentId IN :ids AND g.released = TRUE ORDER BY g.gradedAt, g.id", Grade.class)
                    .setParameter("ids", handedIn)
                    .getResultList()
                    .forEach(g -> scores.computeIfAbsent(g.assessmentId(), k -> new HashMap<>()).put(g.personId(), g.score()));
        }
        return scores;
    }

    /** A score as a percentage of the assessment's maximum, two decimals. */
    public static BigDecimal percent(Assessment assessment, BigDecimal score) {
        return score.multiply(BigDecimal.valueOf(100)).divide(assessment.maxScore(), 2, RoundingMode.HALF_UP);
    }

    public static Optional<BigDecimal> percentOf(Map<String, Map<String, BigDecimal>> scores, Assessment assessment, String personId) {
        return Optional.ofNullable(scores.getOrDefault(assessment.id(), Map.of()).get(personId)).map(s -> percent(assessment, s));
    }
}
