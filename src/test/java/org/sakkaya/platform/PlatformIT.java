package org.sakkaya.platform;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasToString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.sql.Connection;
import java.sql.Statement;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.sakkaya.it.Api;
import org.sakkaya.it.Deployments;
import org.sakkaya.it.PayaraLog;
import org.sakkaya.it.TestDatabase;

/** What operations and every client rely on: health, the OpenAPI document, metrics, problem+json for every error. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class PlatformIT {
    static {
        PayaraLog.capture();
    }

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.application();
    }

    @ArquillianResource
    URL base;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(base);
    }

    @Test
    void readinessSaysTheDatabaseIsReachableAndMigrated() {
        api.root().get("/health/ready").then().log().ifValidationFails().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.find { it.name == 'database' }.data.migrated", hasToString("true"));
        api.root().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void theApiAnswersAPingWithoutASignIn() {
        // nothing of anyone's in it: a cache may keep it (answers to a signed-in caller are no-store: SecurityBatteryIT)
        api.anonymous().get("/ping").then().log().ifValidationFails().statusCode(200)
                .contentType(containsString("application/json")).body("status", equalTo("UP"))
                .header("X-Content-Type-Options", equalTo("nosniff")).header("Cache-Control", org.hamcrest.Matchers.nullValue());
        api.as(api.adminToken()).get("/ping").then().statusCode(200).header("Cache-Control", equalTo("no-store"));
    }

    @Test
    void theStartUpLogNamesTheJsonProviderThatPayaraWouldOtherwiseSearchForOnEveryRequest() throws Exception {
        // arquillian.xml starts Payara as the README's production command does
        assertThat(PayaraLog.text()).contains("JSON-P provider named by the JVM's options: org.eclipse.parsson.JsonProviderImpl")
                .doesNotContain("The JVM was started without -Djakarta.json.provider");
    }

    @Test
    void readinessAndTheStartUpLogSayWhetherTheDatabaseIsDurable() throws Exception {
        api.root().get("/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'database' }.data.durable", hasToString("true"))
                .body("checks.find { it.name == 'database' }.data.innodbFlushLogAtTrxCommit", hasToString("1"));
        assertThat(PayaraLog.text()).contains("Database durability as recommended: innodb_flush_log_at_trx_commit=1");
        try (Connection connection = TestDatabase.connect(); Statement statement = connection.createStatement()) {
            statement.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
            try {
                // weaker settings warn, they do not take the service out of rotation
                api.root().get("/health/ready").then().statusCode(200)
                        .body("checks.find { it.name == 'database' }.data.durable", hasToString("false"))
                        .body("checks.find { it.name == 'database' }.data.durabilityWarnings",
                                containsString("innodb_flush_log_at_trx_commit=2"));
            } finally {
                statement.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 1");
            }
        }
    }

    @Test
    void openApiDocumentDescribesTheApi() {
        api.root().accept("application/json").get("/openapi").then().statusCode(200)
                .body("paths.keySet()", hasItem("/api/v1/auth/token"))
                .body("paths.keySet()", hasItem("/api/v1/people/{id}/personal-data"))
                // the Idempotency-Key header, read by a servlet filter, is described on writes that may be retried
                .body("paths.'/api/v1/cohorts/{id}/enrollments'.post.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/people/{id}'.patch.parameters.name", hasItem("Idempotency-Key"))
                .body("paths.'/api/v1/auth/token'.post.parameters", nullValue());
    }

    @Test
    void metricsAreServed() {
        api.root().get("/metrics").then().statusCode(200);
    }

    @Test
    void callsWithoutATokenAreRefusedWithProblemJson() {
        api.anonymous().get("/me").then().statusCode(401)
                .contentType(containsString("application/problem+json"))
                .body("status", equalTo(401));
    }

    @Test
    void aForgedTokenIsRefused() {
        String token = api.adminToken();
        String forged = token.substring(0, token.lastIndexOf('.') + 1) + "AAAA" + token.substring(token.lastIndexOf('.') + 5);
        api.as(forged).get("/me").then().statusCode(401);
        api.as("not-a-token").get("/me").then().statusCode(401);
    }

    @Test
    void unknownPathsAnswerProblemJson() {
        api.as(api.adminToken()).get("/no-such-thing").then().statusCode(404)
                .contentType(containsString("application/problem+json"))
                .body("type", notNullValue());
    }

    @Test
    void malformedJsonIsA400NotA500() {
        api.anonymous().body("{\"email\": ").post("/auth/token").then().statusCode(400)
                .contentType(containsString("application/problem+json"))
                .body("detail", not(containsString("Exception")));
    }

    @Test
    void wrongMediaTypeIs415() {
        api.anonymous().contentType("text/plain").body("email=a").post("/auth/token").then().statusCode(415)
                .contentType(containsString("application/problem+json"));
    }
}
