package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What wildfly-config/server.cli gives production, read as the build reads it. */
class ServerConfigTest {

    /** A server started without a database password must not try a well-known one: it fails at start instead. */
    @Test
    void theDatasourceHasNoDefaultPassword() throws IOException {
        String cli = Files.readString(Path.of("wildfly-config/server.cli"));
        Matcher password = Pattern.compile("data-source=EveryoneServesDS:add\\(.*?password=\"([^\"]*)\"").matcher(cli);
        assertTrue(password.find(), "the datasource names a password");
        assertTrue(password.group(1).equals("${app.db.password:${env.APP_DB_PASSWORD}}"),
                "from -Dapp.db.password or APP_DB_PASSWORD, with no fallback: " + password.group(1));
    }
}
