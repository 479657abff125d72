package org.everyoneserves.shadowing.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.shadowing.ShadowingService;

/**
 * The shadowing parts of the viewer's home page: the reminder of their next session, and whether they may host (the
 * link to hosting). Request-scoped, so the home page keeps nothing in the session (HostingBacking is the hosting page's).
 */
@Named
@RequestScoped
public class NextSessionBacking {

    @Inject
    ShadowingService shadowing;

    @Inject
    Caller caller;

    private Optional<ShadowingService.BookingView> next;
    private Boolean mayHost;

    public ShadowingService.BookingView getNext() {
        if (next == null) {
            next = shadowing.nextSession(caller);
        }
        return next.orElse(null);
    }

    public boolean isMayHost() {
        if (mayHost == null) {
            mayHost = shadowing.mayHost(caller);
        }
        return mayHost;
    }
}
