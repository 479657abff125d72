package org.everyoneserves.platform.problem;

import java.util.List;

/** An RFC 9457 problem detail. {@code errors} lists field errors; {@code errorId} ties a 500 to the log. */
public record Problem(String type, String title, int status, String detail, String instance, String code,
                      List<FieldError> errors, String errorId) {

    public record FieldError(String field, String message) {
    }
}
