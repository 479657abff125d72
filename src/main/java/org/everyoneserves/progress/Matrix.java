package org.everyoneserves.progress;

import java.util.List;
import java.util.Map;

/**
 * A small team against the items its members owe: one row per person, one column per item, each cell the person's
 * state on that item.
 */
public record Matrix(List<Column> columns, List<Row> rows, boolean tooLarge) {

    public enum Cell { DONE, OVERDUE, DUE_SOON, OPEN, NONE }

    public record Column(String key, String kind, String title) {
    }

    public record Row(long personId, String name, Map<String, Cell> cells) {

        public Cell cell(String key) {
            return cells.getOrDefault(key, Cell.NONE);
        }
    }
}
