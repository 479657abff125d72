package org.everyoneserves.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every API error is application/problem+json in one shape; OpenAPI and health answer. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ApiErrorsIT {

    static final String RESETS = "/api/v1/auth/password-resets";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(ApiErrorsIT.class);
    }

    final Web web = new Web();

    static void assertProblem(HttpResponse<String> response, int status, String code) {
        assertEquals(status, response.statusCode(), response.body());
        assertEquals("application/problem+json", response.headers().firstValue("Content-Type").orElseThrow());
        assertTrue(response.body().contains("\"status\":" + status), response.body());
        assertTrue(response.body().contains("\"code\":\"" + code + "\""), response.body());
        assertTrue(response.body().contains("\"type\":\"https://everyoneserves.org/problems/" + code + "\""), response.body());
        assertFalse(response.body().contains("Exception"), "no exception names on the wire: " + response.body());
    }

    @Test
    void aWellFormedRequestIsAccepted() {
        assertEquals(202, web.postJson(RESETS, "{\"email\":\"nobody-at-all@example.org\"}").statusCode(),
                "the same answer for unknown addresses");
    }

    @Test
    void beanValidationFailuresNameTheField() {
        HttpResponse<String> response = web.postJson(RESETS, "{\"email\":\"not an address\"}");
        assertProblem(response, 400, "error.validation");
        assertTrue(response.body().contains("\"errors\":[{\"field\":\"email\",\"message\":\"must be a well-formed email address\"}]"),
                response.body());
        HttpResponse<String> missing = web.postJson(RESETS, "{}");
        assertTrue(missing.body().contains("{\"field\":\"email\",\"message\":\"must not be blank\"}"), missing.body());
        HttpResponse<String> noBody = web.postJson(RESETS, "");
        assertProblem(noBody, 400, "error.validation");
        assertTrue(noBody.body().contains("{\"field\":\"body\",\"message\":\"must not be null\"}"), noBody.body());
    }

    @Test
    void malformedJsonIsABadRequest() {
        assertProblem(web.postJson(RESETS, "{\"email\": "), 400, "error.malformedRequest");
        assertProblem(web.postJson(RESETS, "[1, 2"), 400, "error.malformedRequest");
    }

    @Test
    void unknownPathsWrongMethodsAndMediaTypesAreProblems() {
        assertProblem(web.get("/api/v1/no-such-thing"), 404, "error.unknownPath");
        HttpResponse<String> wrongMethod = web.get(RESETS);
        assertProblem(wrongMethod, 405, "error.methodNotAllowed");
        assertTrue(wrongMethod.headers().firstValue("Allow").orElse("").contains("POST"), "Allow names the methods there are");
        assertProblem(web.send(HttpRequest.newBuilder(URI.create(Web.BASE + RESETS)).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString("x")).build()), 415, "error.unsupportedMediaType");
    }

    @Test
    void theOpenApiDocumentDescribesTheApiAndItsProblems() {
        HttpResponse<String> openapi = web.get("/openapi");
        assertEquals(200, openapi.statusCode());
        assertTrue(openapi.body().contains("/api/v1/auth/password-resets"), openapi.body());
        assertTrue(openapi.body().contains("application/problem+json"));
        assertTrue(openapi.body().contains("title: Everyone Serves API"));
    }

    @Test
    void healthSaysLiveAndReadyWhenTheDatabaseAnswers() {
        HttpResponse<String> live = web.get("/health/live");
        assertEquals(200, live.statusCode());
        HttpResponse<String> ready = web.get("/health/ready");
        assertEquals(200, ready.statusCode());
        assertEquals("{\"status\":\"UP\"}", ready.body());
    }
}
