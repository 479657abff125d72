package org.everyoneserves.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;

/**
 * Documents, once for all, what the resources leave out: every error response is application/problem+json, and every
 * data write with a client id can answer 422 for an id reused for another request. (The token rotation takes a
 * client id too, but only to recognise its own retries.)
 */
public class OpenApiFilter implements OASFilter {

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
                operation.getResponses().getAPIResponses().forEach((code, response) -> {
                    if (code.startsWith("4") && response.getContent() == null) {
                        response.setContent(problem());
                    }
                });
            }
        }));
    }

    private static Content problem() {
        return OASFactory.createContent().addMediaType("application/problem+json",
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")));
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
