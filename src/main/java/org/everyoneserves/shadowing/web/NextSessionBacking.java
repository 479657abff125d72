package org.everyoneserves.shadowing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.everyoneserves.security.CurrentUser;
import org.everyoneserves.shadowing.ShadowingService;

/** The reminder of the viewer's next shadowing session, on their home page. */
@Named
@RequestScoped
public class NextSessionBacking {

    @Inject
    ShadowingService shadowing;

    @Inject
    CurrentUser currentUser;

    private Optional<ShadowingService.BookingView> next;

    public ShadowingService.BookingView getNext() {
        if (next == null) {
            next = shadowing.nextSession(currentUser.caller());
        }
        return next.orElse(null);
    }
}
