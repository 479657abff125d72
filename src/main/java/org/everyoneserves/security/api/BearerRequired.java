package org.everyoneserves.security.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import java.util.List;
import org.everyoneserves.security.ApiCaller;

/**
 * Every API resource but signing in needs a valid access token, and says so before looking at the request: an
 * anonymous request with a bad body is a 401, not a 400 that tells what the body should be.
 */
@Provider
public class BearerRequired implements ContainerRequestFilter {

    static final List<String> PUBLIC = List.of("auth/token", "auth/refresh", "auth/password-resets", "auth/company");

    @Inject
    ApiCaller api;

    @Override
    public void filter(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        String path = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        if (!PUBLIC.contains(path)) {
            api.caller();
        }
    }
}
