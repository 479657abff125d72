package org.everyoneserves.shadowing.web;

import jakarta.inject.Inject;
import jakarta.inject.Provider;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService;

/** /learner/shadowing.ics?booking=N: the shadow's booked session for their calendar, with reminders; others get 404. */
@WebServlet("/learner/shadowing.ics")
public class CalendarServlet extends HttpServlet {

    @Inject
    ShadowingService shadowing;

    @Inject
    Provider<Caller> caller;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String ics;
        try {
            ics = shadowing.calendar(caller.get(), Long.parseLong(String.valueOf(request.getParameter("booking")).strip()));
        } catch (BusinessException | NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        byte[] body = ics.getBytes(StandardCharsets.UTF_8);
        response.setContentType("text/calendar; charset=UTF-8");
        response.setContentLength(body.length);
        response.setHeader("Content-Disposition", "attachment; filename=\"shadowing.ics\"");
        response.setHeader("Cache-Control", "private, no-store");
        response.getOutputStream().write(body);
    }
}
