package org.everyoneserves.platform;

import java.util.List;

/**
 * A rule of the domain said no. {@link #code()} is stable: it is the message bundle key of the text shown on
 * pages and the last part of the problem type on the API.
 */
public class BusinessException extends RuntimeException {

    public enum Kind {
        INVALID(400), UNAUTHORIZED(401), FORBIDDEN(403), NOT_FOUND(404), CONFLICT(409), GONE(410), PRECONDITION_FAILED(412),
        UNPROCESSABLE(422), PRECONDITION_REQUIRED(428), TOO_MANY_REQUESTS(429), UNAVAILABLE(503);

        private final int status;

        Kind(int status) {
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private final Kind kind;
    private final String code;
    private final List<Object> arguments;
    private java.time.Duration retryAfter;

    public BusinessException(Kind kind, String code, Object... arguments) {
        super(code);
        this.kind = kind;
        this.code = code;
        this.arguments = List.of(arguments);
    }

    public static BusinessException notFound(String what) {
        return new BusinessException(Kind.NOT_FOUND, "error.notFound", what);
    }

    public static BusinessException forbidden() {
        return new BusinessException(Kind.FORBIDDEN, "error.forbidden");
    }

    /** A change from an API client's stale read (If-Match): 412. Pages use {@link #staleVersion()}. */
    public static BusinessException preconditionFailed() {
        return new BusinessException(Kind.PRECONDITION_FAILED, "error.preconditionFailed");
    }

    public static BusinessException staleVersion() {
        return new BusinessException(Kind.CONFLICT, "error.staleVersion");
    }

    /** When asking again may succeed, for a refusal that lasts a while (told to API clients in Retry-After). */
    public BusinessException retryAfter(java.time.Duration wait) {
        this.retryAfter = wait;
        return this;
    }

    public java.util.Optional<java.time.Duration> retryAfter() {
        return java.util.Optional.ofNullable(retryAfter);
    }

    public Kind kind() {
        return kind;
    }

    public String code() {
        return code;
    }

    public List<Object> arguments() {
        return arguments;
    }
}
