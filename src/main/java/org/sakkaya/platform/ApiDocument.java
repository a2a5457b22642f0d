package org.sakkaya.platform;

import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.sakkaya.platform.idempotency.IdempotencyOpenApi;

/**
 * What the OpenAPI plugin runs over the scanned document at build time: the {@code Idempotency-Key} header
 * ({@link IdempotencyOpenApi}), and creates answered 201 only. The scan adds a bare "200 OK" to an operation beside the
 * 201 its method declares, which a client generated from the document would take for the answer.
 */
public class ApiDocument implements OASFilter {
    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new IdempotencyOpenApi().filterOpenAPI(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                Map<String, APIResponse> responses = operation.getResponses().getAPIResponses();
                APIResponse ok = responses.get("200");
                if (responses.containsKey("201") && ok != null && "OK".equals(ok.getDescription()) && ok.getContent() == null) {
                    operation.getResponses().removeAPIResponse("200");
                }
            }
        }
    }
}
