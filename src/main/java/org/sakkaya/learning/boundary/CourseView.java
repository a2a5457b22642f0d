package org.sakkaya.learning.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import java.util.Map;
import org.sakkaya.learning.entity.Course;
import org.sakkaya.learning.entity.CourseModule;
import org.sakkaya.learning.entity.Lesson;
import org.sakkaya.learning.entity.LessonKind;

public record CourseView(String id, String title, String description, int lessonCount, int minutes,
                         List<ModuleView> modules) {

    public record ModuleView(String id, int position, String title, List<LessonView> lessons) {
    }

    /** A lesson's {@code content}, {@code url} and {@code fileId} are there as null where its kind has none. */
    public record LessonView(String id, String moduleId, int position, String title, LessonKind kind, @JsonbNillable String content,
                             @JsonbNillable String url, @JsonbNillable String fileId, int minutes) {
        static LessonView of(Lesson l) {
            return new LessonView(l.id(), l.moduleId(), l.position(), l.title(), l.kind(), l.content(), l.url(),
                    l.fileId(), l.minutes());
        }
    }

    static CourseView of(Course course, List<CourseModule> modules, Map<String, List<Lesson>> lessonsByModule) {
        List<ModuleView> moduleViews = modules.stream()
                .map(m -> new ModuleView(m.id(), m.position(), m.title(),
                        lessonsByModule.getOrDefault(m.id(), List.of()).stream().map(LessonView::of).toList()))
                .toList();
        int minutes = lessonsByModule.values().stream().flatMap(List::stream).mapToInt(Lesson::minutes).sum();
        return new CourseView(course.id(), course.title(), course.description(), course.lessonCount(), minutes, moduleViews);
    }

    static CourseView summary(Course course, int minutes) {
        return new CourseView(course.id(), course.title(), course.description(), course.lessonCount(), minutes, null);
    }
}
