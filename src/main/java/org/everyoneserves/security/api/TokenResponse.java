package org.everyoneserves.security.api;

import java.time.Instant;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.security.TokenService;

@Schema(description = "A new pair of tokens. Send the access token as 'Authorization: Bearer <accessToken>'; before it expires, "
        + "spend the refresh token at auth/refresh. Each refresh token works once.")
public record TokenResponse(
        @Schema(example = "x9Wc2b1mZ0qV7fA3kT5uR8pL4nE6hJ2sD1gY0oI9cQw") String accessToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "Seconds until the access token expires", example = "900") long expiresIn,
        Instant accessExpiresAt,
        @Schema(example = "m1nq3Yb0Qx3w8r1ZyHfzv2s8tTq9cH5sJqQmWm3m3n8") String refreshToken,
        @Schema(description = "The sign-in's absolute end: after it, sign in again") Instant refreshExpiresAt,
        @Schema(description = "This device sign-in, as listed on the devices page") long deviceId) {

    static TokenResponse of(TokenService.Issued issued) {
        return new TokenResponse(issued.accessToken(), "Bearer", java.time.Duration.between(issued.issuedAt(), issued.accessExpiresAt()).toSeconds(),
                issued.accessExpiresAt(), issued.refreshToken(), issued.refreshExpiresAt(), issued.sessionId());
    }
}
