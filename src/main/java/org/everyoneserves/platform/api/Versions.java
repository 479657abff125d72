package org.everyoneserves.platform.api;

import jakarta.ws.rs.core.EntityTag;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.platform.BusinessException;

/**
 * Entity tags of resources that clients change: {@code "attempt-12-v3"}, the resource and its optimistic version.
 * An update must send the tag it last read in If-Match; a missing one is 428, another version 412.
 */
public final class Versions {

    private static final Pattern TAG = Pattern.compile("\"?([a-z]+)-(\\d+)-v(\\d+)\"?");

    private Versions() {
    }

    public static EntityTag tag(String resource, long id, int version) {
        return new EntityTag(resource + "-" + id + "-v" + version);
    }

    /** The version the client last saw, from its If-Match header, for the resource it names. */
    public static int expected(String ifMatch, String resource, long id) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new BusinessException(BusinessException.Kind.PRECONDITION_REQUIRED, "error.ifMatchRequired");
        }
        Matcher m = TAG.matcher(ifMatch.strip());
        if (!m.matches() || !m.group(1).equals(resource) || !m.group(2).equals(String.valueOf(id)) || m.group(3).length() > 9) {
            throw stale();
        }
        return Integer.parseInt(m.group(3));
    }

    public static void check(int expected, int actual) {
        if (expected != actual) {
            throw stale();
        }
    }

    public static BusinessException stale() {
        return BusinessException.preconditionFailed();
    }
}
