package org.everyoneserves.security.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.platform.api.Idempotency;
import org.everyoneserves.security.OidcSignIn;

/** The app's sign-in with the company's identity provider (RFC 8252), exchanged for the app's own tokens. */
@Path("auth/company")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in")
public class CompanySignInResource {

    @Inject
    OidcSignIn oidc;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(operationId = "getCompanySignIn", summary = "How to sign in with the company account",
            description = "The company's identity provider and the app's public client there, for the app's own authorisation code "
                    + "flow with PKCE in the system browser (RFC 8252).")
    @APIResponse(responseCode = "200", description = "Company sign-in is set up",
            content = @Content(schema = @Schema(implementation = CompanySignInConfiguration.class)))
    @APIResponse(responseCode = "404", description = "Company sign-in is not set up for the app")
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached; see Retry-After")
    public CompanySignInConfiguration configuration() {
        return CompanySignInConfiguration.of(oidc.appConfiguration());
    }

    @POST
    @Operation(operationId = "exchangeCompanyCode", summary = "Sign in with the company account",
            description = "Spends the provider's authorisation code with the app's PKCE verifier, validates the ID token (signature, "
                    + "issuer, the app's client as audience, times, nonce), finds the person (by the provider's subject, linked once by "
                    + "a verified e-mail) and opens a device sign-in, like auth/token. A deactivated person is refused.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing or malformed fields")
    @APIResponse(responseCode = "401", description = "The provider refused the code, the ID token failed validation, or the person is unknown or deactivated here")
    @APIResponse(responseCode = "404", description = "Company sign-in is not set up for the app")
    @APIResponse(responseCode = "503", description = "The identity provider cannot be reached; see Retry-After")
    public Response exchange(@NotNull @Valid CompanySignInRequest body,
                                  @Parameter(description = "The client's id of this request: the same sign-in retried after a lost answer replaces the first")
                                  @HeaderParam(Idempotency.HEADER) String writeId) {
        return TokensResource.noStore(TokenResponse.of(oidc.signInApp(body.code(), body.codeVerifier(), body.redirectUri(), body.nonce(),
                body.device(), request.getRemoteAddr(), writeId)));
    }
}
