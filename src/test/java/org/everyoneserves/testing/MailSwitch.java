package org.everyoneserves.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Turns the test server's e-mail off for a test, through {@link MailSwitchServlet} in the test's own copy of the
 * application, and on again after each test. Register it with {@code @RegisterExtension}.
 */
public final class MailSwitch implements AfterEachCallback {

    private final String path;
    private final Web web = new Web();
    private boolean off;

    public MailSwitch(Class<?> testClass) {
        this.path = "/" + Deployments.peopleContext(testClass) + "/testing/mail";
    }

    /** From now on the server has no SMTP server, as without APP_SMTP_HOST. */
    public void off() {
        send(false);
        off = true;
    }

    /** The server's SMTP server is back. */
    public void on() {
        send(true);
        off = false;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        if (off) {
            on();
        }
    }

    private void send(boolean on) {
        HttpResponse<String> response = web.send(HttpRequest.newBuilder(URI.create(Web.BASE + path + "?on=" + on))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        if (response.statusCode() != 204) {
            throw new AssertionError("could not turn the server's mail " + (on ? "on" : "off") + ": " + response.statusCode());
        }
    }
}
