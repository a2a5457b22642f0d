package org.sakkaya.identity.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.sakkaya.identity.entity.Organization;
import org.sakkaya.platform.persistence.Page;
import org.sakkaya.platform.persistence.PageRequest;
import org.sakkaya.platform.security.Roles;

@RequestScoped
@Path("organizations")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Identity")
public class OrganizationsResource {
    @Inject
    Organizations organizations;

    @POST
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Register an organisation (ministry, department, division or partner)")
    @APIResponse(responseCode = "201", description = "Created: the answer is the new record, Location its address")
    public Response create(@Valid @NotNull OrganizationRequest request, @Context UriInfo uri) {
        OrganizationView view = view(organizations.create(request));
        return Response.created(uri.getAbsolutePathBuilder().path(view.id()).build()).entity(view).build();
    }

    @GET
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    @Operation(summary = "The organisation tree, in tree order; filter by parent or by name/code")
    public Page<OrganizationView> list(@QueryParam("parentId") @Size(max = 36) String parentId,
                                       @QueryParam("q") @Size(max = 100) String q,
                                       @Valid @BeanParam PageRequest page) {
        Page<Organization> found = organizations.list(parentId, q, page);
        var domains = organizations.registrationDomains(found.items().stream().map(Organization::id).toList());
        return found.map(o -> OrganizationView.of(o, domains.getOrDefault(o.id(), List.of())));
    }

    @GET
    @Path("{id}")
    @RolesAllowed({Roles.TRAINEE, Roles.TRAINER, Roles.HR, Roles.PROGRAM_ADMIN, Roles.EXECUTIVE, Roles.ADMIN})
    public OrganizationView get(@PathParam("id") String id) {
        return view(organizations.find(id));
    }

    @PATCH
    @Path("{id}")
    @RolesAllowed(Roles.ADMIN)
    @Operation(summary = "Change an organisation; a new parentId moves it with all its sub-units")
    public OrganizationView update(@PathParam("id") String id, @Valid @NotNull OrganizationPatch patch) {
        return view(organizations.update(id, patch));
    }

    private OrganizationView view(Organization organization) {
        return OrganizationView.of(organization, organizations.registrationDomains(organization.id()));
    }
}
