package org.everyoneserves.security;

import java.time.Instant;
import java.util.Set;

/**
 * The outcome of checking an e-mail and password.
 *
 * @param accessVersion the person's access version when the password was checked, for the web session to remember
 * @param lockedUntil   when THROTTLED: until when this account may not be tried from this address
 */
public record SignInResult(Status status, long personId, Set<String> groups, int accessVersion, Instant lockedUntil) {

    public enum Status { SIGNED_IN, INVALID, THROTTLED }

    static SignInResult invalid() {
        return new SignInResult(Status.INVALID, 0, Set.of(), 0, null);
    }

    static SignInResult throttled(Instant until) {
        return new SignInResult(Status.THROTTLED, 0, Set.of(), 0, until);
    }
}
