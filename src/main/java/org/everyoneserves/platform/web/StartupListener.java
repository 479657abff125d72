package org.everyoneserves.platform.web;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import org.everyoneserves.platform.ApplicationStarted;

/** Announces {@link ApplicationStarted} once the servlet context (and CDI with it) is up. */
@WebListener
public class StartupListener implements ServletContextListener {

    @Inject
    Event<ApplicationStarted> started;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        started.fire(new ApplicationStarted());
    }
}
