package org.sakkaya.outcome.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.outcome.entity.Indicator;
import org.sakkaya.outcome.entity.IndicatorActivity;
import org.sakkaya.platform.RecordVersions;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("indicators")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Academic outputs, indicators, reports")
public class IndicatorsResource {
    @Inject
    Indicators indicators;

    @POST
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Create an indicator (ตัวชี้วัด) of a Buddhist-era fiscal year with its plan activities")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@Valid @NotNull IndicatorRequest request, @Context UriInfo uri) {
        IndicatorView view = view(indicators.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.EXECUTIVE})
    @Operation(summary = "Indicators, by Buddhist-era fiscal year")
    public Page<IndicatorView> list(@QueryParam("fiscalYear") Integer fiscalYear, @Valid @BeanParam PageRequest page) {
        Page<Indicator> found = indicators.list(fiscalYear, page);
        // the page's activities in one query, not one per indicator
        Map<String, List<IndicatorActivity>> activities = indicators.activities(found.items());
        return found.map(i -> IndicatorView.of(i, activities.getOrDefault(i.id(), List.of())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.EXECUTIVE})
    @APIResponse(responseCode = "200", description = "The indicator; ETag is its version (send it as If-Match with a PUT or DELETE)",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    public Response get(@PathParam("id") String id) {
        Indicator indicator = indicators.find(id);
        return RecordVersions.ok(view(indicator), indicator.version());
    }

    @PUT
    @Path("{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Correct an open indicator: the whole indicator as it should be. Activities sent with their id are "
            + "changed in place, those without one are added, those left out are removed; a closed indicator is 409")
    @APIResponse(responseCode = "200", description = "Changed; ETag is the new version",
            content = @Content(schema = @Schema(implementation = IndicatorView.class)))
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response replace(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch,
                            @Valid @NotNull IndicatorRequest request) {
        Indicator indicator = indicators.replace(id, request, ifMatch);
        return RecordVersions.ok(view(indicator), indicator.version());
    }

    @DELETE
    @Path("{id}")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Delete an indicator made by mistake, while it is open; a closed one stays (409)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "412", description = "If-Match names another version: someone saved it since it was read")
    public Response delete(@PathParam("id") String id, @HeaderParam(HttpHeaders.IF_MATCH) String ifMatch) {
        indicators.delete(id, ifMatch);
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/status")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.EXECUTIVE})
    @Operation(summary = "Each activity computed live from the data (numerator, denominator, actual, achieved, asOf) with the "
            + "first records counted (records=0..500, default 50); a closed indicator also answers its frozen snapshot")
    public IndicatorStatus status(@PathParam("id") String id,
                                  @QueryParam("records") @DefaultValue("50") @Min(value = 0, message = "must be 0 or more")
                                  @Max(value = 500, message = "must be at most 500") int records) {
        return indicators.status(id, records);
    }

    @GET
    @Path("{id}/activities/{activityId}/records")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.EXECUTIVE})
    @Operation(summary = "The drill-down of one activity, paged: who was evaluated or passed, which certificates, which works; "
            + "frozen=true reads the snapshot taken at closing")
    public Page<IndicatorStatus.Record> records(@PathParam("id") String id, @PathParam("activityId") String activityId,
                                                @QueryParam("frozen") @DefaultValue("false") boolean frozen,
                                                @Valid @BeanParam PageRequest page) {
        return indicators.records(id, activityId, frozen, page);
    }

    @POST
    @Path("{id}/close")
    @RolesAllowed(Roles.PROGRAM_ADMIN)
    @Operation(summary = "Close the indicator after its fiscal year ends: its figures are frozen in a snapshot that later data "
            + "changes do not alter; the live figures stay available beside it. Refused (422) while a cohort it counts runs "
            + "(cohorts-running), has a counted assessment still open (assessments-open) or a seated trainee's hand-in to one "
            + "waiting to be graded or its grade released (assessments-ungraded)")
    public IndicatorView close(@PathParam("id") String id) {
        return view(indicators.close(id));
    }

    private IndicatorView view(Indicator indicator) {
        return IndicatorView.of(indicator, indicators.activities(indicator.id()));
    }
}
