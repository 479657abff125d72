package org.everyoneserves.shadowing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService;

/** The reminder of the viewer's next shadowing session, on their home page. */
@Named
@RequestScoped
public class NextSessionBacking {

    @Inject
    ShadowingService shadowing;

    @Inject
    Caller caller;

    private Optional<ShadowingService.BookingView> next;

    public ShadowingService.BookingView getNext() {
        if (next == null) {
            next = shadowing.nextSession(caller);
        }
        return next.orElse(null);
    }
}
