package org.everyoneserves.security.api;

import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.platform.api.Idempotency;
import org.everyoneserves.platform.api.Params;
import org.everyoneserves.security.ApiCaller;
import org.everyoneserves.security.TokenService;

/** Sign-in, token rotation and sign-out for the mobile app. */
@Path("auth")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sign-in")
@SecurityScheme(securitySchemeName = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
        description = "The access token from auth/token or auth/refresh")
public class TokensResource {

    @Inject
    TokenService tokens;

    @Inject
    ApiCaller api;

    @Context
    HttpServletRequest request;

    @POST
    @Path("token")
    @Operation(operationId = "issueTokens",
            summary = "Sign in", description = "Checks e-mail and password with the same throttling as the web sign-in "
            + "(after 3 failures for one account from one address, each further try from there waits: 10 s, doubling up to 15 minutes; "
            + "other addresses are not slowed) and opens a device sign-in that lasts at most 30 days. The answer carries Cache-Control: no-store. "
            + "Sent again with the same Idempotency-Key within a minute, it replaces the first sign-in, whose answer never arrived.")
    @APIResponse(responseCode = "200", description = "Signed in", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing fields")
    @APIResponse(responseCode = "401", description = "E-mail and password do not match an active account")
    @APIResponse(responseCode = "429", description = "Too many failed sign-ins for this account from this address; see Retry-After")
    public Response token(@NotNull @Valid TokenRequest body,
                               @Parameter(description = "The client's id of this request: the same sign-in retried after a lost answer replaces the first")
                               @HeaderParam(Idempotency.HEADER) String writeId) {
        return noStore(TokenResponse.of(tokens.signIn(body.email(), body.password(), body.device(), request.getRemoteAddr(), writeId)));
    }

    @POST
    @Path("refresh")
    @Operation(operationId = "refreshTokens",
            summary = "Rotate the tokens", description = "Spends the refresh token and returns a new pair. A refresh token "
            + "used a second time signs the device out everywhere it is used (it was copied), except the same request retried "
            + "with the same Idempotency-Key within a minute, whose lost answer is replaced by a new pair.")
    @APIResponse(responseCode = "200", description = "New tokens", content = @Content(schema = @Schema(implementation = TokenResponse.class)))
    @APIResponse(responseCode = "400", description = "Missing refresh token")
    @APIResponse(responseCode = "401", description = "Unknown, expired, revoked or reused refresh token: sign in again")
    public Response refresh(@NotNull @Valid RefreshRequest body,
                                 @Parameter(description = "The client's id of this request, to retry it safely") @HeaderParam(Idempotency.HEADER) String writeId) {
        return noStore(TokenResponse.of(tokens.refresh(body.refreshToken(), writeId, request.getRemoteAddr())));
    }

    /** Tokens are secrets: no cache, shared or private, may keep the answer (RFC 6749 5.1). */
    static Response noStore(TokenResponse tokens) {
        return Response.ok(tokens).header("Cache-Control", "no-store").header("Pragma", "no-cache").build();
    }

    @POST
    @Path("logout")
    @Consumes(MediaType.WILDCARD)
    @SecurityRequirement(name = "bearer")
    @Operation(operationId = "revokeTokens",
            summary = "Sign out", description = "Revokes this device's access and refresh tokens at once; with everywhere=true, those of every device of the person.")
    @APIResponse(responseCode = "204", description = "Signed out")
    @APIResponse(responseCode = "400", description = "everywhere is not true or false")
    @APIResponse(responseCode = "401", description = "No valid access token")
    public Response logout(@Parameter(description = "true: every device of mine", example = "false") @QueryParam("everywhere") String everywhere) {
        tokens.signOut(api.caller(), api.sessionId(), Params.bool("everywhere", everywhere));
        return Response.noContent().build();
    }
}
