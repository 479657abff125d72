package org.everyoneserves.people.api;

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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import java.util.function.Function;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.api.StampedAnswers;
import org.everyoneserves.platform.api.StampedRead;

@ApplicationScoped
@Path("me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me")
@SecurityRequirement(name = "bearer")
public class MeResource implements StampedRead {

    @Inject
    Provider<Caller> caller;

    @Inject
    PersonService people;

    @Inject
    ChangeStamps stamps;

    @Inject
    StampedAnswers answers;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "getMe",
            summary = "Who I am", description = "The signed-in person, their team and roles, and the language texts come in.")
    @APIResponse(responseCode = "200", description = "The person", content = @Content(schema = @Schema(implementation = MeDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "401", description = "No valid access token")
    public Response get() {
        return answers.answer(headers, tag(), this::me);
    }

    @Override
    public String path() {
        return "me";
    }

    @Override
    public EntityTag tag(Function<String, String> query) {
        return tag();
    }

    /** The tag of {@link #me()} as it is now, made without computing it. */
    public EntityTag tag() {
        Caller me = caller.get();
        return ChangeStamps.tag("me", me.personId(), stamps.of(me.personId()).me(), me.admin() ? "a" : "", me.manager() ? "m" : "");
    }

    public MeDetail me() {
        Caller me = caller.get();
        return MeDetail.of(people.me(me), me);
    }
}
