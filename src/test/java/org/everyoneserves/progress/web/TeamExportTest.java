package org.everyoneserves.progress.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class TeamExportTest {

    @Test
    void cellsThatASpreadsheetWouldRunAsAFormulaAreText() {
        assertEquals("'=HYPERLINK(\"x\")", TeamExportServlet.text("=HYPERLINK(\"x\")"));
        assertEquals("'+1", TeamExportServlet.text("+1"));
        assertEquals("'-2", TeamExportServlet.text("-2"));
        assertEquals("'@SUM(A1)", TeamExportServlet.text("@SUM(A1)"));
        assertEquals("Customer Support", TeamExportServlet.text("Customer Support"));
        assertEquals("", TeamExportServlet.text(null));
    }
}
