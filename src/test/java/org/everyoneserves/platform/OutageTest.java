package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.LockTimeoutException;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.PessimisticLockException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransactionRollbackException;
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
        assertFalse(Outage.isDatabaseDown(new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)));
    }

    @Test
    void aDeadlockOrALockWaitTimeoutIsALockConflictHoweverDeepItIsWrapped() {
        assertTrue(Outage.isLockConflict(new RuntimeException(new PersistenceException(
                new SQLTransactionRollbackException("Deadlock found when trying to get lock", "40001", 1213)))));
        assertTrue(Outage.isLockConflict(new PersistenceException(new SQLException("Lock wait timeout exceeded", "HY000", 1205))));
        assertTrue(Outage.isLockConflict(new PessimisticLockException("wrapped without its cause")));
        assertTrue(Outage.isLockConflict(new LockTimeoutException("wrapped without its cause")));
        assertTrue(Outage.isTransient(new SQLException("Lock wait timeout exceeded", "HY000", 1205)));
    }

    @Test
    void otherErrorsAreNoLockConflicts() {
        assertFalse(Outage.isLockConflict(new PersistenceException(new SQLException("Duplicate entry", "23000", 1062))));
        assertFalse(Outage.isLockConflict(new OptimisticLockException("a stale form is a conflict of its own (409)")));
        assertFalse(Outage.isLockConflict(new PersistenceException(new SQLNonTransientConnectionException("Socket fail to connect"))));
        assertFalse(Outage.isLockConflict(new IllegalStateException("no")));
    }
}
