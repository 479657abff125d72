package org.everyoneserves.platform;

import java.time.Duration;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
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
 * migration, so without the {@link ClusterLock} a second node could validate a schema one migration behind.
 */
public class FlywayIntegrator implements Integrator {

    private static final Logger LOG = Logger.getLogger(FlywayIntegrator.class.getName());

    @Override
    public void integrate(Metadata metadata, BootstrapContext bootstrapContext, SessionFactoryImplementor sessionFactory) {
        DataSource dataSource = sessionFactory.getServiceRegistry().getService(ConnectionProvider.class).unwrap(DataSource.class);
        ClusterLock.holding(dataSource, "everyoneserves.migrate", Duration.ofMinutes(10), () -> {
            long start = System.nanoTime();
            MigrateResult result = Flyway.configure(FlywayIntegrator.class.getClassLoader())
                    .dataSource(dataSource)
                    .locations("classpath:db/migration")
                    .load()
                    .migrate();
            LOG.info(() -> String.format("Database schema at version %s (%d migrations applied in %d ms)",
                    result.targetSchemaVersion, result.migrationsExecuted, (System.nanoTime() - start) / 1_000_000));
        });
    }

    @Override
    public void disintegrate(SessionFactoryImplementor sessionFactory, SessionFactoryServiceRegistry serviceRegistry) {
        // nothing to release
    }
}
