package org.everyoneserves.platform.api;

import org.everyoneserves.platform.BusinessException;

/** Query parameters read by hand, so that a malformed one is a 400 naming it rather than JAX-RS's bare 404. */
public final class Params {

    private Params() {
    }

    public static Integer integer(String name, String value) {
        if (value == null || value.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new BusinessException(BusinessException.Kind.INVALID, "error.badParameter", name, "a whole number");
        }
    }

    public static boolean bool(String name, String value) {
        if (value == null || value.isEmpty() || value.equals("false")) {
            return false;
        }
        if (value.equals("true")) {
            return true;
        }
        throw new BusinessException(BusinessException.Kind.INVALID, "error.badParameter", name, "true or false");
    }
}
