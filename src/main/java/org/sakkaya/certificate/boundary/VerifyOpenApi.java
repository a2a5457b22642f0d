package org.sakkaya.certificate.boundary;

import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponse;
import static org.eclipse.microprofile.openapi.OASFactory.createAPIResponses;
import static org.eclipse.microprofile.openapi.OASFactory.createContent;
import static org.eclipse.microprofile.openapi.OASFactory.createMediaType;
import static org.eclipse.microprofile.openapi.OASFactory.createOpenAPI;
import static org.eclipse.microprofile.openapi.OASFactory.createOperation;
import static org.eclipse.microprofile.openapi.OASFactory.createParameter;
import static org.eclipse.microprofile.openapi.OASFactory.createPathItem;
import static org.eclipse.microprofile.openapi.OASFactory.createPaths;
import static org.eclipse.microprofile.openapi.OASFactory.createSchema;

import java.util.List;
import org.eclipse.microprofile.openapi.OASModelReader;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;

/**
 * The public verification page is a servlet ({@link VerifyServlet}), outside JAX-RS, so the build-time OpenAPI scan
 * cannot see it; this reader adds it to the document (pom.xml names it as the plugin's model reader).
 */
public class VerifyOpenApi implements OASModelReader {
    @Override
    public OpenAPI buildModel() {
        Schema text = createSchema().type(Schema.SchemaType.STRING);
        Schema verification = createSchema().type(Schema.SchemaType.OBJECT)
                .description("Only what the certificate prints, its status and the SHA-256 of the PDF as issued; never e-mail or ids")
                .addProperty("serial", createSchema().type(Schema.SchemaType.STRING).description("grouped for reading"))
                .addProperty("status", createSchema().type(Schema.SchemaType.STRING).enumeration(List.of("VALID", "REVOKED")))
                .addProperty("kind", createSchema().type(Schema.SchemaType.STRING).enumeration(List.of("ACHIEVEMENT", "PARTICIPATION")))
                .addProperty("holderName", text)
                .addProperty("programNameTh", text)
                .addProperty("cohortNumber", createSchema().type(Schema.SchemaType.INTEGER))
                .addProperty("issuedOn", createSchema().type(Schema.SchemaType.STRING).format("date"))
                .addProperty("sha256", createSchema().type(Schema.SchemaType.STRING).pattern("[0-9a-f]{64}"))
                .addProperty("signedBy", createSchema().type(Schema.SchemaType.STRING).nullable(true)
                        .description("subject of the certificate that signed the PDF (PAdES)"))
                .addProperty("replacedBy", createSchema().type(Schema.SchemaType.STRING).nullable(true)
                        .description("for a re-issued certificate, the serial of its replacement, grouped for reading"));
        Schema problem = createSchema().type(Schema.SchemaType.OBJECT).description("RFC 9457 problem details");
        return createOpenAPI().paths(createPaths().addPathItem("/verify/{serial}", createPathItem().GET(createOperation()
                .operationId("verifyCertificate")
                .addTag("Certificates")
                .summary("Verify a certificate (no /api/v1, no sign-in): HTML for browsers, JSON for Accept: application/json")
                .description("Unknown and malformed serials answer the same 404. Rate-limited per client address (429 with Retry-After).")
                .addParameter(createParameter().name("serial").in(Parameter.In.PATH).required(true)
                        .description("the serial as printed, with or without its dashes, in any case").schema(text))
                .security(List.of())
                .responses(createAPIResponses()
                        .addAPIResponse("200", createAPIResponse().description("the certificate's status")
                                .content(createContent()
                                        .addMediaType("application/json", createMediaType().schema(verification))
                                        .addMediaType("text/html", createMediaType().schema(text))))
                        .addAPIResponse("404", createAPIResponse().description("no certificate has this serial")
                                .content(createContent().addMediaType("application/problem+json", createMediaType().schema(problem))
                                        .addMediaType("text/html", createMediaType().schema(text))))
                        .addAPIResponse("429", createAPIResponse().description("too many verifications from this address")
                                .content(createContent().addMediaType("application/problem+json", createMediaType().schema(problem))))))));
    }

}
