package org.everyoneserves.platform;

import jakarta.annotation.Resource;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * {@code /health/live}: the server answers. {@code /health/ready}: it can also reach its database within two seconds.
 * Both answer 200 or 503 with a small JSON body, for load balancers and orchestrators.
 */
@WebServlet(urlPatterns = {"/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    @Resource(lookup = "java:jboss/datasources/EveryoneServesDS")
    private DataSource dataSource;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean ready = !request.getServletPath().endsWith("ready") || databaseAnswers();
        response.setStatus(ready ? 200 : 503);
        response.setContentType("application/json");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(ready ? "{\"status\":\"UP\"}" : "{\"status\":\"DOWN\",\"checks\":{\"database\":\"DOWN\"}}");
    }

    private boolean databaseAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            log("readiness: database not reachable: " + e.getMessage());
            return false;
        }
    }
}
