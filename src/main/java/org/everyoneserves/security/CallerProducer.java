package org.everyoneserves.security;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import org.everyoneserves.platform.Caller;

/**
 * Produces the {@link Caller} of this request, once: the holder of the access token on the API, the signed-in person
 * on pages. Pages, resources and servlets inject {@code Caller} (view-scoped beans, servlets and application-scoped
 * resources a {@code Provider<Caller>}, since they outlive the request) and never ask security how it was found. The
 * API's busiest reads are application-scoped resources: a request-scoped resource is made, injected and validated by
 * RESTEasy again on every request.
 *
 * <p>Without a valid token the API answers 401 saying why; a page without a signed-in person gets 403 (pages under
 * /learner, /manager, /admin and /account are only reachable signed in).
 */
@RequestScoped
public class CallerProducer {

    @Inject
    HttpServletRequest request;

    @Inject
    ApiCaller api;

    @Inject
    CurrentUser pages;

    private Caller caller;

    @Produces
    @Dependent
    Caller caller() {
        if (caller == null) {
            caller = AppAuthenticationMechanism.isApi(request) ? api.caller() : pages.caller();
        }
        return caller;
    }
}
