package org.everyoneserves.quizzes.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.quizzes.QuizService;

@Path("quizzes/{code}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
@SecurityRequirement(name = "bearer")
public class QuizzesResource {

    @Inject
    Caller caller;

    @Inject
    QuizService quizzes;

    @GET
    @Operation(operationId = "getQuiz",
            summary = "A quiz before starting", description = "The rules (questions drawn, pass mark, attempts allowed), my past attempts "
            + "and an attempt left open. The questions come with an attempt (POST attempts), drawn for me and without the answer key, "
            + "so they can be answered offline and submitted later.")
    @APIResponse(responseCode = "200", description = "The quiz", content = @Content(schema = @Schema(implementation = QuizDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "401", description = "No valid access token")
    @APIResponse(responseCode = "404", description = "No current quiz with this code")
    public QuizDetail quiz(@Parameter(example = "everyone-serves-quiz") @PathParam("code") String code) {
        return QuizDetail.of(quizzes.intro(caller, code));
    }
}
