package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.assessment.entity.Submission;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("grading-queue")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class GradingQueueResource {
    @Inject
    Assignments assignments;

    @Inject
    People people;

    public record Queue(long total, List<SubmissionView> items) {
    }

    @GET
    @RolesAllowed(Roles.TRAINER)
    @Operation(summary = "Ungraded newest revisions of the caller's cohorts' assignments, oldest first, with the count")
    public Queue queue(@QueryParam("size") @DefaultValue("50") @Min(1) @Max(500) int size) {
        List<Submission> waiting = assignments.queue(size);
        Map<String, PersonSummary> names = people.summaries(waiting.stream().map(Submission::personId).distinct().toList());
        return new Queue(assignments.queueSize(), waiting.stream().map(s -> {
            PersonSummary name = names.get(s.personId());
            return SubmissionView.of(s, name == null ? null : name.fullNameTh(), null, null);
        }).toList());
    }
}
