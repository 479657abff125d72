package org.everyoneserves.platform.web;

import jakarta.annotation.Resource;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.time.Duration;
import javax.sql.DataSource;
import org.everyoneserves.platform.ApplicationStarted;
import org.everyoneserves.platform.ClusterLock;

/**
 * Announces {@link ApplicationStarted} once the servlet context (and CDI with it) is up. Its observers (the content
 * import, the demo company) run under a cluster-wide lock, so nodes starting together do them one after the other and
 * the second finds them done.
 */
@WebListener
public class StartupListener implements ServletContextListener {

    @Inject
    Event<ApplicationStarted> started;

    @Resource(lookup = "java:jboss/datasources/EveryoneServesDS")
    DataSource dataSource;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        ClusterLock.holding(dataSource, "everyoneserves.startup", Duration.ofMinutes(10), () -> started.fire(new ApplicationStarted()));
    }
}
