package org.everyoneserves.security.api;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.people.Person;

@Schema(description = "Ask for a password reset link for the account with this e-mail address.")
public record PasswordResetRequest(
        @Schema(example = "noah.fischer@brightwater.example")
        @NotBlank @Email @Size(max = Person.EMAIL_MAXLENGTH) String email) {
}
