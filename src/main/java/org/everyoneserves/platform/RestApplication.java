package org.everyoneserves.platform;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.ExternalDocumentation;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.info.License;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.servers.Server;
import org.everyoneserves.platform.problem.Problem;

@ApplicationPath("/api/v1")
@OpenAPIDefinition(info = @Info(
        title = "Everyone Serves API",
        version = "1",
        description = "The JSON API of Everyone Serves for the mobile companion app. Every error is application/problem+json."
                + " Each device sign-in (each client address, without a token) may send 300 requests at once and 300 more a"
                + " minute by default (APP_API_RATE_BURST, APP_API_RATE_PER_MINUTE; counted per server): beyond that the answer"
                + " is 429 with Retry-After. While the database cannot be reached every answer is 503 with Retry-After.",
        license = @License(name = "Apache-2.0")),
        servers = @Server(url = "/", description = "The server that serves this document; the paths start with /api/v1"),
        externalDocs = @ExternalDocumentation(description = "The problem details every error is (RFC 9457)",
                url = "https://www.rfc-editor.org/rfc/rfc9457"),
        components = @Components(schemas = @Schema(name = "Problem", implementation = Problem.class,
                description = "An RFC 9457 problem: code is stable, detail is for people, errors lists field errors")))
public class RestApplication extends Application {
}
