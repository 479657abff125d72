package org.everyoneserves.progress.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class CsvCellsTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreText() {
        assertEquals("'=HYPERLINK(\"x\")", CsvCells.cell("=HYPERLINK(\"x\")"));
        assertEquals("'+1", CsvCells.cell("+1"));
        assertEquals("'-2+3", CsvCells.cell("-2+3"));
        assertEquals("'@SUM(A1)", CsvCells.cell("@SUM(A1)"));
        assertEquals("'\tx", CsvCells.cell("\tx"));
        assertEquals("Customer Support", CsvCells.cell("Customer Support"));
        assertEquals("", CsvCells.cell(null));
    }

    /** An e-mail address may start with = or +, and a figure may be negative: every column goes through the same rule. */
    @Test
    void everyColumnIsEscapedButNumbersStayNumbers() {
        assertArrayEquals(new Object[] {"'=cmd|'/c calc'!A1@example.org", "'+sum@example.org", 3, "-0.250", "2026-01-31", ""},
                CsvCells.of("=cmd|'/c calc'!A1@example.org", "+sum@example.org", 3, "-0.250", LocalDate.of(2026, 1, 31), null));
    }
}
