package org.everyoneserves.platform.problem;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.web.Outage;

/** The one factory of problem+json responses. Texts come from the message bundle, in English on the API. */
public final class Problems {

    public static final MediaType PROBLEM_JSON = MediaType.valueOf("application/problem+json");
    static final String TYPE_BASE = "https://everyoneserves.org/problems/";

    private Problems() {
    }

    public static Response of(BusinessException e, String instance) {
        String detail = text(e.code(), e.arguments().toArray());
        return response(new Problem(TYPE_BASE + e.code(), title(e.kind().status()), e.kind().status(), detail, instance,
                e.code(), null, null), e.retryAfter().map(wait -> Math.max(1, wait.toSeconds())).orElse(60L));
    }

    public static Response of(int status, String code, String instance, List<Problem.FieldError> errors, String errorId) {
        return response(new Problem(TYPE_BASE + code, title(status), status, text(code), instance, code, errors, errorId), 60L);
    }

    /** 503: the database cannot be reached; the client tries again after {@link Outage#RETRY_AFTER_SECONDS}. */
    public static Response unavailable(String instance) {
        return response(new Problem(TYPE_BASE + Outage.CODE, title(503), 503, text(Outage.CODE + ".detail"), instance, Outage.CODE, null,
                null), Outage.RETRY_AFTER_SECONDS);
    }

    /**
     * 503: the transaction lost on a lock held by another (deadlock, lock wait timeout) and was rolled back whole; the
     * client sends the same request again after {@link Outage#BUSY_RETRY_AFTER_SECONDS}.
     */
    public static Response busy(String instance) {
        return response(new Problem(TYPE_BASE + Outage.BUSY_CODE, title(503), 503, text(Outage.BUSY_CODE + ".detail"), instance,
                Outage.BUSY_CODE, null, null), Outage.BUSY_RETRY_AFTER_SECONDS);
    }

    /** 429: too many requests; the client tries again after {@code retryAfter} seconds. */
    public static Response tooMany(String code, String instance, long retryAfter) {
        return response(new Problem(TYPE_BASE + code, title(429), 429, text(code), instance, code, null, null), retryAfter);
    }

    /** @param retryAfter seconds, told in Retry-After when the answer is 429 or 503 */
    private static Response response(Problem problem, long retryAfter) {
        Response.ResponseBuilder builder = Response.status(problem.status()).type(PROBLEM_JSON).entity(problem);
        if (problem.status() == 429 || problem.status() == 503) {
            builder.header("Retry-After", String.valueOf(retryAfter));
        }
        if (problem.status() == 401) {
            builder.header("WWW-Authenticate", problem.code().startsWith("auth.error.token") && !problem.code().equals("auth.error.tokenMissing")
                    ? "Bearer realm=\"everyoneserves\", error=\"invalid_token\"" : "Bearer realm=\"everyoneserves\"");
        }
        return builder.build();
    }

    static String title(int status) {
        Response.Status known = Response.Status.fromStatusCode(status);
        return known != null ? known.getReasonPhrase() : "Error " + status;
    }

    /** The English text of a message key with its arguments; the key itself when the bundle has none. */
    public static String text(String key, Object... arguments) {
        try {
            String pattern = ResourceBundle.getBundle("org.everyoneserves.messages", Locale.ENGLISH).getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, Locale.ENGLISH).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
