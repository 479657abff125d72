package org.everyoneserves.security.api;

import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.ext.Provider;
import org.everyoneserves.security.ApiRateLimit;

/**
 * Every API request, matched or not, spends one request of its device's allowance (of its address's, without a valid
 * token); over it, the answer is 429 problem+json with Retry-After. See {@link ApiRateLimit}.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class RateLimited implements ContainerRequestFilter {

    @Inject
    ApiRateLimit limit;

    @Override
    public void filter(ContainerRequestContext request) {
        limit.check(request.getUriInfo().getPath()).ifPresent(request::abortWith);
    }
}
