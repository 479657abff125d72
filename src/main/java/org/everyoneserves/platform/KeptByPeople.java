package org.everyoneserves.platform;

/**
 * Values worked out from the database rows of a set of people (a manager's reporting line), kept in this server's
 * memory until a change to one of those people is seen, whichever server made it: each person's change stamp moves
 * with every write to their rows, and the server's poll of the stamps forgets every value that names a person whose
 * stamp moved. Like the API's callers, what is kept is trusted only while the polls are current: a change made through
 * this server counts at once, one made through another within a poll interval.
 * <p>
 * Use: {@link #value}; on a miss, take a {@link #reading()} before the database is read, then {@link #keepValue} what the read
 * gave with the people it was worked out from. A value read while a poll began, or while everything was forgotten,
 * is not kept; nor is one worked out from more than {@link #MOST_PEOPLE_PER_VALUE} people (in a line that large something
 * changes every moment).
 */
public interface KeptByPeople {

    /** The most people a kept value may be worked out from. */
    int MOST_PEOPLE_PER_VALUE = 5_000;

    /**
     * A read of the database about to begin: what it gives may be kept if nothing was forgotten meanwhile. {@code duringPoll}:
     * a poll was under way when it began, which may yet read a change the read did not see as already seen.
     */
    record Reading(long epoch, long began, boolean duringPoll) {
    }

    /** The value kept under this key, if there is one and what is kept can be trusted now; null otherwise. */
    Object value(String key);

    /** Taken before the database is read for a value to {@link #keepValue}. */
    Reading reading();

    /** Keeps the value worked out from these people's rows by a read that began at {@code reading}, unless it may already be out of date. */
    void keepValue(String key, Object value, long[] people, Reading reading);
}
