package org.everyoneserves.sync;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.everyoneserves.assignments.api.PlanResource;
import org.everyoneserves.notifications.api.NotificationsResource;
import org.everyoneserves.people.api.MeResource;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.JsonbResolver;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.platform.api.StampedAnswers;
import org.everyoneserves.platform.api.StampedRead;
import org.everyoneserves.platform.Hashes;
import org.everyoneserves.refreshers.api.RefreshersResource;
import org.everyoneserves.shadowing.api.ShadowingResource;

/**
 * "What changed since I last looked?" in one request, for an app coming back online. The answer carries the parts
 * (me, plan, refreshers, bookings, notifications) that differ from what the app has, each exactly as its own
 * endpoint answers it, and a token naming what the app now has. This is the one resource that composes other
 * features' API representations: that is its whole job, and it keeps the shapes identical to the endpoints'. A part's
 * token is a hash of its endpoint's tag (from the person's change stamps, so an unchanged part is not computed at all;
 * bookings also count how many of their slots have started). The shape is
 * {@link Changes}.
 */
@Path("sync")
@Produces(MediaType.APPLICATION_JSON)
@ApplicationScoped
@Tag(name = "Sync")
@SecurityRequirement(name = "bearer")
public class SyncResource implements StampedRead {

    private static final Pattern TOKEN = Pattern.compile("([a-z]+=[0-9a-f]{16};)*");

    @Schema(description = "The parts that changed since the token sent, and the token to send next time.")
    public record Changes(@Schema(description = "Send as since= next time") String token,
                          @Schema(description = "Changed parts by name (me, plan, refreshers, bookings, notifications), each as its endpoint answers")
                          Map<String, Object> changed,
                          @Schema(description = "Parts the app already has as they are") List<String> unchanged) {
    }

    @Inject
    MeResource me;

    @Inject
    PlanResource plan;

    @Inject
    RefreshersResource refreshers;

    @Inject
    ShadowingResource shadowing;

    @Inject
    NotificationsResource notifications;

    @Inject
    StampedAnswers answers;

    @Context
    HttpHeaders headers;

    @GET
    @Operation(operationId = "getChanges",
            summary = "Changes since the last sync", description = "Without since: everything. With the token of the last sync: only "
            + "the parts that changed. me is GET me, plan GET me/plan, refreshers GET refreshers/today, bookings GET shadowing/bookings, "
            + "notifications the first page of GET notifications.")
    @APIResponse(responseCode = "200", description = "The changes", content = @Content(schema = @Schema(implementation = Changes.class)))
    @APIResponse(responseCode = "304", description = "Nothing changed since the ETag sent in If-None-Match")
    @APIResponse(responseCode = "400", description = "A token this endpoint did not give out")
    @APIResponse(responseCode = "401", description = "No valid access token")
    public Response changes(@Parameter(description = "The token of the last sync") @QueryParam("since") String since) {
        Map<String, String> known = parse(since);
        Map<String, Part> parts = parts();
        Map<String, EntityTag> tags = tags(parts);
        EntityTag tag = tag(tags, since);
        if (ChangeStamps.unchanged(headers, tag)) {
            return Response.notModified(tag).build();
        }
        byte[] json = answers.cached(tag.getValue());
        if (json == null) {
            json = answers.keepJson(tag, compose(parts, tags, known));
        }
        return StampedAnswers.ok(tag, json);
    }

    @Override
    public String path() {
        return "sync";
    }

    /**
     * The tag of the whole answer: the tags of its parts and the token sent, which are all it is made of. Made without
     * computing any part the server has computed at the same stamps before, so the API's front door answers an
     * unchanged sync, or one it has answered before, from memory.
     */
    @Override
    public EntityTag tag(Function<String, String> query) {
        String since = query.apply("since");
        parse(since);
        return tag(tags(parts()), since);
    }

    private static EntityTag tag(Map<String, EntityTag> tags, String since) {
        StringBuilder all = new StringBuilder();
        tags.values().forEach(t -> all.append(t.getValue()).append('|'));
        all.append(since == null ? "" : since);
        return new EntityTag("sync-" + Hashes.sha256(all.toString()).substring(0, 32));
    }

    private Map<String, Part> parts() {
        Map<String, Part> parts = new LinkedHashMap<>();
        parts.put("me", new Part(me::tag, me::me));
        parts.put("plan", new Part(plan::tag, plan::plan));
        parts.put("refreshers", new Part(refreshers::todayTag, refreshers::today));
        parts.put("bookings", new Part(shadowing::bookingsTag, shadowing::bookings));
        parts.put("notifications", new Part(notifications::firstPageTag, notifications::firstPage));
        return parts;
    }

    private static Map<String, EntityTag> tags(Map<String, Part> parts) {
        Map<String, EntityTag> tags = new LinkedHashMap<>();
        parts.forEach((name, part) -> tags.put(name, part.tag().get()));
        return tags;
    }

    private String compose(Map<String, Part> parts, Map<String, EntityTag> tags, Map<String, String> known) {
        StringBuilder changed = new StringBuilder();
        List<String> unchanged = new ArrayList<>();
        StringBuilder token = new StringBuilder();
        parts.forEach((name, part) -> {
            EntityTag tag = tags.get(name);
            String hash = Hashes.sha256(tag.getValue()).substring(0, 16);
            token.append(name).append('=').append(hash).append(';');
            if (hash.equals(known.get(name))) {
                unchanged.add(name);
            } else {
                String value = new String(answers.json(tag, part.answer()), StandardCharsets.UTF_8);
                changed.append(changed.isEmpty() ? "" : ",").append('"').append(name).append("\":").append(value);
            }
        });
        String next = Base64.getUrlEncoder().withoutPadding().encodeToString(token.toString().getBytes(StandardCharsets.US_ASCII));
        return "{\"token\":\"" + next + "\",\"changed\":{" + changed + "},\"unchanged\":" + JsonbResolver.shared().toJson(unchanged) + "}";
    }

    /**
     * One part: how to tag it without computing it (its endpoint's change-stamp tag), and how to compute it. Its JSON
     * is the one its endpoint keeps in {@link StampedAnswers} under the same tag.
     */
    private record Part(Supplier<EntityTag> tag, Supplier<Object> answer) {
    }

    private static Map<String, String> parse(String since) {
        Map<String, String> known = new LinkedHashMap<>();
        if (since == null || since.isEmpty()) {
            return known;
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(since), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "sync.error.badToken");
        }
        if (!TOKEN.matcher(text).matches()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "sync.error.badToken");
        }
        for (String pair : text.split(";")) {
            if (!pair.isEmpty()) {
                known.put(pair.substring(0, pair.indexOf('=')), pair.substring(pair.indexOf('=') + 1));
            }
        }
        return known;
    }
}
