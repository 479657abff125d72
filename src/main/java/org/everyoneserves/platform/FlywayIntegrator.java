package org.everyoneserves.platform;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;
import org.hibernate.boot.Metadata;
import org.hibernate.boot.spi.BootstrapContext;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;
import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.hibernate.integrator.spi.Integrator;
import org.hibernate.service.spi.SessionFactoryServiceRegistry;

/**
 * Applies the Flyway migrations while Hibernate builds the session factory, which is before Hibernate validates
 * the schema ({@code hbm2ddl.auto=validate}). Deployment fails when an entity has no migration. Concurrent
 * deployments (nodes of a cluster starting together) migrate one after the other: Flyway's own lock is taken per
 * migration, so without the {@link ClusterLock} a second node could validate a schema one migration behind. A start
 * whose schema history already has every migration of the build as it is ({@link AppliedMigrations}) skips Flyway.
 */
public class FlywayIntegrator implements Integrator {

    private static final Logger LOG = Logger.getLogger(FlywayIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class).unwrap(DataSource.class);
        long t0 = System.nanoTime();
        Optional<String> current = AppliedMigrations.allApplied(dataSource, FlywayIntegrator.class.getClassLoader());
        if (current.isPresent()) {
            LOG.info(() -> String.format("Database schema at version %s: the history has every migration of this build as it is, Flyway not"
                    + " needed (%d ms)", current.get(), (System.nanoTime() - t0) / 1_000_000));
            return;
        }
        ClusterLock.holding(dataSource, "everyoneserves.migrate", Duration.ofMinutes(10), () -> {
            long start = System.nanoTime();
            MigrateResult result = migrate(dataSource);
            LOG.info(() -> String.format("Database schema at version %s (%d migrations applied in %d ms)",
                    result.targetSchemaVersion, result.migrationsExecuted, (System.nanoTime() - start) / 1_000_000));
        });
    }

    /** Applies the migrations not yet applied; on a new database whose only tables are the session store's, all of them. */
    public static MigrateResult migrate(DataSource dataSource) {
        try {
            return flyway(dataSource, false).migrate();
        } catch (FlywayException e) {
            if (!onlySessionStore(dataSource)) {
                throw e;
            }
            LOG.info("A new database whose only tables are the session store's: its schema history starts at version 0");
            return flyway(dataSource, true).migrate();
        }
    }

    private static Flyway flyway(DataSource dataSource, boolean fromNothing) {
        FluentConfiguration configuration = Flyway.configure(FlywayIntegrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration");
        return (fromNothing ? configuration.baselineOnMigrate(true).baselineVersion("0") : configuration).load();
    }

    /**
     * Whether the schema has no table but the session store's ({@code web_session_*}, which Infinispan creates when the
     * deployment's session cache starts): a first start whose session store came up before the migrations (a server
     * alone, with no cluster to wait for, starts it at once). Flyway refuses a schema that is not empty and has no
     * history; here its history starts at version 0 and every migration is applied. Any other table without a history
     * still stops the deployment.
     */
    static boolean onlySessionStore(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet tables = statement.executeQuery("select table_name from information_schema.tables where table_schema = database()")) {
            boolean any = false;
            while (tables.next()) {
                if (!tables.getString(1).toLowerCase(Locale.ROOT).startsWith("web_session_")) {
                    return false;
                }
                any = true;
            }
            return any;
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }
}
