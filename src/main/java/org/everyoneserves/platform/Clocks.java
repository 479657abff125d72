package org.everyoneserves.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Clock;

/** The one clock of the application: tests of time-driven rules replace it. */
@ApplicationScoped
public class Clocks {

    @Produces
    Clock clock() {
        return Clock.systemDefaultZone();
    }
}
