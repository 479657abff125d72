package org.everyoneserves.platform;

/**
 * Who is asking: the signed-in person. Services scope every query of people's data by it: a learner sees their own
 * data, a manager their reporting line, an admin everyone.
 */
public record Caller(long personId, boolean admin, boolean manager) implements java.io.Serializable {

    /** The platform itself (the demo organisation, imports at start-up): an admin that is nobody. */
    public static final Caller SYSTEM = new Caller(0, true, false);

    public boolean isSystem() {
        return personId <= 0;
    }
}
