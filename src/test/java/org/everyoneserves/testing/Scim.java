package org.everyoneserves.testing;

import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.openqa.selenium.support.ui.Select;

/** An identity provider's side of SCIM for client tests: its token made by an admin on the page, and its requests. */
public final class Scim {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Scim() {
    }

    /**
     * Makes a provider on Admin → Identity provisioning, in a browser signed in as an admin, and returns the token shown
     * once.
     *
     * @param groupTarget {@code DEPARTMENT} or {@code JOB_ROLE}
     */
    public static String createProvider(Browser browser, String name, String groupTarget) {
        browser.open("/admin/provisioning.xhtml");
        browser.type("newProvider:name", name);
        new Select(browser.find("newProvider:groupTarget")).selectByValue(groupTarget);
        browser.clickAndWait("newProvider:create");
        String token = browser.text("token");
        assertTrue(token.length() >= 60, token);
        return token;
    }

    /** A request to /scim/v2 with the provider's token (none when null). */
    public static HttpResponse<String> send(String token, String method, String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Web.BASE + "/scim/v2" + path))
                .header("Accept", "application/scim+json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            request.header("Content-Type", "application/scim+json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static JsonObject json(HttpResponse<String> response) {
        try (var reader = Json.createReader(new StringReader(response.body()))) {
            return reader.readObject();
        }
    }
}
