package org.everyoneserves.security.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.people.Person;

@Schema(description = "Sign in with the account's e-mail and password; name the device so the person recognises it in their devices list.")
public record TokenRequest(
        @Schema(example = "noah.fischer@brightwater.example") @NotBlank @Size(max = Person.EMAIL_MAXLENGTH) String email,
        @Schema(description = "The account's password", example = "three unrelated words here") @NotBlank @Size(max = 200) String password,
        @Schema(example = "Noah's Pixel 8") @NotBlank @Size(max = 100) String device) {
}
