package org.everyoneserves.quizzes.api;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.Idempotency;
import org.everyoneserves.platform.api.Versions;
import org.everyoneserves.quizzes.QuizService;

/**
 * Quiz attempts for the app. Start online (the server draws the questions); answer offline, saving with If-Match;
 * submit when back online: the attempt is scored against the quiz version it showed, once.
 */
@Path("attempts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Learning")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid access token")
public class AttemptsResource {

    static final String RESOURCE = "attempt";

    @Inject
    Caller caller;

    @Inject
    QuizService quizzes;

    @Inject
    Idempotency idempotency;

    @POST
    @Operation(operationId = "startAttempt",
            summary = "Start an attempt", description = "Draws the questions for me from the current version of the quiz, or returns "
            + "the attempt I left open. The questions carry no answer key.")
    @APIResponse(responseCode = "201", description = "The attempt; its ETag is what saving answers needs in If-Match",
            content = @Content(schema = @Schema(implementation = AttemptDetail.class)))
    @APIResponse(responseCode = "400", description = "No quiz code or no Idempotency-Key")
    @APIResponse(responseCode = "404", description = "No current quiz with this code")
    @APIResponse(responseCode = "409", description = "No attempts left")
    public Response start(@NotNull @Valid AttemptRequests.Start body,
                          @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.personId(), key, "POST attempts " + body, () -> {
            long id = quizzes.start(caller, body.quizCode());
            return tagged(Response.created(URI.create("attempts/" + id)), quizzes.attempt(caller, id));
        });
    }

    @GET
    @Path("{id}")
    @Operation(operationId = "getAttempt",
            summary = "An attempt", description = "The questions as drawn for me, in order, with the answers saved so far.")
    @APIResponse(responseCode = "200", description = "The attempt", content = @Content(schema = @Schema(implementation = AttemptDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No attempt of mine with this id")
    public Response attempt(@Parameter(example = "311") @PathParam("id") long id) {
        return tagged(Response.ok(), quizzes.attempt(caller, id));
    }

    @PUT
    @Path("{id}")
    @Operation(operationId = "saveAttemptAnswers",
            summary = "Save answers", description = "Keeps these answers, replacing earlier ones to the same questions. Needs the attempt's "
            + "ETag in If-Match, so that answers saved from another device are never silently overwritten.")
    @APIResponse(responseCode = "200", description = "The attempt with the answers kept; a new ETag",
            content = @Content(schema = @Schema(implementation = AttemptDetail.class)))
    @APIResponse(responseCode = "400", description = "An answer to a question not shown, or that does not fit its question")
    @APIResponse(responseCode = "404", description = "No attempt of mine with this id")
    @APIResponse(responseCode = "409", description = "The attempt was submitted")
    @APIResponse(responseCode = "412", description = "Changed since the ETag sent in If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response save(@PathParam("id") long id, @NotNull @Valid AttemptRequests.Answers body,
                         @Parameter(description = "The ETag of the attempt last read", required = true) @HeaderParam("If-Match") String ifMatch,
                         @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        int expected = Versions.expected(ifMatch, RESOURCE, id);
        return idempotency.once(caller.personId(), key, "PUT attempts/" + id + " " + ifMatch + " " + body, () -> {
            quizzes.save(caller, id, body.toAnswers(), expected);
            return tagged(Response.ok(), quizzes.attempt(caller, id));
        });
    }

    @POST
    @Path("{id}/submit")
    @Operation(operationId = "submitAttempt",
            summary = "Submit an attempt", description = "Saves these last answers and scores the attempt against the version it showed, "
            + "once. Sent again with the same Idempotency-Key, it returns the same result; a second submission is a conflict.")
    @APIResponse(responseCode = "200", description = "The result, with the right answers and explanations",
            content = @Content(schema = @Schema(implementation = ResultDetail.class)))
    @APIResponse(responseCode = "400", description = "An answer that does not fit, or no Idempotency-Key")
    @APIResponse(responseCode = "404", description = "No attempt of mine with this id")
    @APIResponse(responseCode = "409", description = "Already submitted")
    public Response submit(@PathParam("id") long id, @NotNull @Valid AttemptRequests.Answers body,
                           @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.personId(), key, "POST attempts/" + id + "/submit " + body,
                () -> Response.ok(ResultDetail.of(quizzes.result(caller, quizzes.submit(caller, id, body.toAnswers())))).build());
    }

    @GET
    @Path("{id}/result")
    @Operation(operationId = "getAttemptResult",
            summary = "The result of a submitted attempt", description = "Score, pass or fail, the right answers and what to review.")
    @APIResponse(responseCode = "200", description = "The result", content = @Content(schema = @Schema(implementation = ResultDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No submitted attempt of mine with this id")
    public ResultDetail result(@PathParam("id") long id) {
        quizzes.attempt(caller, id);
        return ResultDetail.of(quizzes.result(caller, id));
    }

    private static Response tagged(Response.ResponseBuilder response, QuizService.AttemptView view) {
        AttemptDetail attempt = AttemptDetail.of(view);
        return response.entity(attempt).tag(Versions.tag(RESOURCE, attempt.id(), attempt.version())).build();
    }
}
