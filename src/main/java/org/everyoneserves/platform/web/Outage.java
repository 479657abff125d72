package org.everyoneserves.platform.web;

import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransactionRollbackException;
import java.sql.SQLTransientConnectionException;
import java.util.HashSet;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * The database cannot be reached, or it gave up a transaction that waited for another's locks (a deadlock, MariaDB error
 * 1213, or a lock wait timeout, 1205): both pass. The API answers 503 problem+json and pages a short "back in a moment"
 * page with status 503, both with Retry-After, built without the database (the page's usual layout reads the person's
 * name and notifications). The answer is sent at once, so that the authentication mechanism's caller does not replace it
 * with the server's own error page. The pool opens new connections as soon as the database is back, so both recover by
 * themselves; a transaction that lost on a lock was rolled back whole, so sending the same request again is safe (API
 * writes keep their Idempotency-Key). A page's form that lost on a lock shows {@link #BUSY_CODE} next to it instead
 * ({@link BusinessExceptionHandler}), with what was typed still in it.
 */
public final class Outage {

    public static final int RETRY_AFTER_SECONDS = 30;
    public static final String CODE = "error.unavailable";
    /** A transaction lost on a lock: try again soon. */
    public static final String BUSY_CODE = "error.busy";
    public static final int BUSY_RETRY_AFTER_SECONDS = 2;
    /** The signed-in person's language, remembered in the session for pages shown while their row cannot be read. */
    public static final String SESSION_LOCALE = "everyoneserves.locale";

    private static final Logger LOG = Logger.getLogger(Outage.class.getName());
    private static final String PROBLEM_TYPES = "https://everyoneserves.org/problems/";
    /** MariaDB's "Deadlock found when trying to get lock" and "Lock wait timeout exceeded". */
    private static final Set<Integer> LOCK_ERRORS = Set.of(1213, 1205);
    private static final Set<String> LOCK_FAILURES = Set.of("jakarta.persistence.PessimisticLockException",
            "jakarta.persistence.LockTimeoutException", "org.hibernate.exception.LockAcquisitionException",
            "org.hibernate.exception.LockTimeoutException", "org.hibernate.PessimisticLockException");
    private static final Set<String> CONNECTION_FAILURES = Set.of("org.hibernate.exception.JDBCConnectionException",
            "jakarta.resource.ResourceException");

    private Outage() {
    }

    /** Whether the error, or anything that caused it, says that no connection to the database could be had. */
    public static boolean isDatabaseDown(Throwable error) {
        return anyCause(error, t -> t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException
                || t instanceof SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("08")
                || isA(t, CONNECTION_FAILURES));
    }

    /**
     * Whether the error, or anything that caused it, says that the database gave up this transaction because it waited
     * for another's locks: a deadlock (1213) or a lock wait timeout (1205). The transaction was rolled back.
     */
    public static boolean isLockConflict(Throwable error) {
        return anyCause(error, t -> t instanceof SQLTransactionRollbackException
                || t instanceof SQLException sql && (LOCK_ERRORS.contains(sql.getErrorCode()) || "40001".equals(sql.getSQLState()))
                || isA(t, LOCK_FAILURES));
    }

    private static boolean anyCause(Throwable error, Predicate<Throwable> test) {
        Set<Throwable> seen = new HashSet<>();
        for (Throwable t = error; t != null && seen.add(t); t = t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** By name: these classes are not all visible to the application. */
    private static boolean isA(Throwable t, Set<String> classNames) {
        for (Class<?> type = t.getClass(); type != null; type = type.getSuperclass()) {
            if (classNames.contains(type.getName())) {
                return true;
            }
        }
        return false;
    }

    /** Whether the error passes by itself: the database is away, or a transaction lost on a lock. */
    public static boolean isTransient(Throwable error) {
        return isDatabaseDown(error) || isLockConflict(error);
    }

    /** Answers the request with the 503 of its channel, if nothing was sent yet. */
    public static void answer(HttpServletRequest request, HttpServletResponse response, Throwable error) throws IOException {
        boolean down = isDatabaseDown(error);
        String code = down ? CODE : BUSY_CODE;
        LOG.warning(() -> (down ? "Database unreachable on " : "Transaction lost on a lock on ") + request.getRequestURI() + ": "
                + rootMessage(error));
        if (response.isCommitted()) {
            return;
        }
        response.reset();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", String.valueOf(down ? RETRY_AFTER_SECONDS : BUSY_RETRY_AFTER_SECONDS));
        response.setHeader("Cache-Control", "no-store");
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith("/api/")) {
            response.setContentType("application/problem+json");
            send(response, Json.createObjectBuilder().add("type", PROBLEM_TYPES + code).add("title", "Service Unavailable")
                    .add("status", 503).add("detail", text(Locale.ENGLISH, code + ".detail")).add("instance", path.substring(1))
                    .add("code", code).build().toString());
            return;
        }
        Locale locale = locale(request);
        response.setContentType("text/html;charset=UTF-8");
        send(response, "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"utf-8\"/>"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/><title>" + text(locale, code + ".title")
                + " · Everyone Serves</title><link rel=\"stylesheet\" href=\"" + request.getContextPath()
                + "/jakarta.faces.resource/css/app.css.xhtml\"/></head><body><main id=\"main\" class=\"container\"><h1>"
                + text(locale, code + ".title") + "</h1><p class=\"lead\" id=\"errorText\">" + text(locale, code + ".text")
                + "</p></main></body></html>");
    }

    /** Written as bytes (no charset is added to problem+json) and flushed at once. */
    private static void send(HttpServletResponse response, String body) throws IOException {
        response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
        response.flushBuffer();
    }

    /** The language remembered for the signed-in person, else the browser's if we have it, else English. */
    static Locale locale(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object remembered = session == null ? null : session.getAttribute(SESSION_LOCALE);
        if (remembered != null) {
            return "de".equals(remembered) ? Locale.GERMAN : Locale.ENGLISH;
        }
        return "de".equals(request.getLocale().getLanguage()) ? Locale.GERMAN : Locale.ENGLISH;
    }

    private static String text(Locale locale, String key) {
        try {
            return ResourceBundle.getBundle("org.everyoneserves.messages", locale).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    private static String rootMessage(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getName() + ": " + root.getMessage();
    }
}
