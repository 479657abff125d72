package org.everyoneserves.security.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The answer of the company's identity provider to the app's own sign-in (authorisation code flow with PKCE, "
        + "RFC 8252): the code, and the verifier, redirect URI and nonce the app used to ask for it.")
public record CompanySignInRequest(
        @Schema(example = "SplxlOBeZQQYbYS6WxSbIA") @NotBlank @Size(max = 4000) String code,
        @Schema(description = "The PKCE code verifier whose S256 challenge the app sent", example = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk")
        @NotBlank @Size(min = 43, max = 128) String codeVerifier,
        @Schema(example = "org.everyoneserves.app:/oauth2redirect") @NotBlank @Size(max = 500) String redirectUri,
        @Schema(description = "The nonce the app sent; the ID token must carry it", example = "n-0S6_WzA2Mj") @NotBlank @Size(max = 200) String nonce,
        @Schema(example = "Noah's Pixel 8") @NotBlank @Size(max = 100) String device) {
}
