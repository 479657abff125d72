package org.everyoneserves.progress;

import java.util.List;

/**
 * One page of a team overview, with how many people of the whole (filtered by department and role, not by status)
 * are in each state, for the filter buttons.
 */
public record TeamPage(List<TeamRow> rows, long total, int page, int size, Counts counts) {

    public record Counts(long all, long overdue, long dueSoon, long expiring, long complete) {
    }

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public boolean hasNext() {
        return page + 1 < pages();
    }
}
