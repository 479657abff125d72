package org.everyoneserves.shadowing.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.api.Idempotency;
import org.everyoneserves.platform.api.StampedAnswers;
import org.everyoneserves.platform.api.Versions;
import org.everyoneserves.shadowing.BookingPhases;
import org.everyoneserves.shadowing.ShadowingService;

/** Shadowing for the app: slots to book, my bookings (book, move, cancel) and my reflections. */
@ApplicationScoped
@Path("shadowing")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Shadowing")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid access token")
public class ShadowingResource {

    static final String BOOKING = "booking";

    @Inject
    Provider<Caller> caller;

    @Inject
    ShadowingService shadowing;

    @Inject
    Idempotency idempotency;

    @Inject
    ChangeStamps stamps;

    @Inject
    StampedAnswers answers;

    @Inject
    Clock clock;

    @Inject
    BookingPhases phases;

    @GET
    @Path("slots")
    @Operation(operationId = "getShadowingSlots",
            summary = "A guide and its slots", description = "What to watch for, the reflection questions, my booking and past "
            + "sessions, and the upcoming slots with a free seat I can book (only while the guide is assigned to me).")
    @APIResponse(responseCode = "200", description = "The guide", content = @Content(schema = @Schema(implementation = GuideDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "No guide given")
    @APIResponse(responseCode = "404", description = "No current guide with this code")
    public GuideDetail slots(@Parameter(description = "The guide's code", example = "support-desk-shadowing", required = true)
                                           @QueryParam("guide") String guide) {
        if (guide == null || guide.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "error.badParameter", "guide", "a guide's code");
        }
        return GuideDetail.of(shadowing.guide(caller.get(), guide));
    }

    @GET
    @Path("bookings")
    @Operation(operationId = "listBookings",
            summary = "My bookings", description = "Every booking of mine, newest first: booked, attended, cancelled, with reflections.")
    @APIResponse(responseCode = "200", description = "The bookings", content = @Content(schema = @Schema(implementation = BookingSummary[].class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    public List<BookingSummary> bookings() {
        return shadowing.bookings(caller.get()).stream().map(BookingSummary::of).toList();
    }

    /**
     * The tag of {@link #bookings()} as it is now, for sync: the person's change stamp of bookings, the catalog
     * generation and how many of their bookings' slots have started. Made without computing the answer when this
     * server has computed it at the same stamp before; otherwise computed once here and kept under the tag.
     */
    public EntityTag bookingsTag() {
        long me = caller.get().personId();
        String stamp = stamps.of(me).bookings();
        long basis = shadowing.bookingsBasis();
        Instant now = clock.instant();
        Integer started = phases.started(me, stamp, now);
        if (started != null) {
            return ChangeStamps.tag("bookings", me, stamp, basis, started);
        }
        List<BookingSummary> answer = bookings();
        started = phases.remember(me, stamp, answer.stream().map(b -> b.slot().startsAt()).toList(), now);
        EntityTag tag = ChangeStamps.tag("bookings", me, stamp, basis, started);
        answers.keep(tag, answer);
        return tag;
    }

    @GET
    @Path("bookings/{id}")
    @Operation(operationId = "getBooking", summary = "One of my bookings", description = "Its ETag is what moving it needs in If-Match.")
    @APIResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingSummary.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No booking of mine with this id")
    public Response booking(@PathParam("id") long id) {
        return tagged(Response.ok(), shadowing.booking(caller.get(), id));
    }

    @POST
    @Path("bookings")
    @Operation(operationId = "createBooking",
            summary = "Book a seat", description = "Takes a seat in the slot for a guide assigned to me; two people never get the last seat.")
    @APIResponse(responseCode = "201", description = "Booked", content = @Content(schema = @Schema(implementation = BookingSummary.class)))
    @APIResponse(responseCode = "400", description = "Missing fields or no Idempotency-Key")
    @APIResponse(responseCode = "404", description = "No such guide or slot")
    @APIResponse(responseCode = "409", description = "Not assigned, already booked, the slot is full, started or not for this guide")
    public Response book(@NotNull @Valid ShadowingRequests.Book body,
                         @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.get().personId(), key, "POST shadowing/bookings " + body, () -> {
            long id = shadowing.book(caller.get(), body.guide(), body.slotId());
            return tagged(Response.created(URI.create("shadowing/bookings/" + id)), shadowing.booking(caller.get(), id));
        });
    }

    @PUT
    @Path("bookings/{id}")
    @Operation(operationId = "moveBooking",
            summary = "Move my booking", description = "To another slot, before the booked one starts. Needs the booking's ETag in If-Match.")
    @APIResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = BookingSummary.class)))
    @APIResponse(responseCode = "400", description = "A malformed body or no Idempotency-Key")
    @APIResponse(responseCode = "404", description = "No booking of mine with this id, or no such slot")
    @APIResponse(responseCode = "409", description = "Cancelled, started, or the new slot is full")
    @APIResponse(responseCode = "412", description = "Changed since the ETag sent in If-Match")
    @APIResponse(responseCode = "428", description = "No If-Match")
    public Response move(@PathParam("id") long id, @NotNull @Valid ShadowingRequests.Move body,
                         @Parameter(description = "The ETag of the booking last read", required = true) @HeaderParam("If-Match") String ifMatch,
                         @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        int expected = Versions.expected(ifMatch, BOOKING, id);
        return idempotency.once(caller.get().personId(), key, "PUT shadowing/bookings/" + id + " " + ifMatch + " " + body, () -> {
            shadowing.move(caller.get(), id, body.slotId(), expected);
            return tagged(Response.ok(), shadowing.booking(caller.get(), id));
        });
    }

    @DELETE
    @Path("bookings/{id}")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "cancelBooking", summary = "Cancel my booking", description = "Before the slot starts; the seat is free again at once.")
    @APIResponse(responseCode = "204", description = "Cancelled")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key")
    @APIResponse(responseCode = "404", description = "No booking of mine with this id")
    @APIResponse(responseCode = "409", description = "Already cancelled, or the slot has started")
    public Response cancel(@PathParam("id") long id,
                           @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.get().personId(), key, "DELETE shadowing/bookings/" + id, () -> {
            shadowing.cancel(caller.get(), id);
            return Response.noContent().build();
        });
    }

    @POST
    @Path("reflections")
    @Operation(operationId = "createReflection",
            summary = "Reflect on a session", description = "Once the session has started: answers to the guide's questions, the "
            + "takeaway, friction seen and ideas for departments. One reflection per booking.")
    @APIResponse(responseCode = "201", description = "Kept", content = @Content(schema = @Schema(implementation = ReflectionDetail.class)))
    @APIResponse(responseCode = "400", description = "Missing or too long answers, an unknown friction tag, a bad idea")
    @APIResponse(responseCode = "404", description = "No booking of mine with this id")
    @APIResponse(responseCode = "409", description = "Not started, cancelled, a no-show, or already reflected")
    public Response reflect(@NotNull @Valid ShadowingRequests.Reflect body,
                            @Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.get().personId(), key, "POST shadowing/reflections " + body, () -> {
            List<ShadowingService.IdeaRequest> ideas = body.ideas() == null ? List.of()
                    : body.ideas().stream().map(i -> new ShadowingService.IdeaRequest(i.title(), i.description(), i.departmentId())).toList();
            long id = shadowing.reflect(caller.get(), body.bookingId(), body.answers(), body.takeaway(),
                    body.frictions() == null ? Set.of() : body.frictions(), ideas);
            return Response.created(URI.create("shadowing/reflections/" + id)).entity(ReflectionDetail.of(shadowing.reflection(caller.get(), id))).build();
        });
    }

    @GET
    @Path("reflections/{id}")
    @Operation(operationId = "getReflection",
            summary = "A reflection", description = "For the shadow, the host and the managers of either; for anyone else it does not exist.")
    @APIResponse(responseCode = "200", description = "The reflection", content = @Content(schema = @Schema(implementation = ReflectionDetail.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "404", description = "No reflection I may read with this id")
    public ReflectionDetail reflection(@PathParam("id") long id) {
        return ReflectionDetail.of(shadowing.reflection(caller.get(), id));
    }

    private static Response tagged(Response.ResponseBuilder response, ShadowingService.BookingView view) {
        BookingSummary booking = BookingSummary.of(view);
        return response.entity(booking).tag(Versions.tag(BOOKING, booking.id(), booking.version())).build();
    }
}
