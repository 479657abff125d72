package org.everyoneserves.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Settings from system properties or the environment. Demo mode is on only when the embedded run command (or an
 * operator, with APP_DEMO=true) asks for it: it seeds the demo organisation into an empty database and shows
 * password links on screen and in the log, since no mail server is configured there.
 */
@ApplicationScoped
public class AppConfig {

    public boolean demoMode() {
        return Boolean.parseBoolean(setting("everyoneserves.demo", "APP_DEMO", "false"));
    }

    /** The address people use to reach the application, for links in messages; empty means "the request's own". */
    public String publicUrl() {
        return setting("everyoneserves.url", "APP_PUBLIC_URL", "");
    }

    /**
     * The content folder to import from; empty means the one packaged in the application. Pointing it at a checkout
     * of the content lets a company change its training and press "Import now" without a new release.
     */
    public String contentDir() {
        return setting("everyoneserves.content.dir", "APP_CONTENT_DIR", "");
    }

    static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
