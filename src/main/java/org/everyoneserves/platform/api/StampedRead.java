package org.everyoneserves.platform.api;

import jakarta.ws.rs.core.EntityTag;
import java.util.function.Function;

/**
 * A GET of the API whose answer a {@link ChangeStamps} tag names, so that the API's front door can answer it (304, or
 * the JSON kept in {@link StampedAnswers}) without going through RESTEasy. Its resource implements this next to its
 * {@code @GET} method, from the same tag.
 */
public interface StampedRead {

    /** The path the read answers, under {@code /api/v1/}, e.g. {@code me/plan}. */
    String path();

    /**
     * The tag of the caller's answer to this query as it is now, made without computing the answer. Throws the
     * {@code BusinessException} the resource would answer (no caller, a bad parameter): the request then goes to the
     * resource, which answers it.
     *
     * @param query a query parameter's value by name, or null
     */
    EntityTag tag(Function<String, String> query);
}
