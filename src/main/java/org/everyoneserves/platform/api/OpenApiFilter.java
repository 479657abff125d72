package org.everyoneserves.platform.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;

/**
 * Documents, once for all, what every data write with a client id can answer: 422 for an id reused for another
 * request. (The token rotation takes a client id too, but only to recognise its own retries.)
 */
public class OpenApiFilter implements OASFilter {

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        if (openAPI.getPaths() == null) {
            return;
        }
        openAPI.getPaths().getPathItems().forEach((path, item) -> {
            if (!path.contains("/auth/")) {
                item.getOperations().values().forEach(OpenApiFilter::documentReusedKey);
            }
        });
    }

    private static void documentReusedKey(Operation operation) {
        boolean idempotent = operation.getParameters() != null && operation.getParameters().stream()
                .anyMatch(p -> Idempotency.HEADER.equals(p.getName()));
        if (idempotent && operation.getResponses() != null && !operation.getResponses().hasAPIResponse("422")) {
            operation.getResponses().addAPIResponse("422", OASFactory.createAPIResponse()
                    .description("The Idempotency-Key was already used for a different request")
                    .content(OASFactory.createContent().addMediaType("application/problem+json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("Problem")))));
        }
    }
}
