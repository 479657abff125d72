package org.everyoneserves.testing;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code PUT /testing/mail?on=false} in a client test's own copy of the application ({@link Deployments#withPeople}):
 * the test server forgets its SMTP server ({@code app.smtp.host}, read at every use), as an installation without
 * APP_SMTP_HOST would; {@code on=true} gives the one it started with back. The setting is the server's, so a test turns
 * it back on when it is done ({@link MailSwitch}).
 */
@WebServlet("/testing/mail")
public class MailSwitchServlet extends HttpServlet {

    private static final String HOST = "app.smtp.host";

    private String startedWith;

    @Override
    public void init() {
        startedWith = System.getProperty(HOST, "");
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) {
        System.setProperty(HOST, Boolean.parseBoolean(request.getParameter("on")) ? startedWith : "");
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }
}
