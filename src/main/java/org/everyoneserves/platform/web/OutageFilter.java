package org.everyoneserves.platform.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Outermost filter (first in web.xml): a page, export or picture that failed because the database cannot be reached
 * answers with {@link Outage}'s 503 instead of the error page, whose layout would need the database too.
 */
public class OutageFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain) throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException e) {
            if (!Outage.isDatabaseDown(e)) {
                throw e;
            }
            Outage.answer(request, response, e);
        }
    }
}
