package org.everyoneserves.platform;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * {@code /testing/clock}, for integration tests that let time pass: {@code GET} tells the server's time and offset,
 * {@code PUT ?offset=P3DT2H} sets the clock that far ahead of the real time, {@code DELETE} puts it back. It exists
 * only on a server started with the test switch ({@link Clocks#TEST_SWITCH}); anywhere else it is a 404 like any
 * unknown address.
 */
@WebServlet("/testing/clock")
public class TestClockServlet extends HttpServlet {

    @Inject
    Clocks clocks;

    @Inject
    Clock clock;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException, ServletException {
        if (!clocks.adjustable()) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setHeader("Cache-Control", "no-store");
        super.service(request, response);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        answer(response);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String offset = request.getParameter("offset");
        try {
            clocks.shift(Duration.parse(offset == null ? "" : offset));
        } catch (DateTimeParseException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            response.setContentType("application/problem+json;charset=UTF-8");
            response.getWriter().write(Json.createObjectBuilder().add("title", "Bad Request").add("status", 400)
                    .add("detail", "offset must be an ISO-8601 duration such as P3D or PT90M, not " + offset).build().toString());
            return;
        }
        answer(response);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        clocks.shift(Duration.ZERO);
        answer(response);
    }

    private void answer(HttpServletResponse response) throws IOException {
        response.setContentType("application/json;charset=UTF-8");
        response.getWriter().write(Json.createObjectBuilder().add("now", clock.instant().toString())
                .add("offset", clocks.offset().toString()).build().toString());
    }
}
