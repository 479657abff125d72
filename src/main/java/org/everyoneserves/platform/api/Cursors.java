package org.everyoneserves.platform.api;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.everyoneserves.platform.BusinessException;

/**
 * Paging lists newest first: a cursor names the last id seen, so pages stay stable while new items arrive at the top.
 */
public final class Cursors {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    private Cursors() {
    }

    public static String cursor(long lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Long.toString(lastId).getBytes(StandardCharsets.US_ASCII));
    }

    /** The id after which the page starts, or {@link Long#MAX_VALUE} for the first page. */
    public static long after(String cursor) {
        if (cursor == null || cursor.isEmpty()) {
            return Long.MAX_VALUE;
        }
        try {
            long id = Long.parseLong(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.US_ASCII));
            if (id <= 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "error.badCursor");
        }
    }

    public static int limit(Integer limit) {
        if (limit == null) {
            return DEFAULT_LIMIT;
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new BusinessException(BusinessException.Kind.INVALID, "error.badLimit", MAX_LIMIT);
        }
        return limit;
    }
}
