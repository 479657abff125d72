package org.everyoneserves.testing;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Test deployments. In-container tests run inside a copy of the real WAR, built by {@code mvn package}, so they use
 * the same persistence unit, migrations and CDI beans as production. Client tests talk to the application the test
 * server boots with (ROOT.war at {@link Web#BASE}) and deploy only an empty marker, which Arquillian requires.
 */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive application(Class<?>... testClasses) {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/everyone-serves.war"));
        return ShrinkWrap.create(WebArchive.class, testClasses[0].getSimpleName() + ".war")
                .merge(war)
                .addClasses(testClasses)
                .addClasses(Deployments.class, Errors.class);
    }

    public static WebArchive marker(Class<?> testClass) {
        return ShrinkWrap.create(WebArchive.class, "client-" + testClass.getSimpleName() + ".war")
                .addAsWebResource(new StringAsset("client test marker"), "index.html");
    }
}
