package org.everyoneserves.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Set;

/**
 * A page whose HTML {@link KeptPagesFilter} may keep and send again while nothing it shows has changed. The filter
 * names what every page shows (the layout: the viewer, their roles, language and unread notifications, the session's
 * form token, the day, the address asked for); the page names the rest, as the database's change stamps and whatever
 * else its content depends on (the catalog generation, how many booked slots have started). The page must be a
 * stateless view (no view state in its forms) and show nothing that changes without changing its basis.
 */
public interface KeptPage {

    /** The page's servlet path, as requested: {@code /learner/index.xhtml}. */
    String path();

    /**
     * The request parameters the page takes; a request with any other is rendered afresh and not kept (so that made-up
     * addresses do not crowd out the pages people come back to).
     */
    default Set<String> parameters() {
        return Set.of();
    }

    /**
     * Everything the page's content depends on beyond the layout, as it is now, read before the page is rendered (so
     * that a change in between makes the basis older than the page, never newer); null to render this request afresh
     * and keep nothing.
     */
    String basis(HttpServletRequest request);
}
