package org.everyoneserves.security.api;

import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.EntityTag;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.api.EtagFilter;
import org.everyoneserves.platform.api.StampedAnswers;
import org.everyoneserves.platform.api.StampedRead;
import org.everyoneserves.security.ApiCaller;
import org.everyoneserves.security.ApiRateLimit;

/**
 * The API's front door for its busiest reads (the {@link StampedRead}s: me, me/plan, notifications, today's
 * refreshers). A GET by a caller with a valid access token that can be answered without computing anything is
 * answered here, before RESTEasy: 304 when the client has the current tag, else the JSON kept in
 * {@link StampedAnswers} for that tag. The answer is the resource's own (status, ETag, Cache-Control, bytes), and the
 * request spends its rate limit as any other. Everything else goes on to the resource, which answers as always: no
 * valid token (401), a bad parameter (400), an answer not kept on this server, a request over its rate limit (429), a
 * HEAD, or a client that does not take JSON.
 */
public class StampedReadFilter extends HttpFilter {

    static final String API = "/api/v1/";

    @Inject
    @Any
    Instance<StampedRead> reads;

    @Inject
    StampedAnswers answers;

    @Inject
    ApiCaller api;

    @Inject
    ApiRateLimit limit;

    private Map<String, StampedRead> byPath;

    @Override
    public void init() {
        Map<String, StampedRead> paths = new HashMap<>();
        reads.forEach(read -> paths.put(read.path(), read));
        byPath = Map.copyOf(paths);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        if (!answered(request, response)) {
            chain.doFilter(request, response);
        }
    }

    private boolean answered(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (!"GET".equals(request.getMethod()) || !api.signedIn() || !takesJson(request.getHeader("Accept"))) {
            return false;
        }
        String uri = request.getRequestURI();
        int start = request.getContextPath().length() + API.length();
        StampedRead read = uri.length() > start && uri.startsWith(API, request.getContextPath().length())
                ? byPath.get(uri.substring(start)) : null;
        if (read == null) {
            return false;
        }
        EntityTag tag;
        try {
            tag = read.tag(request::getParameter);
        } catch (BusinessException resourceSaysWhy) {
            return false;
        }
        String ifNoneMatch = request.getHeader("If-None-Match");
        boolean unchanged = ifNoneMatch != null && EtagFilter.matches(ifNoneMatch, tag.getValue());
        byte[] json = unchanged ? null : answers.cached(tag.getValue());
        if (!unchanged && json == null || !limit.allows()) {
            return false;
        }
        response.setHeader("ETag", "\"" + tag.getValue() + "\"");
        response.setHeader("Cache-Control", "private, no-cache");
        if (unchanged) {
            response.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
        } else {
            response.setContentType("application/json");
            response.setContentLength(json.length);
            response.getOutputStream().write(json);
        }
        return true;
    }

    /** Whether an Accept header lets the answer be JSON (none does). */
    static boolean takesJson(String accept) {
        return accept == null || accept.isBlank() || accept.contains("json") || accept.contains("*/*") || accept.contains("application/*");
    }
}
