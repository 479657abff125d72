package org.everyoneserves.people;

import java.util.List;

public record PeoplePage(List<PersonSummary> people, long total, int page, int size) {

    public int pageCount() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasNext() {
        return page + 1 < pageCount();
    }

    public boolean hasPrevious() {
        return page > 0;
    }

    public long firstRow() {
        return total == 0 ? 0 : (long) page * size + 1;
    }

    public long lastRow() {
        return Math.min(total, (long) (page + 1) * size);
    }
}
