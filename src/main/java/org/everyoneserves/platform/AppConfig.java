package org.everyoneserves.platform;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Settings from system properties or the environment. Demo mode is on only when the embedded run command (or an
 * operator, with APP_DEMO=true) asks for it: it seeds the demo organisation into an empty database, where every demo
 * account has the same published password, and shows a banner on every page.
 */
@ApplicationScoped
@jakarta.inject.Named
public class AppConfig {

    static final String DEMO_REFUSED = "APP_DEMO=true is refused: demo mode seeds accounts whose password is published, and "
            + "this database is not the embedded one of the run command. If this really is a throw-away installation, "
            + "also set APP_DEMO_ON_EXTERNAL_DATABASE=true.";

    /**
     * Whether this is the demo. Asked for against a database that is not the embedded one (the run command and the
     * tests mark theirs with {@code -Deveryoneserves.db.embedded=true}) without the second, explicit setting
     * APP_DEMO_ON_EXTERNAL_DATABASE=true, demo mode refuses to start: the application's deployment fails with
     * {@link #DEMO_REFUSED}, so a real installation cannot become the demo by one mistaken variable.
     */
    public boolean demoMode() {
        boolean asked = Boolean.parseBoolean(setting("everyoneserves.demo", "APP_DEMO", "false"));
        if (asked && !Boolean.getBoolean("everyoneserves.db.embedded")
                && !Boolean.parseBoolean(setting("everyoneserves.demo.externalDatabase", "APP_DEMO_ON_EXTERNAL_DATABASE", "false"))) {
            throw new IllegalStateException(DEMO_REFUSED);
        }
        return asked;
    }

    /** The company's name (APP_COMPANY_NAME): a password may not contain it. */
    public String companyName() {
        return setting("everyoneserves.company", "APP_COMPANY_NAME", "");
    }

    /** How long a web sign-in lasts at most, however active (APP_SESSION_MAX_HOURS, default 12), besides the idle timeout. */
    public java.time.Duration sessionLifetime() {
        try {
            return java.time.Duration.ofHours(Math.max(1, Long.parseLong(setting("everyoneserves.session.maxHours", "APP_SESSION_MAX_HOURS", "12"))));
        } catch (NumberFormatException e) {
            return java.time.Duration.ofHours(12);
        }
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

    /** How many API requests a device (or an address, without a token) may send at once (default 300). */
    public int apiRateBurst() {
        return number("everyoneserves.api.rate.burst", "APP_API_RATE_BURST", 300);
    }

    /** How many more API requests a device (or an address) gets each minute (default 300). */
    public int apiRatePerMinute() {
        return number("everyoneserves.api.rate.perMinute", "APP_API_RATE_PER_MINUTE", 300);
    }

    /** How many megabytes of API answers each server keeps by their ETag (APP_API_ANSWER_CACHE_MB, default 64). */
    public int apiAnswerCacheMegabytes() {
        return number("everyoneserves.api.answerCacheMb", "APP_API_ANSWER_CACHE_MB", 64);
    }

    /** How many megabytes of pages each server keeps to send again while unchanged (APP_PAGE_CACHE_MB, default 32). */
    public int pageCacheMegabytes() {
        return number("everyoneserves.pageCacheMb", "APP_PAGE_CACHE_MB", 32);
    }

    /**
     * How often, in milliseconds, each server reads which people's change stamps have changed, to forget what it keeps
     * in memory of them (APP_API_CALLER_POLL_MS, default 100; 0 keeps nothing and reads every API caller from the
     * database). A change made on another server counts here after at most about this long.
     */
    public int apiCallerPollMillis() {
        try {
            return Math.max(0, Integer.parseInt(setting("everyoneserves.api.callerPollMs", "APP_API_CALLER_POLL_MS", "100")));
        } catch (NumberFormatException e) {
            return 100;
        }
    }

    private static int number(String property, String environment, int fallback) {
        try {
            return Math.max(1, Integer.parseInt(setting(property, environment, String.valueOf(fallback))));
        } catch (NumberFormatException e) {
            return fallback;
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
