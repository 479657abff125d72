package org.everyoneserves.content;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.servlet.ServletContext;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.jar.Manifest;
import org.everyoneserves.platform.AppConfig;

/**
 * Where the content comes from: the configured folder, or the copy packaged in the WAR under WEB-INF/content; and which
 * build of the application reads it (the WAR manifest's {@code Build-Time}).
 */
@ApplicationScoped
public class ContentSource {

    @Inject
    AppConfig config;

    private volatile String packaged;
    private volatile String build;

    /** The servlet context is the payload of the application's start event, before the catalog's import. */
    void onStart(@Observes @Priority(Interceptor.Priority.APPLICATION - 10) @Initialized(ApplicationScoped.class) ServletContext context) {
        packaged = context.getRealPath("/WEB-INF/content");
        try (InputStream manifest = context.getResourceAsStream("/META-INF/MANIFEST.MF")) {
            build = manifest == null ? null : new Manifest(manifest).getMainAttributes().getValue("Build-Time");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** When the running WAR was built; empty for an archive without that stamp (a test deployment, say). */
    public Optional<String> build() {
        return Optional.ofNullable(build).filter(b -> !b.isBlank());
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
