package org.everyoneserves.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import java.util.Set;

/**
 * File uploads reach the Faces servlet only on the pages that take files; any other page refuses a multipart body
 * (415) before anything parses it, and an upload larger than the limit is refused (413) before it is read. The limit
 * is web.xml's multipart-config, which Undertow also enforces on bodies sent without a length.
 */
public class MultipartFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    /** The pages with a file field: the people CSV import and the Moodle quiz upload. */
    static final Set<String> UPLOAD_PAGES = Set.of("/admin/import.xhtml", "/admin/content.xhtml");
    /** web.xml's max-request-size. */
    static final long MAX_REQUEST_BYTES = 21_000_000;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        String type = request.getContentType();
        if (type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
            if (!UPLOAD_PAGES.contains(request.getServletPath())) {
                response.sendError(HttpServletResponse.SC_UNSUPPORTED_MEDIA_TYPE);
                return;
            }
            if (request.getContentLengthLong() > MAX_REQUEST_BYTES) {
                response.sendError(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
