package org.sakkaya.learning.boundary;

import jakarta.annotation.security.RolesAllowed;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.learning.entity.Course;
import org.sakkaya.learning.entity.CourseModule;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("courses")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
public class CoursesResource {
    @Inject
    Courses courses;

    @POST
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Create an online course")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@Valid @NotNull CourseRequest request, @Context UriInfo uri) {
        CourseView view = CourseView.summary(courses.create(request), 0);
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER, Roles.HR, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "The course catalogue (trainees see their courses through /me/progress)")
    public Page<CourseView> list(@Valid @BeanParam PageRequest page) {
        Page<Course> found = courses.list(page);
        return new Page<>(courses.summaries(found.items()), found.page(), found.size(), found.total());
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "A course with its modules and lessons; a trainee only for courses of their cohorts")
    public CourseView get(@PathParam("id") String id) {
        return courses.outline(id);
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Change a course's title or description (its author, PROGRAM_ADMIN, or a trainer of every cohort studying it)")
    public CourseView describe(@PathParam("id") String id, @Valid @NotNull CoursePatch patch) {
        return courses.describe(id, patch);
    }

    @POST
    @Path("{id}/copy")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "A copy of the course with its modules, lessons and files, authored by the caller, for a cohort "
            + "that must keep its own version")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response copy(@PathParam("id") String id, @Valid @NotNull CourseCopyRequest request, @Context UriInfo uri) {
        Course copy = courses.copy(id, request);
        return Response.created(uri.getBaseUriBuilder().path("courses").path(copy.id()).build()).entity(courses.outline(copy.id())).build();
    }

    @POST
    @Path("{id}/modules")
    @RolesAllowed({Roles.PROGRAM_ADMIN, Roles.TRAINER})
    @Operation(summary = "Add a module at the end of the course")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response addModule(@PathParam("id") String id, @Valid @NotNull ModuleRequest request, @Context UriInfo uri) {
        CourseModule module = courses.addModule(id, request);
        return Response.created(uri.getBaseUriBuilder().path("modules").path(module.id()).build())
                .entity(new CourseView.ModuleView(module.id(), module.position(), module.title(), java.util.List.of()))
                .build();
    }
}
