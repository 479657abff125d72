package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.File;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The generated OpenAPI document describes every operation (a unique operationId, summary, schemas, success, errors as
 * problems, examples), names its server, and passes Spectral's OpenAPI ruleset without an error or a warning, so that
 * a client generator can use it as it is.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    static final Set<String> METHODS = Set.of("get", "post", "put", "delete");
    static final Set<String> PUBLIC = Set.of("/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/password-resets",
            "/api/v1/auth/company");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(OpenApiIT.class);
    }

    static boolean hasExamples(JsonObject schemas, JsonObject schema) {
        String ref = schema == null ? "" : schema.getString("$ref", "");
        JsonObject named = ref.isEmpty() ? null : schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
        return named != null && named.containsKey("properties") && named.getJsonObject("properties").values().stream()
                .anyMatch(p -> p.asJsonObject().containsKey("example") || p.asJsonObject().containsKey("examples"));
    }

    @Test
    void everyOperationIsDocumentedWithItsErrorsAndExamples() {
        HttpResponse<String> response = new Web().get("/openapi?format=JSON");
        assertEquals(200, response.statusCode());
        JsonObject document = Api.json(response);
        JsonObject schemas = document.getJsonObject("components").getJsonObject("schemas");
        List<String> gaps = new ArrayList<>();
        int operations = 0;
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            for (Map.Entry<String, JsonValue> entry : path.getValue().asJsonObject().entrySet()) {
                if (!METHODS.contains(entry.getKey())) {
                    continue;
                }
                operations++;
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                JsonObject operation = entry.getValue().asJsonObject();
                if (operation.getString("summary", "").isBlank() || operation.getString("description", "").isBlank()) {
                    gaps.add(name + ": no summary or description");
                }
                JsonObject responses = operation.getJsonObject("responses");
                if (responses.keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                    gaps.add(name + ": no success response");
                }
                List<String> errors = responses.keySet().stream().filter(code -> code.startsWith("4")).toList();
                if (errors.isEmpty()) {
                    gaps.add(name + ": no error responses");
                }
                for (String code : errors) {
                    JsonObject content = responses.getJsonObject(code).getJsonObject("content");
                    if (content == null || !content.containsKey("application/problem+json")) {
                        gaps.add(name + ": " + code + " is not a problem+json");
                    }
                }
                if (!PUBLIC.contains(path.getKey()) && (!responses.containsKey("401") || !operation.containsKey("security"))) {
                    gaps.add(name + ": needs a token but says nothing of it");
                }
                if (entry.getKey().equals("get") && !PUBLIC.contains(path.getKey()) && !responses.containsKey("304")) {
                    gaps.add(name + ": no 304 for an unchanged ETag");
                }
                for (String code : responses.keySet().stream().filter(c -> c.startsWith("2")).toList()) {
                    JsonObject content = responses.getJsonObject(code).getJsonObject("content");
                    JsonObject json = content == null ? null : content.getJsonObject("application/json");
                    if (json != null && !json.containsKey("example") && !json.containsKey("examples") && !hasExamples(schemas, json.getJsonObject("schema"))) {
                        gaps.add(name + ": " + code + " has no example");
                    }
                }
                if (operation.containsKey("requestBody")) {
                    String ref = operation.getJsonObject("requestBody").getJsonObject("content").getJsonObject("application/json")
                            .getJsonObject("schema").getString("$ref", "");
                    JsonObject schema = schemas.getJsonObject(ref.substring(ref.lastIndexOf('/') + 1));
                    boolean examples = schema != null && schema.getJsonObject("properties").values().stream()
                            .anyMatch(p -> p.asJsonObject().containsKey("example") || p.asJsonObject().containsKey("examples"));
                    if (!examples) {
                        gaps.add(name + ": request body " + ref + " has no examples");
                    }
                }
            }
        }
        assertTrue(operations >= 29, "all operations are in the document: " + operations);
        assertEquals(List.of(), gaps);
        assertTrue(document.getJsonObject("paths").getJsonObject("/api/v1/refreshers/answers").getJsonObject("post")
                .getJsonObject("responses").containsKey("422"), "a reused Idempotency-Key is documented");
    }

    @Test
    void everyOperationHasItsOwnIdAndTheServerIsNamed() {
        JsonObject document = Api.json(new Web().get("/openapi?format=JSON"));
        Map<String, String> owners = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, JsonValue> path : document.getJsonObject("paths").entrySet()) {
            path.getValue().asJsonObject().entrySet().stream().filter(entry -> METHODS.contains(entry.getKey())).forEach(entry -> {
                String name = entry.getKey().toUpperCase() + " " + path.getKey();
                String id = entry.getValue().asJsonObject().getString("operationId", "");
                if (!id.matches("[a-z]+[A-Za-z]*")) {
                    problems.add(name + ": operationId '" + id + "' is not camelCase verb and noun");
                }
                String other = owners.put(id, name);
                if (other != null) {
                    problems.add(name + ": operationId " + id + " is also " + other);
                }
            });
        }
        assertEquals(List.of(), problems);
        assertEquals("getMyPlan", document.getJsonObject("paths").getJsonObject("/api/v1/me/plan").getJsonObject("get").getString("operationId"));
        assertEquals("submitAttempt", document.getJsonObject("paths").getJsonObject("/api/v1/attempts/{id}/submit").getJsonObject("post")
                .getString("operationId"));
        assertFalse(document.getJsonArray("servers").isEmpty(), "the document names the server the paths are on");
        assertEquals("/", document.getJsonArray("servers").getJsonObject(0).getString("url"));
    }

    /**
     * Saves the document to target/openapi.yaml and lints it with Spectral ({@code @stoplight/spectral-cli}, rules in
     * src/test/openapi/spectral.yaml). Where the CLI is not installed the lint is skipped, except under CI (CI=true),
     * where .ci/run installs it and a missing CLI is a failure.
     */
    @Test
    void spectralFindsNothingToSay() throws IOException, InterruptedException {
        HttpResponse<String> response = new Web().get("/openapi");
        assertEquals(200, response.statusCode());
        Path saved = Path.of("target", "openapi.yaml");
        Files.writeString(saved, response.body(), StandardCharsets.UTF_8);
        String spectral = spectral();
        if (spectral == null) {
            assertFalse(Boolean.parseBoolean(System.getenv("CI")), "CI lints the OpenAPI document: npm install -g @stoplight/spectral-cli");
            assumeTrue(false, "Spectral is not installed (npm install -g @stoplight/spectral-cli); the document is in " + saved);
        }
        Path report = Path.of("target", "openapi-lint.txt");
        Process lint = new ProcessBuilder(spectral, "lint", "--ruleset", "src/test/openapi/spectral.yaml", "--fail-severity", "hint",
                "--format", "text", saved.toString())
                .redirectErrorStream(true).redirectOutput(report.toFile()).start();
        assertTrue(lint.waitFor(3, TimeUnit.MINUTES), "Spectral finished");
        String findings = Files.readString(report, StandardCharsets.UTF_8);
        assertEquals(0, lint.exitValue(), "Spectral's findings on " + saved + ":\n" + findings);
    }

    /** The Spectral CLI named by -Dspectral, or the first on the PATH. */
    private static String spectral() {
        String named = System.getProperty("spectral");
        if (named != null) {
            return named;
        }
        return Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .map(dir -> Path.of(dir, "spectral")).filter(Files::isExecutable).map(Path::toString).findFirst().orElse(null);
    }
}
