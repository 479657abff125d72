package org.everyoneserves.platform.api;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.function.Supplier;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.JsonbResolver;

/**
 * The JSON of the API's stamped reads, kept in this server's memory by the ETag it was sent with. A {@link ChangeStamps}
 * tag names everything its answer depends on (the person, the counter of the read, the day, the catalog generation,
 * the roles, the page), so the answer computed once for a tag is the answer for as long as that tag is current, on
 * every server: a write anywhere moves the person's counter in the database, the next read's tag is new, misses, and is
 * computed and kept. Tags that are no longer current are never asked again and make room for others (least useful
 * first, bounded by size: APP_API_ANSWER_CACHE_MB). An answer is computed after its tag is read, so what is kept under
 * a tag is never older than the tag says.
 * <p>
 * The API's front door ({@code StampedReadFilter}) answers a read whose answer is here without going through RESTEasy;
 * the resources keep what they compute here; {@code sync} takes its parts from here.
 */
@ApplicationScoped
public class StampedAnswers {

    @Inject
    AppConfig config;

    private Cache<String, byte[]> answers;

    @PostConstruct
    void start() {
        answers = Caffeine.newBuilder()
                .maximumWeight(config.apiAnswerCacheMegabytes() * 1024L * 1024L)
                .weigher((String tag, byte[] json) -> 64 + 2 * tag.length() + json.length)
                .build();
    }

    /** The JSON sent with this tag, if this server still has it. */
    public byte[] cached(String tag) {
        return answers.getIfPresent(tag);
    }

    /** The JSON of the answer with this tag: kept, or computed now and kept. Two requests that miss at once both compute. */
    public byte[] json(EntityTag tag, Supplier<?> answer) {
        byte[] json = answers.getIfPresent(tag.getValue());
        return json != null ? json : keep(tag, answer.get());
    }

    /** Keeps an answer just computed under the tag it is sent with; its JSON. */
    public byte[] keep(EntityTag tag, Object answer) {
        byte[] json = JsonbResolver.shared().toJson(answer).getBytes(StandardCharsets.UTF_8);
        answers.put(tag.getValue(), json);
        return json;
    }

    /** Keeps JSON just made under the tag it is sent with; its bytes. */
    public byte[] keepJson(EntityTag tag, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        answers.put(tag.getValue(), bytes);
        return bytes;
    }

    /** 304 if the client has the answer with this tag, else 200 with the answer (kept, or computed now) and the tag. */
    public Response answer(HttpHeaders headers, EntityTag tag, Supplier<?> answer) {
        return ChangeStamps.unchanged(headers, tag) ? Response.notModified(tag).build() : ok(tag, json(tag, answer));
    }

    /** 200 with this JSON and its tag. */
    public static Response ok(EntityTag tag, byte[] json) {
        return Response.ok(json, MediaType.APPLICATION_JSON_TYPE).tag(tag).build();
    }
}
