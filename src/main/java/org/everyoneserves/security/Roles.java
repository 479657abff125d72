package org.everyoneserves.security;

/** The groups a signed-in caller can be in; the web.xml constraints and @RolesAllowed name them. */
public final class Roles {

    public static final String LEARNER = "LEARNER";
    public static final String MANAGER = "MANAGER";
    public static final String ADMIN = "ADMIN";

    private Roles() {
    }
}
