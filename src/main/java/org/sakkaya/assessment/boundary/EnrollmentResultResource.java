package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.assessment.control.PassDecision;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("enrollments/{id}/result")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class EnrollmentResultResource {
    @Inject
    Gradebook gradebook;

    /** The four fields API.md lists are always there: a percentage is null while there is nothing to count yet. */
    public record Result(String enrollmentId, @JsonbNillable BigDecimal scorePercent, @JsonbNillable BigDecimal attendancePercent,
                         boolean passed, List<PassDecision.Reason> reasons) {
    }

    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.PROGRAM_ADMIN, Roles.HR})
    @Operation(summary = "Passed or not, with the reasons in Thai and English: the trainee, trainers, PROGRAM_ADMIN, their HR")
    public Result result(@PathParam("id") String id) {
        Gradebook.Row row = gradebook.result(id);
        return new Result(row.enrollmentId(), row.scorePercent(), row.attendancePercent(), row.passed(), row.reasons());
    }
}
