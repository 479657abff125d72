package org.everyoneserves.notifications.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import java.util.function.Function;
import org.everyoneserves.notifications.Notification;
import org.everyoneserves.notifications.NotificationService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.api.StampedAnswers;
import org.everyoneserves.platform.api.StampedRead;
import org.everyoneserves.platform.api.Idempotency;
import org.everyoneserves.platform.api.Cursors;
import org.everyoneserves.platform.api.Params;

@ApplicationScoped
@Path("notifications")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Notifications")
@SecurityRequirement(name = "bearer")
@APIResponse(responseCode = "401", description = "No valid access token")
public class NotificationsResource implements StampedRead {

    @Schema(description = "Something the platform told me: a reminder, a nudge from my manager, a session reminder.")
    public record NotificationLine(@Schema(example = "981") long id, @Schema(example = "REMINDER") Notification.Kind kind,
                                   @Schema(example = "Due in 3 days: Everyone serves") String subject, String body,
                                   @Schema(example = "/learner/module.xhtml?id=everyone-serves") String link, Instant createdAt, Instant readAt) {

        static NotificationLine of(Notification n) {
            return new NotificationLine(n.getId(), n.getKind(), n.getSubject(), n.getBody(), n.getLink(), n.getCreatedAt(), n.getReadAt());
        }
    }

    @Schema(description = "A page of notifications, newest first, and how many are unread.")
    public record NotificationPage(List<NotificationLine> items, @Schema(description = "The cursor of the next page; absent on the last") String next,
                                   @Schema(example = "2") long unread) {
    }

    @Inject
    Provider<Caller> caller;

    @Inject
    NotificationService notifications;

    @Inject
    Idempotency idempotency;

    @Inject
    ChangeStamps stamps;

    @Inject
    StampedAnswers answers;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "listNotifications",
            summary = "My notifications", description = "Newest first, a page at a time. The cursor names the last item seen, so "
            + "pages stay stable while new notifications arrive.")
    @APIResponse(responseCode = "200", description = "A page", content = @Content(schema = @Schema(implementation = NotificationPage.class)))
    @APIResponse(responseCode = "304", description = "Unchanged since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A cursor this list did not give out, or a limit outside 1 to 100")
    public Response get(@Parameter(description = "From a previous page's next") @QueryParam("cursor") String cursor,
                        @Parameter(description = "Items per page, 1 to 100 (20)", example = "20") @QueryParam("limit") String limit) {
        int size = Cursors.limit(Params.integer("limit", limit));
        long after = Cursors.after(cursor);
        return answers.answer(headers, tag(after, size), () -> page(after, size));
    }

    @Override
    public String path() {
        return "notifications";
    }

    @Override
    public EntityTag tag(Function<String, String> query) {
        return tag(Cursors.after(query.apply("cursor")), Cursors.limit(Params.integer("limit", query.apply("limit"))));
    }

    /** The tag of the first page as it is now, made without computing it. */
    public EntityTag firstPageTag() {
        return tag(Cursors.after(null), Cursors.limit(null));
    }

    /** The first page, as GET notifications answers it. */
    public NotificationPage firstPage() {
        return page(Cursors.after(null), Cursors.limit(null));
    }

    private EntityTag tag(long after, int size) {
        long me = caller.get().personId();
        return ChangeStamps.tag("notifications", me, stamps.of(me).notifications(), after, size);
    }

    private NotificationPage page(long after, int size) {
        NotificationService.Page found = notifications.page(caller.get(), after, size + 1);
        List<Notification> page = found.items();
        List<NotificationLine> items = page.stream().limit(size).map(NotificationLine::of).toList();
        String next = page.size() > size ? Cursors.cursor(items.get(items.size() - 1).id()) : null;
        return new NotificationPage(items, next, found.unread());
    }

    @POST
    @Path("read")
    @Consumes(MediaType.WILDCARD)
    @Operation(operationId = "markAllNotificationsRead", summary = "Mark all read", description = "Marks every notification of mine read.")
    @APIResponse(responseCode = "204", description = "Done")
    @APIResponse(responseCode = "400", description = "No Idempotency-Key")
    public Response markAllRead(@Parameter(description = "A client-generated id of this write", required = true) @HeaderParam(Idempotency.HEADER) String key) {
        return idempotency.once(caller.get().personId(), key, "POST notifications/read", () -> {
            notifications.markAllRead(caller.get());
            return Response.noContent().build();
        });
    }
}
