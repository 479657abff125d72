package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The generated OpenAPI document describes every operation: summary, schemas, success, errors as problems, examples. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class OpenApiIT {

    static final Set<String> PUBLIC = Set.of("/api/v1/auth/token", "/api/v1/auth/refresh", "/api/v1/auth/password-resets");

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
                if (!Set.of("get", "post", "put", "delete").contains(entry.getKey())) {
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
}
