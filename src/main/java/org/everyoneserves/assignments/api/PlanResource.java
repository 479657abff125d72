package org.everyoneserves.assignments.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.function.Function;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.AssignmentService;
import org.everyoneserves.assignments.Plan;
import org.everyoneserves.assignments.PlanItem;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.api.StampedAnswers;
import org.everyoneserves.platform.api.StampedRead;

@ApplicationScoped
@Path("me/plan")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
public class PlanResource implements StampedRead {

    @Schema(description = "One item of the plan. resource is where the app reads it: modules/{code}, quizzes/{code} or shadowing/slots?guide={code}.")
    public record PlanLine(@Schema(example = "5120") long assignmentId, @Schema(example = "QUIZ") Assignment.Kind kind,
                           @Schema(example = "everyone-serves-quiz") String code, @Schema(example = "Everyone serves: check yourself") String title,
                           LocalDate dueOn, @Schema(example = "DUE_SOON") PlanItem.State status, @Schema(example = "ONBOARDING") Assignment.Reason reason,
                           Instant completedAt, @Schema(example = "quizzes/everyone-serves-quiz") String resource) {

        static PlanLine of(PlanItem i) {
            String resource = switch (i.kind()) {
                case MODULE -> "modules/" + i.code();
                case QUIZ -> "quizzes/" + i.code();
                case GUIDE -> "shadowing/slots?guide=" + i.code();
            };
            return new PlanLine(i.assignmentId(), i.kind(), i.code(), i.title(), i.dueOn(), i.state(), i.reason(), i.completedAt(), resource);
        }
    }

    @Schema(description = "My plan: what is to do (overdue first), coming up, paused and done, and my progress.")
    public record PlanDetail(List<PlanLine> items, @Schema(example = "12") int required, @Schema(example = "7") int completed,
                             @Schema(description = "Present in the first three months") Plan.Onboarding onboarding) {
    }

    @Inject
    Provider<Caller> caller;

    @Inject
    AssignmentService assignments;

    @Inject
    ChangeStamps stamps;

    @Inject
    StampedAnswers answers;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "getMyPlan",
            summary = "My plan", description = "Every assignment with its due date and status, to do first, then coming up, paused and done.")
    @APIResponse(responseCode = "200", description = "The plan", content = @Content(schema = @Schema(implementation = PlanDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "401", description = "No valid access token")
    public Response get() {
        return answers.answer(headers, tag(), this::plan);
    }

    @Override
    public String path() {
        return "me/plan";
    }

    @Override
    public EntityTag tag(Function<String, String> query) {
        return tag();
    }

    /** The tag of {@link #plan()} as it is now, made without computing it. */
    public EntityTag tag() {
        long me = caller.get().personId();
        return ChangeStamps.tag("plan", me, stamps.of(me).plan(), assignments.planBasis());
    }

    public PlanDetail plan() {
        Caller me = caller.get();
        Plan plan = assignments.plan(me, me.personId());
        List<PlanLine> items = Stream.of(plan.toDo(), plan.upcoming(), plan.paused(), plan.done()).flatMap(List::stream).map(PlanLine::of).toList();
        return new PlanDetail(items, plan.required(), plan.completed(), plan.onboarding());
    }
}
