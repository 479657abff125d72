package org.everyoneserves.refreshers.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.function.Function;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.api.StampedAnswers;
import org.everyoneserves.platform.api.StampedRead;
import org.everyoneserves.platform.api.Idempotency;
import org.everyoneserves.platform.api.Versions;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.refreshers.RefresherService;

/** Daily refreshers for the app: today's set, answers (also sent late from offline), and the daily size and holiday pause. */
@ApplicationScoped
@Path("refreshers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Refreshers")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid access token")
public class RefreshersResource implements StampedRead {

    static final String SETTINGS = "refreshers";

    @Inject
    Provider<Caller> caller;

    @Inject
    RefresherService refreshers;

    @Inject
    Idempotency idempotency;

    @Inject
    ChangeStamps stamps;

    @Inject
    StampedAnswers answers;

    @Context
    HttpHeaders headers;

    @GET
    @Path("today")
    @Operation(operationId = "getTodaysRefreshers",
            summary = "Today's refreshers", description = "The day's set of 3 to 5 items, drawn once a day from what is due "
            + "(wrong answers soon, right ones further apart, mastered ones never), with the streak and what improved this week. "
            + "Answered items carry their outcome. Paused: no items.")
    @APIResponse(responseCode = "200", description = "The day's set", content = @Content(schema = @Schema(implementation = TodayDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response getToday() {
        String basis = refreshers.todayBasis();
        EntityTag tag = todayTag(basis);
        if (ChangeStamps.unchanged(headers, tag)) {
            return Response.notModified(tag).build();
        }
        byte[] kept = answers.cached(tag.getValue());
        if (kept != null) {
            return StampedAnswers.ok(tag, kept);
        }
        TodayDetail today = today();
        EntityTag drawn = todayTag(basis);     // a set drawn just now counts in the stamps
        return StampedAnswers.ok(drawn, answers.keep(drawn, today));
    }

    @Override
    public String path() {
        return "refreshers/today";
    }

    @Override
    public EntityTag tag(Function<String, String> query) {
        return todayTag();
    }

    /** The tag of {@link #today()} as it is now, made without computing it. */
    public EntityTag todayTag() {
        return todayTag(refreshers.todayBasis());
    }

    private EntityTag todayTag(String basis) {
        long me = caller.get().personId();
        return ChangeStamps.tag("refreshers", me, stamps.of(me).refreshers(), basis);
    }

    public TodayDetail today() {
        return TodayDetail.of(refreshers.today(caller.get()));
    }

    @POST
    @Path("answers")
    @Operation(operationId = "answerRefresher",
            summary = "Answer a refresher", description = "Scores one item of a day's set and reschedules it. Answers taken "
            + "offline may be sent up to 7 days later with the set's day. Each item takes one answer per day.")
    @APIResponse(responseCode = "200", description = "The outcome, the right answer and when the item comes back",
            content = @Content(schema = @Schema(implementation = OutcomeDetail.class)))
    @APIResponse(responseCode = "400", description = "Missing fields, no answer, an answer that does not fit the item, or no Idempotency-Key")
    @APIResponse(responseCode = "404", description = "Not an item of the caller's set for that day")
    @APIResponse(responseCode = "409", description = "Already answered for that day, or the day is too far back")
    @APIResponse(responseCode = "422", description = "The Idempotency-Key was used for another request")
    public Response answer(@NotNull @Valid RefresherAnswerRequest body,
                           @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.get().personId(), key, "POST refreshers/answers " + body, () -> Response.ok(
                OutcomeDetail.of(refreshers.answer(caller.get(), body.day(), body.cardId(),
                        new Answer("", body.choices() == null ? List.of() : body.choices(), body.value())))).build());
    }

    @GET
    @Path("settings")
    @Operation(operationId = "getRefresherSettings",
            summary = "My refresher settings", description = "The daily size and the pause; the ETag is what PUT needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The settings", content = @Content(schema = @Schema(implementation = SettingsDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public Response settings() {
        SettingsDetail settings = SettingsDetail.of(refreshers.settings(caller.get()));
        return Response.ok(settings).tag(Versions.tag(SETTINGS, caller.get().personId(), settings.version())).build();
    }

    @PUT
    @Path("settings")
    @Operation(operationId = "updateRefresherSettings",
            summary = "Change my refresher settings", description = "Sets the daily size (3 to 5) and pauses until a day for holidays, "
            + "or resumes. Paused days draw no set and keep the streak.")
    @APIResponse(responseCode = "200", description = "The new settings", content = @Content(schema = @Schema(implementation = SettingsDetail.class)))
    @APIResponse(responseCode = "400", description = "A size outside 3 to 5, a pause in the past or longer than 92 days")
    @APIResponse(responseCode = "412", description = "Changed since the ETag sent in If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response changeSettings(@NotNull @Valid RefresherSettingsRequest body,
                                   @Parameter(description = "The ETag of the settings last read", required = true) @HeaderParam("If-Match") String ifMatch,
                                   @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        int expected = Versions.expected(ifMatch, SETTINGS, caller.get().personId());
        return idempotency.once(caller.get().personId(), key, "PUT refreshers/settings " + ifMatch + " " + body, () -> {
            SettingsDetail settings = SettingsDetail.of(refreshers.change(caller.get(), body.dailySize(), body.pausedUntil(), expected));
            return Response.ok(settings).tag(Versions.tag(SETTINGS, caller.get().personId(), settings.version())).build();
        });
    }
}
