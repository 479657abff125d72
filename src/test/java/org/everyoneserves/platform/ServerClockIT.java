package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.everyoneserves.testing.Api;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.ServerClock;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The test server's clock moves ahead and back through /testing/clock, and the application's "now" follows it. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ServerClockIT {

    @RegisterExtension
    final ServerClock clock = new ServerClock();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(ServerClockIT.class);
    }

    static Duration ahead(Instant serverNow) {
        return Duration.between(Instant.now(), serverNow);
    }

    @Test
    void testsMoveTheServersClockAndPutItBack() {
        clock.aheadBy(Duration.ofDays(2));
        Duration ahead = ahead(clock.now());
        assertTrue(ahead.compareTo(Duration.ofDays(2).minusMinutes(1)) > 0 && ahead.compareTo(Duration.ofDays(2).plusMinutes(1)) < 0, ahead.toString());
        HttpResponse<String> signedIn = new Api().signIn(Web.demo("nadia.petrova"), Web.DEMO_PASSWORD);
        Instant accessExpires = Instant.parse(Api.json(signedIn).getString("accessExpiresAt"));
        Duration lasts = Duration.between(clock.now(), accessExpires);
        assertTrue(lasts.compareTo(Duration.ofMinutes(14)) > 0 && lasts.compareTo(Duration.ofMinutes(16)) < 0,
                "a token made now lasts 15 minutes of the server's time: " + lasts);
        clock.reset();
        assertTrue(ahead(clock.now()).abs().compareTo(Duration.ofMinutes(1)) < 0, "back to the real time");
    }

    @Test
    void anOffsetThatIsNotADurationIsRefused() {
        HttpResponse<String> response = new Web().send(HttpRequest.newBuilder(URI.create(Web.BASE + "/testing/clock?offset=tomorrow"))
                .PUT(HttpRequest.BodyPublishers.noBody()).build());
        assertEquals(400, response.statusCode());
        assertEquals("application/problem+json;charset=UTF-8", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("ISO-8601 duration"), response.body());
        assertTrue(ahead(clock.now()).abs().compareTo(Duration.ofMinutes(1)) < 0, "the clock did not move");
    }
}
