package org.everyoneserves.security.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.security.OidcSignIn;

@Schema(description = "Where and how the app starts its own sign-in at the company's identity provider: open the authorisation "
        + "endpoint in the system browser with response_type=code, this client id and scope, an S256 code challenge, a state and a nonce.")
public record CompanySignInConfiguration(
        @Schema(example = "https://login.brightwater.example/realms/everyoneserves") String issuer,
        @Schema(example = "https://login.brightwater.example/realms/everyoneserves/protocol/openid-connect/auth") String authorizationEndpoint,
        @Schema(description = "The app's public client at the provider", example = "everyone-serves-mobile") String clientId,
        @Schema(example = "openid email profile") String scope,
        @Schema(description = "The company's name, for the button", example = "Brightwater") String name) {

    static CompanySignInConfiguration of(OidcSignIn.AppConfiguration c) {
        return new CompanySignInConfiguration(c.issuer(), c.authorizationEndpoint().toString(), c.clientId(), c.scope(), c.name());
    }
}
