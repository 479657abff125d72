package org.everyoneserves.security.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "Spend a refresh token for a new pair of tokens.")
public record RefreshRequest(@Schema(example = "m1nq3Yb0Qx3w8r1ZyHfzv2s8tTq9cH5sJqQmWm3m3n8") @NotBlank @Size(max = 100) String refreshToken) {
}
