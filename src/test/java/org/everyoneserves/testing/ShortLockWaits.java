package org.everyoneserves.testing;

import java.io.IOException;
import org.jboss.as.arquillian.container.ManagementClient;
import org.jboss.dmr.ModelNode;

/**
 * Makes the test server's transactions give up after one second of waiting for a lock (MariaDB error 1205) instead of
 * the default 50, until closed: sets the database's global {@code innodb_lock_wait_timeout}, which a connection takes
 * when it opens, and has the server's pool replace its connections (in-use ones as they come back). Closing puts both
 * back. For a test that holds a row lock ({@link Database#holdingLocks}) and wants the server to lose on it.
 */
public final class ShortLockWaits implements AutoCloseable {

    private final ManagementClient management;
    private final long before;

    public ShortLockWaits(ManagementClient management) {
        this.management = management;
        this.before = ((Number) Database.value("select @@global.innodb_lock_wait_timeout")).longValue();
        Database.update("set global innodb_lock_wait_timeout = 1");
        renewConnections();
    }

    @Override
    public void close() {
        Database.update("set global innodb_lock_wait_timeout = " + before);
        renewConnections();
    }

    private void renewConnections() {
        ModelNode operation = new ModelNode();
        operation.get("operation").set("flush-gracefully-connection-in-pool");
        operation.get("address").add("subsystem", "datasources").add("data-source", "EveryoneServesDS");
        try {
            ModelNode result = management.getControllerClient().execute(operation);
            if (!"success".equals(result.get("outcome").asString())) {
                throw new AssertionError("the server's pool was not flushed: " + result);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
