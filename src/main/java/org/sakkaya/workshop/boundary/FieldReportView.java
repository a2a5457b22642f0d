package org.sakkaya.workshop.boundary;

import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.platform.files.StoredFile;
import org.sakkaya.workshop.entity.FieldReport;
import org.sakkaya.platform.Bangkok;

/**
 * One revision of a report. {@code latest} marks the trainee's current report; {@code late} that it came after
 * the due time. The file itself is at {@code GET /field-reports/{id}/file}.
 */
public record FieldReportView(String id, String assignmentId, String personId, String personName, int revision,
                              boolean latest, String text, List<String> links, FileView file,
                              OffsetDateTime submittedAt, boolean late, List<FeedbackView> feedback) {
    /** {@code mediaType} as read from the content. */
    public record FileView(String name, String mediaType, long sizeBytes) {
        static FileView of(StoredFile f) {
            return f == null ? null : new FileView(f.originalName(), f.mediaType(), f.sizeBytes());
        }
    }

    public record FeedbackView(String id, String authorId, String authorName, String text, OffsetDateTime createdAt) {
        static FeedbackView of(FieldReports.Feedback f) {
            return new FeedbackView(f.feedback().id(), f.feedback().authorId(),
                    f.author() == null ? null : f.author().fullNameTh(), f.feedback().text(),
                    Bangkok.time(f.feedback().createdAt()));
        }
    }

    static FieldReportView of(FieldReports.Report details) {
        FieldReport r = details.report();
        return new FieldReportView(r.id(), r.assignmentId(), r.personId(),
                details.person() == null ? null : details.person().fullNameTh(), r.revision(), r.latest(), r.text(),
                r.links(), FileView.of(details.file()), Bangkok.time(r.submittedAt()),
                details.assignment().isLate(r.submittedAt()),
                details.feedback().stream().map(FeedbackView::of).toList());
    }
}
