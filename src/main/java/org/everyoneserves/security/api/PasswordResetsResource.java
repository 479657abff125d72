package org.everyoneserves.security.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.security.AccountService;

/** "Forgot your password?" for the mobile app: the same rules as the page. */
@Path("auth/password-resets")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in")
public class PasswordResetsResource {

    @Inject
    AccountService accounts;

    @Context
    HttpServletRequest request;

    @POST
    @Operation(operationId = "requestPasswordReset", summary = "Ask for a password reset link",
            description = "Always answers 202, whether or not the e-mail belongs to an active account, so the answer tells nobody which "
                    + "addresses are registered. The link goes out by e-mail only (never in an answer), at most 3 times an hour per account "
                    + "and 20 times an hour per client address; an installation without e-mail sends nothing and the person asks an admin.")
    @APIResponse(responseCode = "202", description = "If the account exists, a reset link is on its way")
    @APIResponse(responseCode = "400", description = "Missing or malformed e-mail, or a body that is not JSON")
    public Response request(@NotNull @Valid PasswordResetRequest body) {
        accounts.requestReset(body.email(), request.getRemoteAddr());
        return Response.accepted().build();
    }
}
