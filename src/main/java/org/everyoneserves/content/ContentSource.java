package org.everyoneserves.content;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.nio.file.Path;
import org.everyoneserves.platform.AppConfig;

/** Where the content comes from: the configured folder, or the copy packaged in the WAR under WEB-INF/content. */
@ApplicationScoped
public class ContentSource {

    @Inject
    AppConfig config;

    private volatile String packaged;

    /** The servlet context is the payload of the application's start event, before the catalog's import. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION - 10) @Initialized(ApplicationScoped.class) ServletContext context) {
        packaged = context.getRealPath("/WEB-INF/content");
    }

    public Path root() {
        String configured = config.contentDir();
        if (!configured.isEmpty()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        if (packaged == null) {
            throw new IllegalStateException("the WAR has no WEB-INF/content and APP_CONTENT_DIR is not set");
        }
        return Path.of(packaged);
    }
}
