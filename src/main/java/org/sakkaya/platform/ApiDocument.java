package org.sakkaya.platform;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createComponents;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;
import org.sakkaya.platform.idempotency.IdempotencyOpenApi;
import org.sakkaya.platform.problem.Problem;

/**
 * What the OpenAPI plugin runs over the scanned document at build time:
 * <ul>
 * <li>the {@code Idempotency-Key} header ({@link IdempotencyOpenApi});</li>
 * <li>one answer a success: the scan adds a bare "200 OK" beside the 201 or 204 a method declares, which a client
 * generated from the document would take for the answer;</li>
 * <li>the sign-in each operation needs, on the operation ({@link #signIn});</li>
 * <li>the errors every operation can answer, as RFC 9457 problem+json with the fields named (the {@code Problem}
 * schema): 400 where it reads input, 413 and 415 where it reads a JSON body or a file, 401 and 403 where it needs a sign-in,
 * 404 where its path names a record. The document listed almost none, so a client generated from it had no type for
 * the answers API.md promises for bad input.</li>
 * </ul>
 */
public class ApiDocument implements OASFilter {
    static final String PROBLEM = "Problem";
    static final String FIELD_ERROR = "FieldError";

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        new IdempotencyOpenApi().filterOpenAPI(openAPI);
        if (openAPI.getPaths() == null || openAPI.getPaths().getPathItems() == null) {
            return;
        }
        addProblemSchemas(openAPI);
        for (Map.Entry<String, PathItem> path : openAPI.getPaths().getPathItems().entrySet()) {
            for (Operation operation : path.getValue().getOperations().values()) {
                if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
                    continue;
                }
                APIResponses responses = operation.getResponses();
                APIResponse ok = responses.getAPIResponse("200");
                boolean otherSuccess = responses.getAPIResponses().keySet().stream().anyMatch(c -> c.startsWith("2") && !c.equals("200"));
                if (otherSuccess && ok != null && "OK".equals(ok.getDescription()) && ok.getContent() == null) {
                    responses.removeAPIResponse("200");
                }
                addErrors(path.getKey(), path.getValue(), operation, openAPI);
                signIn(operation, openAPI);
                if (path.getKey().startsWith("/api/")) {
                    // errors its method declares in words only (a 401, a 429) are problems too
                    responses.getAPIResponses().forEach((code, response) -> {
                        if ((code.startsWith("4") || code.startsWith("5")) && response.getContent() == null) {
                            response.setContent(problemContent());
                        }
                    });
                }
            }
        }
        openAPI.setSecurity(null); // each operation says its own (signIn)
    }

    /**
     * The sign-in an operation needs, on the operation itself: a public one (signing in, the ping) says none with an
     * empty list under the document's default, and Payara drops empty lists when it serves the document, so the
     * served document said that signing in needs a token. Now a secured operation names the bearer token and a public
     * one names nothing, with no default.
     */
    private static void signIn(Operation operation, OpenAPI openAPI) {
        if (operation.getSecurity() == null) {
            operation.setSecurity(openAPI.getSecurity() == null ? null : new java.util.ArrayList<>(openAPI.getSecurity()));
        } else if (operation.getSecurity().isEmpty()) {
            operation.setSecurity(null);
        }
    }

    private static void addErrors(String path, PathItem item, Operation operation, OpenAPI openAPI) {
        if (!path.startsWith("/api/")) {
            return; // the verification page describes its own (VerifyOpenApi)
        }
        boolean input = (operation.getParameters() != null && !operation.getParameters().isEmpty())
                || (item.getParameters() != null && !item.getParameters().isEmpty()) || operation.getRequestBody() != null
                || path.contains("{");
        boolean jsonBody = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("application/json");
        boolean upload = operation.getRequestBody() != null && operation.getRequestBody().getContent() != null
                && operation.getRequestBody().getContent().hasMediaType("multipart/form-data");
        List<?> security = operation.getSecurity() != null ? operation.getSecurity() : openAPI.getSecurity();
        boolean signedIn = security != null && !security.isEmpty();
        if (input) {
            error(operation, "400", "Bad input: `errors` names each field and what it must be");
        }
        if (signedIn) {
            error(operation, "401", "No token, or one that has expired, was revoked or is not ours");
            error(operation, "403", "The caller's role or organisation does not allow this");
        }
        if (path.contains("{")) {
            error(operation, "404", "No such record, or none the caller may see");
        }
        if (jsonBody) {
            error(operation, "413", "A JSON body of more than 2 MiB");
            error(operation, "415", "A body that is not JSON in UTF-8");
        } else if (upload) {
            error(operation, "413", "A file larger than the service takes (sakkaya.files.max-bytes)");
            error(operation, "415", "A file whose content is not of a type this upload takes, whatever its name says");
        }
    }

    private static void error(Operation operation, String code, String description) {
        if (!operation.getResponses().hasAPIResponse(code)) {
            operation.getResponses().addAPIResponse(code, createAPIResponse().description(description).content(problemContent()));
        }
    }

    private static org.eclipse.microprofile.openapi.models.media.Content problemContent() {
        return createContent().addMediaType(Problem.MEDIA_TYPE,
                createMediaType().schema(createSchema().ref("#/components/schemas/" + PROBLEM)));
    }

    private static void addProblemSchemas(OpenAPI openAPI) {
        if (openAPI.getComponents() == null) {
            openAPI.setComponents(createComponents());
        }
        Schema text = createSchema().type(Schema.SchemaType.STRING);
        openAPI.getComponents().addSchema(FIELD_ERROR, createSchema().type(Schema.SchemaType.OBJECT)
                .description("One field of the request and what is wrong with it")
                .addProperty("field", createSchema().type(Schema.SchemaType.STRING)
                        .description("the field's path in the body (rubricScores[1].points), a parameter's name, or body"))
                .addProperty("message", text));
        openAPI.getComponents().addSchema(PROBLEM, createSchema().type(Schema.SchemaType.OBJECT)
                .description("RFC 9457 problem details")
                .addProperty("type", createSchema().type(Schema.SchemaType.STRING).format("uri"))
                .addProperty("title", text)
                .addProperty("status", createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("detail", text)
                .addProperty("errors", createSchema().type(Schema.SchemaType.ARRAY)
                        .items(createSchema().ref("#/components/schemas/" + FIELD_ERROR))));
    }
}
