package org.everyoneserves.testing;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;

/**
 * A mobile-app client of the JSON API: signs in for tokens and sends them as a bearer, with a fresh Idempotency-Key
 * on every write unless the test gives one.
 */
public final class Api {

    public static final String V1 = "/api/v1";

    private final Web web = new Web();
    private final String base;
    private String accessToken;
    private String refreshToken;

    public Api() {
        this(Web.BASE);
    }

    public Api(String base) {
        this.base = base;
    }

    /** Signs in as the person, or fails the test. */
    public static Api signedIn(String email) {
        Api api = new Api();
        api.signIn(email, Web.DEMO_PASSWORD);
        return api;
    }

    public HttpResponse<String> signIn(String email, String password) {
        HttpResponse<String> response = post("/auth/token", "{\"email\":" + quote(email) + ",\"password\":" + quote(password)
                + ",\"device\":\"Test phone\"}", null);
        if (response.statusCode() == 200) {
            tokens(json(response));
        } else if (password.equals(Web.DEMO_PASSWORD)) {
            throw new AssertionError("sign-in of " + email + " failed: " + response.body());
        }
        return response;
    }

    public HttpResponse<String> refresh(String key) {
        HttpResponse<String> response = post("/auth/refresh", "{\"refreshToken\":" + quote(refreshToken) + "}", key);
        if (response.statusCode() == 200) {
            tokens(json(response));
        }
        return response;
    }

    private void tokens(JsonObject body) {
        accessToken = body.getString("accessToken");
        refreshToken = body.getString("refreshToken");
    }

    public String accessToken() { return accessToken; }
    public String refreshToken() { return refreshToken; }
    public void accessToken(String token) { this.accessToken = token; }
    public void refreshToken(String token) { this.refreshToken = token; }

    public Api anonymous() {
        Api copy = new Api(base);
        return copy;
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET());
    }

    public HttpResponse<String> get(String path, String ifNoneMatch) {
        return send(request(path).header("If-None-Match", ifNoneMatch).GET());
    }

    /** A write with a new client id. */
    public HttpResponse<String> post(String path, String json) {
        return post(path, json, UUID.randomUUID().toString());
    }

    public HttpResponse<String> post(String path, String json, String key) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json == null ? "" : json));
        return send(key == null ? request : request.header("Idempotency-Key", key));
    }

    public HttpResponse<String> put(String path, String json, String ifMatch, String key) {
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json));
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        return send(key == null ? request : request.header("Idempotency-Key", key));
    }

    public HttpResponse<String> delete(String path, String key) {
        HttpRequest.Builder request = request(path).DELETE();
        return send(key == null ? request : request.header("Idempotency-Key", key));
    }

    public HttpResponse<String> send(HttpRequest.Builder request) {
        return web.send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(base + V1 + path)).header("Accept", "application/json");
        return accessToken == null ? builder : builder.header("Authorization", "Bearer " + accessToken);
    }

    public static JsonObject json(HttpResponse<String> response) {
        return (JsonObject) parse(response.body());
    }

    public static JsonStructure parse(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.read();
        }
    }

    public static String quote(String text) {
        return text == null ? "null" : Json.createValue(text).toString();
    }
}
