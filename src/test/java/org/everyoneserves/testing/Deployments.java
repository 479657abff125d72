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
        return copyOfApplication(testClasses[0].getSimpleName())
                .addClasses(testClasses)
                .addClasses(Deployments.class, Errors.class);
    }

    /**
     * A client test that makes its own people: a copy of the application with {@link PeopleServlet}, at
     * {@link #peopleContext}. The test still talks to the application at {@link Web#BASE}; both share the database.
     */
    public static WebArchive withPeople(Class<?> testClass) {
        return copyOfApplication(peopleContext(testClass)).addClasses(People.class, NewPerson.class, PeopleServlet.class,
                MailSwitchServlet.class);
    }

    /**
     * Without the build's index of the application's classes: the test adds classes to WEB-INF/classes, and WildFly would
     * read the index instead of them (its servlets and beans would not be found).
     */
    private static WebArchive copyOfApplication(String name) {
        WebArchive copy = ShrinkWrap.create(WebArchive.class, name + ".war")
                .merge(ShrinkWrap.createFromZipFile(WebArchive.class, new File("target/everyone-serves.war")));
        copy.delete("/WEB-INF/classes/META-INF/jandex.idx");
        return copy;
    }

    static String peopleContext(Class<?> testClass) {
        return "people-" + testClass.getSimpleName();
    }

    public static WebArchive marker(Class<?> testClass) {
        return ShrinkWrap.create(WebArchive.class, "client-" + testClass.getSimpleName() + ".war")
                .addAsWebResource(new StringAsset("client test marker"), "index.html");
    }
}
