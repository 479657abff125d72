package org.everyoneserves.security.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.security.OidcSignIn;

@Schema(description = "Where and how the app starts its own sign-in at the company's identity provider: open the authorisation "
        + "endpoint (a native app in the system browser, the web app at /app/ in its own window) with response_type=code, this client "
        + "id and scope, a redirect URI registered for this client (the web app: its own address, e.g. https://training.example.org/app/), "
        + "an S256 code challenge, a state and a nonce; then send the code to POST auth/company.")
public record CompanySignInConfiguration(
        @Schema(example = "https://login.brightwater.example/realms/everyoneserves") String issuer,
        @Schema(example = "https://login.brightwater.example/realms/everyoneserves/protocol/openid-connect/auth") String authorizationEndpoint,
        @Schema(description = "The app's public client at the provider", example = "everyone-serves-mobile") String clientId,
        @Schema(example = "openid email profile") String scope,
        @Schema(description = "The company's name, for the button", example = "Brightwater") String name,
        @Schema(description = "Whether everyone may also sign in with a password (auth/token); when false, only the named emergency "
                + "(break-glass) admins can") boolean localPasswords) {

    static CompanySignInConfiguration of(OidcSignIn.AppConfiguration c) {
        return new CompanySignInConfiguration(c.issuer(), c.authorizationEndpoint().toString(), c.clientId(), c.scope(), c.name(), c.localPasswords());
    }
}
