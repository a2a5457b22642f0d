package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.identity.boundary.People;
import org.sakkaya.identity.boundary.PersonSummary;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
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

    @GET
    @RolesAllowed(Roles.TRAINER)
    @Operation(summary = "Newest revisions of the caller's cohorts' assignments not graded, or graded and held back (with that "
            + "grade), by trainees who still hold a seat, "
            + "oldest first, paged; cohortId narrows it to one cohort the caller trains")
    // cohortId, like every id in a query, is a record id or blank (no filter) by the time it gets here: IdParameters
    public Page<SubmissionView> queue(@QueryParam("cohortId") String cohortId,
                                      @Valid @BeanParam PageRequest page) {
        Page<Assignments.Queued> waiting = assignments.queue(cohortId, page);
        Map<String, PersonSummary> names = people.summaries(waiting.items().stream().map(q -> q.submission().personId()).distinct().toList());
        return waiting.map(q -> {
            PersonSummary name = names.get(q.submission().personId());
            return SubmissionView.of(q.submission(), name == null ? null : name.fullNameTh(), q.held(), null)
                    .in(q.cohortId(), q.assessmentTitle());
        });
    }
}
