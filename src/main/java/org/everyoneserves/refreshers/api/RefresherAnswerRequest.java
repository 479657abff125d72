package org.everyoneserves.refreshers.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(description = "The answer to one item of a day's set. choices: the option indexes picked (single, multiple, scenario) or the "
        + "indexes in the order given (ordering); value: for true/false.")
public record RefresherAnswerRequest(
        @Schema(description = "The day of the set the item was shown in, also when the answer is sent later", example = "2026-12-01")
        @NotNull LocalDate day,
        @Schema(example = "1042") @NotNull Long cardId,
        @Schema(example = "[2]") @Size(max = 20) List<Integer> choices,
        @Schema(example = "true") Boolean value) {
}
