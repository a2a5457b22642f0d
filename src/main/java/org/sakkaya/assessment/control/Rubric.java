package org.sakkaya.assessment.control;

import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.sakkaya.platform.Jsons;

/**
 * A grading rubric: criteria, each with levels worth some points. A rubric grade picks one level per criterion;
 * the score is the sum of the points picked, and the rubric's total (the best level of each criterion) is the
 * assessment's maximum score.
 */
public record Rubric(List<Criterion> criteria) {
    public record Criterion(String title, List<Level> levels) {
    }

    public record Level(String label, BigDecimal points) {
    }

    public BigDecimal maxPoints() {
        return criteria.stream().map(c -> c.levels().stream().map(Level::points).max(BigDecimal::compareTo).orElse(BigDecimal.ZERO))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** Why the picked points do not fit the rubric, or empty. */
    public Optional<String> check(int criterionIndex, BigDecimal points) {
        if (criterionIndex < 0 || criterionIndex >= criteria.size()) {
            return Optional.of("criterionIndex: there is no criterion " + criterionIndex);
        }
        boolean aLevel = criteria.get(criterionIndex).levels().stream().anyMatch(l -> l.points().compareTo(points) == 0);
        return aLevel ? Optional.empty() : Optional.of("points: must be the points of one of the criterion's levels");
    }

    public String toJson() {
        var criteriaJson = Jsons.array();
        for (Criterion c : criteria) {
            var levels = Jsons.array();
            c.levels().forEach(l -> levels.add(Jsons.object().add("label", l.label()).add("points", l.points())));
            criteriaJson.add(Jsons.object().add("title", c.title()).add("levels", levels));
        }
        return Jsons.object().add("criteria", criteriaJson).build().toString();
    }

    public static Rubric fromJson(String json) {
        JsonArray criteriaJson = Jsons.parse(json).asJsonObject().getJsonArray("criteria");
        List<Criterion> criteria = new ArrayList<>();
        for (JsonValue c : criteriaJson) {
            JsonObject criterion = c.asJsonObject();
            List<Level> levels = criterion.getJsonArray("levels").getValuesAs(JsonObject.class).stream()
                    .map(l -> new Level(l.getString("label"), l.getJsonNumber("points").bigDecimalValue())).toList();
            criteria.add(new Criterion(criterion.getString("title"), levels));
        }
        return new Rubric(criteria);
    }
}
