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

    /** E-mail goes out only when an SMTP server is named (APP_SMTP_HOST); otherwise notifications stay in the application. */
    public boolean mailEnabled() {
        return !setting("app.smtp.host", "APP_SMTP_HOST", "").isEmpty();
    }

    /** Whether the SMTP server wants a user name and password (APP_SMTP_USER); then the authenticated mail session is used. */
    public boolean mailAuthenticated() {
        return !setting("app.smtp.user", "APP_SMTP_USER", "").isEmpty();
    }

    /** How often, in seconds, reminders that have fallen due are sent (default every 10 minutes; 0 turns them off). */
    public long reminderIntervalSeconds() {
        try {
            return Math.max(0, Long.parseLong(setting("everyoneserves.reminders.interval", "APP_REMINDER_INTERVAL", "600")));
        } catch (NumberFormatException e) {
            return 600;
        }
    }

    /** After how many weeks overdue a reminder also goes to the person's manager (default 3). */
    public int escalateAfterWeeks() {
        try {
            return Math.max(1, Integer.parseInt(setting("everyoneserves.reminders.escalate", "APP_ESCALATE_WEEKS", "3")));
        } catch (NumberFormatException e) {
            return 3;
        }
    }

    /** A system property, else the environment variable, else the fallback; blank counts as unset. */
    public static String setting(String property, String environment, String fallback) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? fallback : value.strip();
    }
}
