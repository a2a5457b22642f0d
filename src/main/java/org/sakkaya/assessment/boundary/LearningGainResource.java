package org.sakkaya.assessment.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("reports/learning-gain")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Assessments")
public class LearningGainResource {
    @Inject
    LearningGain learningGain;

    public record Row(String personId, String personName, BigDecimal prePercent, BigDecimal postPercent, BigDecimal gain) {
    }

    public record Report(String cohortId, String preTestId, String postTestId, int trainees, int withBoth,
                         BigDecimal averagePrePercent, BigDecimal averagePostPercent, BigDecimal averageGain, List<Row> rows) {
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Pre-test against post-test per trainee, in percent, and the average gain in percentage points")
    public Report report(@QueryParam("cohortId") @NotBlank @Size(max = 36) String cohortId) {
        return learningGain.of(cohortId);
    }
}
