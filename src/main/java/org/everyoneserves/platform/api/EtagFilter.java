package org.everyoneserves.platform.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.everyoneserves.platform.Hashes;
import org.everyoneserves.platform.JsonbResolver;

/**
 * ETags on every successful read: a resource's own tag (a version, or {@link ChangeStamps}: such a resource answers
 * 304 itself, before computing anything), or else a hash of the JSON it answers (which is then sent as it was hashed,
 * not serialised a second time). A client that sends the tag it has in If-None-Match gets 304 and no body. Answers are private to their caller and not cached
 * by anything in between.
 */
@Provider
public class EtagFilter implements ContainerResponseFilter {

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!"GET".equals(request.getMethod())) {
            return;
        }
        if (response.getStatus() == Response.Status.NOT_MODIFIED.getStatusCode()) {
            response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
            return;
        }
        if (response.getStatus() != 200 || !response.hasEntity()) {
            return;
        }
        EntityTag tag = response.getEntityTag();
        if (tag == null) {
            Object entity = response.getEntity();
            String json = entity instanceof String text ? text : JsonbResolver.shared().toJson(entity);
            tag = new EntityTag(Hashes.sha256(json).substring(0, 32));
            response.getHeaders().putSingle(HttpHeaders.ETAG, tag);
            response.setEntity(json, response.getEntityAnnotations(), MediaType.APPLICATION_JSON_TYPE);
        }
        response.getHeaders().putSingle(HttpHeaders.CACHE_CONTROL, "private, no-cache");
        String ifNoneMatch = request.getHeaderString(HttpHeaders.IF_NONE_MATCH);
        if (ifNoneMatch != null && matches(ifNoneMatch, tag)) {
            response.setStatus(Response.Status.NOT_MODIFIED.getStatusCode());
            response.setEntity(null);
            response.getHeaders().remove(HttpHeaders.CONTENT_TYPE);
        }
    }

    static boolean matches(String ifNoneMatch, EntityTag tag) {
        return matches(ifNoneMatch, tag.getValue());
    }

    /** Whether an If-None-Match header names this tag (or any, with *); weak tags match too. */
    public static boolean matches(String ifNoneMatch, String tag) {
        for (String candidate : ifNoneMatch.split(",")) {
            String value = candidate.strip();
            if (value.startsWith("W/")) {
                value = value.substring(2);
            }
            if (value.equals("*") || value.equals("\"" + tag + "\"")) {
                return true;
            }
        }
        return false;
    }
}
