package org.sakkaya.it;

import static io.restassured.RestAssured.given;

import io.restassured.config.EncoderConfig;
import io.restassured.config.HttpClientConfig;
import io.restassured.config.MultiPartConfig;
import org.apache.http.entity.mime.HttpMultipartMode;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.net.URL;
import java.util.Map;

/** HTTP to the deployed application, as a client would call it. */
public final class Api {
    public static final String ADMIN_EMAIL = "it-admin@example.org";
    public static final String ADMIN_PASSWORD = "Root-Secret-Kanchanaburi-2563";
    /** The password every test person gets. */
    public static final String PASSWORD = "Tested-Password-2563";

    /** UTF-8 bodies; multipart file names sent as browsers send them (UTF-8 bytes, not '?'). */
    private static final RestAssuredConfig UTF8 = RestAssuredConfig.config()
            .encoderConfig(EncoderConfig.encoderConfig().defaultContentCharset("UTF-8")
                    .appendDefaultContentCharsetToContentTypeIfUndefined(true))
            .httpClient(HttpClientConfig.httpClientConfig().httpMultipartMode(HttpMultipartMode.BROWSER_COMPATIBLE))
            .multiPartConfig(MultiPartConfig.multiPartConfig().defaultCharset("UTF-8"));

    private final String base;

    public Api(URL base) {
        String url = base.toExternalForm();
        this.base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String base() {
        return base;
    }

    /** A request with no credentials. */
    public RequestSpecification anonymous() {
        return given().config(UTF8).baseUri(base).basePath("/api/v1").contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    /** A request outside /api/v1 (health, openapi, metrics, verify). */
    public RequestSpecification root() {
        return given().config(UTF8).baseUri(base);
    }

    public RequestSpecification as(String token) {
        return anonymous().header("Authorization", "Bearer " + token);
    }

    public Response signIn(String email, String password) {
        return anonymous().body(Map.of("email", email, "password", password)).post("/auth/token");
    }

    /**
     * Signs in from another client address: the connection leaves from {@code local} (any 127.x.y.z works on Linux's
     * loopback) to the service on 127.0.0.1, so the service sees that address as the client's.
     */
    public Response signInFrom(String local, String email, String password) {
        return signInFrom(local, Map.of(), email, password);
    }

    /** The same, with headers (a reverse proxy's {@code X-Forwarded-For}). */
    public Response signInFrom(String local, Map<String, String> headers, String email, String password) {
        try {
            RestAssuredConfig from = UTF8.httpClient(HttpClientConfig.httpClientConfig()
                    .setParam("http.route.local-address", java.net.InetAddress.getByName(local)));
            URL service = new URL(base);
            return given().config(from).baseUri(service.getProtocol() + "://127.0.0.1:" + service.getPort() + service.getPath())
                    .basePath("/api/v1").contentType(ContentType.JSON).accept(ContentType.JSON).headers(headers)
                    .body(Map.of("email", email, "password", password)).post("/auth/token");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public String token(String email, String password) {
        return signIn(email, password).then().statusCode(200).extract().path("accessToken");
    }

    public String adminToken() {
        return token(ADMIN_EMAIL, ADMIN_PASSWORD);
    }
}
