package org.everyoneserves.testing;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Lets time pass on the test server: moves its clock ahead through {@code /testing/clock} (see
 * {@code platform.Clocks}; the test server runs with the switch that makes it exist) and puts it back after each test.
 * Register it with {@code @RegisterExtension}. The offset is held by each server: with two servers, make one of these
 * for each base address.
 */
public final class ServerClock implements AfterEachCallback {

    private final String base;
    private final Web web = new Web();

    public ServerClock() {
        this(Web.BASE);
    }

    public ServerClock(String base) {
        this.base = base;
    }

    /** Sets the server's clock {@code offset} ahead of the real time (not added to an earlier offset). */
    public void aheadBy(Duration offset) {
        send(HttpRequest.newBuilder(uri("?offset=" + offset)).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    /** The server's "now". */
    public Instant now() {
        String body = send(HttpRequest.newBuilder(uri("")).GET());
        return Instant.parse(((jakarta.json.JsonObject) Api.parse(body)).getString("now"));
    }

    /** The server's day (the test server runs on this machine, in its time zone). */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), ZoneId.systemDefault());
    }

    /** Back to the real time. */
    public void reset() {
        send(HttpRequest.newBuilder(uri("")).DELETE());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        reset();
    }

    private URI uri(String query) {
        return URI.create(base + "/testing/clock" + query);
    }

    private String send(HttpRequest.Builder request) {
        HttpResponse<String> response = web.send(request.build());
        if (response.statusCode() != 200) {
            throw new AssertionError("the test server's clock answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
