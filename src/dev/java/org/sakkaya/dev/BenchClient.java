package org.sakkaya.dev;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The little HTTP client the benchmarks share: JSON calls with a bearer token, and percentiles. */
final class BenchClient {
    static final String DEMO_PASSWORD = "Sakkaya-Demo-2563";
    static final String DEPARTMENT_OF_HEALTH = "0174e1e3-3d00-7001-8000-000000000002";
    private static final Pattern ID = Pattern.compile("\"id\":\"([^\"]+)\"");
    private static final Pattern TOKEN = Pattern.compile("\"accessToken\":\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;

    BenchClient(String base) {
        this(base, HttpClient.Version.HTTP_2);
    }

    /**
     * With {@code HTTP_1_1} every concurrent request has a connection of its own, as many users' browsers have; with
     * the default ({@code HTTP_2}, which the service accepts as h2c) one connection carries them all as streams.
     */
    BenchClient(String base, HttpClient.Version version) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(version).connectTimeout(Duration.ofSeconds(10)).build();
    }

    String base() {
        return base;
    }

    HttpClient http() {
        return http;
    }

    static double pct(List<Long> nanos, int percentile) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        int index = Math.min(sorted.size() - 1, (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1);
        return sorted.get(Math.max(0, index)) / 1e6;
    }

    String token(String email, String password) throws Exception {
        Matcher m = TOKEN.matcher(send(null, "POST", "/auth/token", "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}"));
        if (!m.find()) {
            throw new IllegalStateException("Cannot sign in as " + email);
        }
        return m.group(1);
    }

    String post(String token, String path, String json) throws Exception {
        return send(token, "POST", path, json);
    }

    static String id(String json) {
        Matcher m = ID.matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("No id in " + json);
        }
        return m.group(1);
    }

    String send(String token, String method, String path, String json) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/v1" + path)).timeout(Duration.ofSeconds(60))
                .header("Accept", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json; charset=UTF-8");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
