package org.everyoneserves.security;

import org.everyoneserves.platform.api.ChangeStamps;

/**
 * Reading a row that ends in {@link ChangeStamps#COLUMNS} and {@code cs.access} (an access token's read, a web session
 * check's read) into the counters {@link AccessCache} compares with its polls: the person's six (me, plan, refreshers,
 * notifications, bookings, access) and everyone's four.
 */
final class StampRows {

    private StampRows() {
    }

    /** The person's six counters from the columns starting at {@code offset}; null for a person without a stamp row. */
    static long[] counters(Object[] row, int offset) {
        return row[offset] == null ? null : new long[] {number(row[offset]), number(row[offset + 1]), number(row[offset + 2]),
                number(row[offset + 3]), number(row[offset + 8]), number(row[offset + 9])};
    }

    /** Everyone's four counters from the columns starting at {@code offset}. */
    static long[] everyone(Object[] row, int offset) {
        return new long[] {number(row[offset + 4]), number(row[offset + 5]), number(row[offset + 6]), number(row[offset + 7])};
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }
}
