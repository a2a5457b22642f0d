package org.sakkaya.learning.boundary;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.sakkaya.learning.entity.CourseProgress;
import org.sakkaya.learning.entity.LessonProgress;
import org.sakkaya.platform.Bangkok;
import org.sakkaya.platform.privacy.PersonalDataHolder;

/**
 * Study progress. Erasure keeps it: it says nothing about who once the person record is anonymised, and cohort
 * completion figures must not change.
 */
@ApplicationScoped
public class LearningPersonalData implements PersonalDataHolder {
    @PersistenceContext
    EntityManager em;

    @Override
    public String section() {
        return "learning";
    }

    @Override
    public Set<String> tables() {
        return Set.of("lesson_progress", "course_progress", "course");
    }

    @Override
    public Map<String, Object> export(String personId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("lessons", em.createQuery("SELECT p FROM LessonProgress p WHERE p.personId = :id", LessonProgress.class)
                .setParameter("id", personId).getResultList().stream()
                .map(p -> {
                    // null, not "", for a lesson not completed (Map.of takes no null)
                    Map<String, Object> lesson = new LinkedHashMap<>();
                    lesson.put("lessonId", p.lessonId());
                    lesson.put("completed", p.completed());
                    lesson.put("completedAt", p.completedAt() == null ? null : Bangkok.text(p.completedAt()));
                    lesson.put("secondsSpent", p.secondsSpent());
                    return lesson;
                })
                .toList());
        data.put("courses", em.createQuery("SELECT p FROM CourseProgress p WHERE p.personId = :id", CourseProgress.class)
                .setParameter("id", personId).getResultList().stream()
                .map(p -> Map.of("courseId", p.courseId(), "lessonsCompleted", p.lessonsCompleted(), "secondsSpent", p.secondsSpent()))
                .toList());
        data.put("coursesWritten", em.createNativeQuery("SELECT id FROM course WHERE created_by = ?1").setParameter(1, personId).getResultList());
        return data;
    }

    @Override
    public void erase(String personId) {
        // progress stays for the figures; the authorship of courses is not needed to run them
        em.createNativeQuery("UPDATE course SET created_by = NULL WHERE created_by = ?1").setParameter(1, personId).executeUpdate();
    }
}
