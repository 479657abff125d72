package org.everyoneserves.shadowing.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.shadowing.Friction;

/** Request bodies of the shadowing resource. */
public final class ShadowingRequests {

    private ShadowingRequests() {
    }

    @Schema(description = "Book a seat in a slot for a guide assigned to me.")
    public record Book(@Schema(example = "support-desk-shadowing") @NotBlank @Size(max = 64) String guide,
                       @Schema(example = "77") @NotNull Long slotId) {
    }

    @Schema(description = "Move my booking to another slot.")
    public record Move(@Schema(example = "78") @NotNull Long slotId) {
    }

    @Schema(description = "An improvement for a department, raised from a reflection.")
    public record Idea(@Schema(example = "Show the invoice number in the payment reminder") String title,
                       @Schema(example = "Customers call us to ask which invoice a reminder is about.") String description,
                       @Schema(example = "4") Long departmentId) {
    }

    @Schema(description = "My reflection on a session: an answer to each of the guide's questions, in order, the takeaway, "
            + "the friction I saw and any ideas.")
    public record Reflect(@Schema(example = "301") @NotNull Long bookingId,
                          @Schema(example = "[\"The customer had called twice already.\", \"A clear next step and a time.\"]")
                          @NotNull @Size(max = 20) List<@NotNull @Size(max = 4000) String> answers,
                          @Schema(example = "Say when we will call back, and do it.") @Size(max = 4000) String takeaway,
                          @Schema(example = "[\"WAITING\"]") @Size(max = 10) Set<@NotNull Friction> frictions,
                          @Size(max = 5) List<@Valid @NotNull Idea> ideas) {
    }
}
