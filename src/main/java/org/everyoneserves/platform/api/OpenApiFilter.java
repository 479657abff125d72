package org.everyoneserves.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.MediaType;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.everyoneserves.platform.JsonbResolver;

/**
 * Documents, once for all, what the resources leave out: every error response is application/problem+json; every
 * data write with a client id can answer 422 for an id reused for another request (the token rotation takes a client
 * id too, but only to recognise its own retries); and the answers whose schemas are the services' own views get an
 * example, taken from the demo company, from {@code openapi-examples.json}.
 */
public class OpenApiFilter implements OASFilter {

    @SuppressWarnings("unchecked")
    private static final Map<String, Object> EXAMPLES = JsonbResolver.shared().fromJson(
            OpenApiFilter.class.getResourceAsStream("openapi-examples.json"), LinkedHashMap.class);

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> item.getOperations().values().forEach(operation -> {
            if (!path.contains("/auth/")) {
                documentReusedKey(operation);
            }
            if (operation.getResponses() != null) {
                documentRetryLater(operation);
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("4") && response.getContent() == null) {
                        response.setContent(problem());
                    }
                    if (code.startsWith("2")) {
                        example(response.getContent());
                    }
                });
            }
        }));
    }

    private static void example(Content content) {
        MediaType json = content == null ? null : content.getMediaType("application/json");
        if (json == null || json.getSchema() == null || json.getExample() != null) {
            return;
        }
        Schema schema = json.getSchema();
        String name = schema.getRef() != null ? schema.getRef()
                : schema.getItems() != null && schema.getItems().getRef() != null ? schema.getItems().getRef() + "[]" : null;
        Object example = name == null ? null : EXAMPLES.get(name.substring(name.lastIndexOf('/') + 1));
        if (example != null) {
            json.setExample(example);
        }
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
    }

    /** Any request can be over the rate limit (429) or meet a database that cannot be reached (503). */
    private static void documentRetryLater(Operation operation) {
        retryLater(operation, "429", "Too many requests from this device (or address, without a token): see Retry-After");
        retryLater(operation, "503", "The database cannot be reached just now: try again after Retry-After");
    }

    private static void retryLater(Operation operation, String status, String description) {
        APIResponse response = operation.getResponses().getAPIResponse(status);
        if (response == null) {
            response = OASFactory.createAPIResponse().description(description).content(problem());
            operation.getResponses().addAPIResponse(status, response);
        }
        response.addHeader("Retry-After", OASFactory.createHeader().description("Seconds to wait before sending the request again")
                .schema(OASFactory.createSchema().addType(Schema.SchemaType.INTEGER).minimum(java.math.BigDecimal.ONE)));
    }

    private static void documentReusedKey(Operation operation) {
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> Idempotency.HEADER.equals(p.getName()));
        if (idempotent && operation.getResponses() != null && !operation.getResponses().hasAPIResponse("422")) {
            operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                    .description("The Idempotency-Key was already used for a different request")
                    .content(problem()));
        }
    }
}
