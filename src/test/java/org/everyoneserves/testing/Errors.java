package org.everyoneserves.testing;

import org.everyoneserves.platform.BusinessException;

/** What a service said no with: the business error's code, or "no error" when it said yes. */
public final class Errors {

    private Errors() {
    }

    public static String code(Runnable call) {
        try {
            call.run();
            return "no error";
        } catch (BusinessException e) {
            return e.code();
        }
    }
}
