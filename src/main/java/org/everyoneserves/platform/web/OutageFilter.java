package org.everyoneserves.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Outermost filter (first in web.xml): a page, export or picture that failed because the database cannot be reached,
 * or whose transaction lost on a lock, answers with {@link Outage}'s 503 instead of the error page (whose layout would
 * need the database too, and which would say 500 for what passes by itself).
 */
public class OutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!Outage.isTransient(e)) {
                throw e;
            }
            Outage.answer(request, response, e);
        }
    }
}
