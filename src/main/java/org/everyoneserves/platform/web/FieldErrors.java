package org.everyoneserves.platform.web;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.everyoneserves.platform.BusinessException;

/**
 * A service's refusal shown next to the field it is about, in the viewer's language:
 * <pre>
 * FieldErrors.of(e)
 *         .on("person:email", "people.error.duplicateEmail")
 *         .on("person:manager", "people.error.unknownManager", "people.error.managerCycle")
 *         .show();
 * </pre>
 * A code that no field claims is thrown on to {@link BusinessExceptionHandler}, which shows it at the top of the page,
 * unless {@link #showOr(String)} names the field that takes every other refusal.
 */
public final class FieldErrors {

    private final BusinessException error;
    private String clientId;

    private FieldErrors(BusinessException error) {
        this.error = error;
    }

    public static FieldErrors of(BusinessException error) {
        return new FieldErrors(error);
    }

    /** The field (its full client id, such as "person:email") that shows any of these codes. */
    public FieldErrors on(String clientId, String... codes) {
        return on(arguments -> clientId, codes);
    }

    /** A field that depends on the refusal's arguments, such as the row of a repeated input. */
    public FieldErrors on(Function<List<Object>, String> clientId, String... codes) {
        if (this.clientId == null && List.of(codes).contains(error.code())) {
            this.clientId = clientId.apply(error.arguments());
        }
        return this;
    }

    /** The field that claimed the refusal's code, if one did. */
    Optional<String> field() {
        return Optional.ofNullable(clientId);
    }

    /** Shows the message next to the field that claimed its code, or throws the refusal on when none did. */
    public void show() {
        if (clientId == null) {
            throw error;
        }
        Messages.fieldError(clientId, error.code(), error.arguments().toArray());
    }

    /** Shows the message next to the field that claimed its code, or else next to {@code otherClientId}. */
    public void showOr(String otherClientId) {
        Messages.fieldError(clientId == null ? otherClientId : clientId, error.code(), error.arguments().toArray());
    }
}
