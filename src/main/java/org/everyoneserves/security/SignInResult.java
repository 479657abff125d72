package org.everyoneserves.security;

import java.time.Instant;
import java.util.Set;

/** The outcome of checking an e-mail and password. */
public record SignInResult(Status status, long personId, Set<String> groups, Instant lockedUntil) {

    public enum Status { SIGNED_IN, INVALID, THROTTLED }

    static SignInResult invalid() {
        return new SignInResult(Status.INVALID, 0, Set.of(), null);
    }

    static SignInResult throttled(Instant until) {
        return new SignInResult(Status.THROTTLED, 0, Set.of(), until);
    }
}
