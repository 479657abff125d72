package org.everyoneserves.quizzes.api;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.everyoneserves.quizzes.Answer;

/** Request bodies of the attempts resource. */
public final class AttemptRequests {

    private AttemptRequests() {
    }

    @Schema(description = "Start (or continue) an attempt at a quiz.")
    public record Start(@Schema(example = "everyone-serves-quiz") @NotBlank @Size(max = 64) String quizCode) {
    }

    @Schema(description = "One answer: choices are the option indexes picked (single, multiple, scenario) or all item indexes in order "
            + "(ordering); value is for true/false. An empty answer skips the question.")
    public record AnswerLine(@Schema(example = "q3") @NotBlank @Size(max = 64) String questionId,
                             @Schema(example = "[1]") @Size(max = 20) List<Integer> choices,
                             @Schema(example = "true") Boolean value) {

        Answer toAnswer() {
            return new Answer(questionId, choices, value);
        }
    }

    @Schema(description = "Answers to keep (replacing earlier ones to the same questions), or to submit.")
    public record Answers(@Schema(example = "[{\"questionId\": \"q3\", \"choices\": [1]}, {\"questionId\": \"q7\", \"value\": false}]")
                          @NotNull @Size(max = 100) List<@Valid @NotNull AnswerLine> answers) {

        List<Answer> toAnswers() {
            return answers.stream().map(AnswerLine::toAnswer).toList();
        }
    }
}
