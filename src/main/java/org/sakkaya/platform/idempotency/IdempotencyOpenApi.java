package org.sakkaya.platform.idempotency;

import java.util.Map;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * Describes {@code Idempotency-Key} in {@code /openapi}: a header of every POST and PATCH that {@link IdempotencyFilter}
 * handles (all of {@code /api/v1} but the token call). Run at build time by the OpenAPI plugin, as a filter, because
 * the filter is a servlet filter the annotation scan cannot see.
 */
public class IdempotencyOpenApi implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            if (!path.getKey().startsWith("/api/v1/") || KeylessPaths.matches(path.getKey())) {
                continue;
            }
            Stream.of(path.getValue().getPOST(), path.getValue().getPATCH()).filter(o -> o != null).forEach(IdempotencyOpenApi::describe);
        }
    }

    private static void describe(Operation operation) {
        if (operation.getParameters() != null && operation.getParameters().stream().anyMatch(p -> IdempotencyFilter.HEADER.equals(p.getName()))) {
            return;
        }
        operation.addParameter(OASFactory.createParameter()
                .name(IdempotencyFilter.HEADER)
                .in(Parameter.In.HEADER)
                .required(false)
                .description("A new value (a UUID, say) for each new request, the same for its retries: a retry of an applied request "
                        + "gets its answer again with Idempotent-Replayed: true and is not applied twice; the same key with "
                        + "another request answers 422. 1 to 255 visible ASCII characters; kept 24 hours, per caller.")
                .schema(OASFactory.createSchema().type(org.eclipse.microprofile.openapi.models.media.Schema.SchemaType.STRING)
                        .minLength(1).maxLength(255).pattern("^[\\x21-\\x7E]+$")));
    }
}
