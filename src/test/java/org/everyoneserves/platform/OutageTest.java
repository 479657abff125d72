package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import org.everyoneserves.platform.web.Outage;
import org.junit.jupiter.api.Test;

class OutageTest {

    @Test
    void aConnectionThatCannotBeHadIsAnOutageHoweverDeepItIsWrapped() {
        assertTrue(Outage.isDatabaseDown(new RuntimeException(new PersistenceException(
                new SQLException("IJ031084: Unable to create connection", new SQLNonTransientConnectionException("Socket fail to connect"))))));
        assertTrue(Outage.isDatabaseDown(new PersistenceException(new SQLException("Communications link failure", "08S01"))));
    }

    @Test
    void otherDatabaseErrorsAreNot() {
        assertFalse(Outage.isDatabaseDown(new PersistenceException(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(Outage.isDatabaseDown(new IllegalStateException("no")));
    }
}
