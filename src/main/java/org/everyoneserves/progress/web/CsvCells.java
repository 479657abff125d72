package org.everyoneserves.progress.web;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Cells of a CSV export, every column of every row: text that a spreadsheet would run as a formula (it starts with
 * =, +, -, @, a tab or a carriage return, as an e-mail address may) gets an apostrophe in front, so it shows as text.
 * Numbers stay numbers, negative ones included; a missing value is an empty cell.
 */
final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private CsvCells() {
    }

    static Object[] of(Object... values) {
        return Arrays.stream(values).map(CsvCells::cell).toArray();
    }

    static Object cell(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Number) {
            return value;
        }
        String text = value.toString();
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 && !NUMBER.matcher(text).matches() ? "'" + text : text;
    }
}
