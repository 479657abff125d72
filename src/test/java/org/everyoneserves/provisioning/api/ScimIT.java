package org.everyoneserves.provisioning.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.everyoneserves.testing.Browser;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.Scim;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * An identity provider keeps people in step over SCIM, with the requests Entra ID and Okta document: the admin makes
 * the provider's token on the page, the provider creates a person, finds them, changes and moves them (department
 * and job role through groups, manager through the enterprise extension) and deactivates them; the admin pages show
 * each step. Errors come in SCIM's own format.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ScimIT {

    private static final String ERROR = "urn:ietf:params:scim:api:messages:2.0:Error";
    private static final String PATCH = "{\"schemas\":[\"urn:ietf:params:scim:api:messages:2.0:PatchOp\"],\"Operations\":";
    private static final String ENTERPRISE = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    @RegisterExtension
    static Browser browser = new Browser();

    private final String run = UUID.randomUUID().toString().substring(0, 8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.marker(ScimIT.class);
    }

    @AfterEach
    void signOut() {
        browser.driver().manage().deleteAllCookies();
    }

    @Test
    void entraCreatesFindsChangesMovesAndDeactivatesAPersonAndThePagesShowIt() {
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        String token = createProvider("Entra ID " + run, "DEPARTMENT");
        assertEquals(Web.BASE + "/scim/v2", browser.text("scimUrl"));
        browser.assertAccessible("admin-provisioning");
        browser.screenshot("admin-provisioning-token");

        // Microsoft's documented "Create User" request (userName and the work e-mail differ there: userName wins)
        String userName = "test.user." + run + "@testuser.com";
        String externalId = UUID.randomUUID().toString();
        HttpResponse<String> created = send(token, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User","urn:ietf:params:scim:schemas:extension:enterprise:2.0:User"],
                 "externalId":"%s","userName":"%s","active":true,
                 "emails":[{"primary":true,"type":"work","value":"other_%s@testuser.com"}],
                 "meta":{"resourceType":"User"},
                 "name":{"formatted":"Ada Lindqvist","familyName":"Lindqvist","givenName":"Ada"},"roles":[]}
                """.formatted(externalId, userName, run));
        assertEquals(201, created.statusCode(), created.body());
        JsonObject user = json(created);
        String id = user.getString("id");
        assertEquals(userName, user.getString("userName"));
        assertEquals(externalId, user.getString("externalId"));
        assertTrue(user.getBoolean("active"));

        // Entra matches people by userName, then by externalId; an unknown one is an empty list, not an error
        assertEquals(id, json(send(token, "GET", "/Users?filter=" + enc("userName eq \"" + userName.toUpperCase() + "\""), null))
                .getJsonArray("Resources").getJsonObject(0).getString("id"));
        assertEquals(1, json(send(token, "GET", "/Users?filter=" + enc("externalId eq \"" + externalId + "\""), null)).getInt("totalResults"));
        assertEquals(0, json(send(token, "GET", "/Users?filter=" + enc("userName eq \"nobody-" + run + "@testuser.com\""), null))
                .getInt("totalResults"));

        // Entra's documented PATCH shapes: a path into a multi-valued attribute, the manager as a bare id, the department
        String managerId = json(send(token, "GET", "/Users?filter=" + enc("userName eq \"daniel.weber@brightwater.example\""), null))
                .getJsonArray("Resources").getJsonObject(0).getString("id");
        HttpResponse<String> patched = send(token, "PATCH", "/Users/" + id, PATCH + """
                [{"op":"Replace","path":"name.familyName","value":"Lindqvist-Berg"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager","value":"%s"},
                 {"op":"Add","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Customer Support"}]}
                """.formatted(managerId));
        assertEquals(200, patched.statusCode(), patched.body());
        JsonObject enterprise = json(patched).getJsonObject(ENTERPRISE);
        assertEquals("Customer Support", enterprise.getString("department"));
        assertEquals(managerId, enterprise.getJsonObject("manager").getString("value"));

        browser.open("/admin/people.xhtml?q=" + enc(userName));
        String row = browser.driver().findElement(By.cssSelector("#people tbody tr")).getText();
        assertTrue(row.contains("Lindqvist-Berg, Ada") && row.contains("Customer Support") && row.contains("Daniel Weber"), row);

        // moved to Sales through the group (departments are this provider's groups), with Entra's member shape
        JsonObject sales = json(send(token, "GET", "/Groups?filter=" + enc("displayName eq \"Sales\""), null))
                .getJsonArray("Resources").getJsonObject(0);
        HttpResponse<String> moved = send(token, "PATCH", "/Groups/" + sales.getString("id"), PATCH + """
                [{"op":"Add","path":"members","value":[{"$ref":null,"value":"%s"}]}]}""".formatted(id));
        assertTrue(moved.statusCode() == 200 || moved.statusCode() == 204, moved.body());
        assertEquals("Sales", json(send(token, "GET", "/Users/" + id, null)).getJsonObject(ENTERPRISE).getString("department"));

        // a department nobody has is refused in SCIM's format, and nothing changes
        HttpResponse<String> unknown = send(token, "PATCH", "/Users/" + id, PATCH + """
                [{"op":"Replace","path":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department","value":"Moon Base %s"}]}""".formatted(run));
        assertScimError(unknown, 400, "invalidValue", "No department is called Moon Base " + run);
        assertEquals("Sales", json(send(token, "GET", "/Users/" + id, null)).getJsonObject(ENTERPRISE).getString("department"));

        // the same userName again is a conflict
        assertScimError(send(token, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s","name":{"givenName":"A","familyName":"B"}}"""
                .formatted(userName)), 409, "uniqueness", userName);

        // Entra deactivates with a boolean string
        HttpResponse<String> off = send(token, "PATCH", "/Users/" + id, PATCH + """
                [{"op":"Replace","path":"active","value":"False"}]}""");
        assertEquals(200, off.statusCode(), off.body());
        assertFalse(json(off).getBoolean("active"));
        browser.open("/admin/person.xhtml?id=" + id);
        assertEquals("Lindqvist-Berg", browser.find("person:lastName").getAttribute("value"));
        assertEquals("Sales", new Select(browser.find("person:department")).getFirstSelectedOption().getText());
        browser.find("inactiveBadge");

        revokeOnPage("Entra ID " + run);
        assertScimError(send(token, "GET", "/Users/" + id, null), 401, null, "provider token");
    }

    @Test
    void oktaPutsAndPatchesWithoutAPathAndItsGroupsAreJobRoles() {
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        String token = createProvider("Okta " + run, "JOB_ROLE");
        String userName = "okta." + run + "@brightwater.example";

        // Okta's documented "Create the user" request
        HttpResponse<String> created = send(token, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"%s",
                 "name":{"givenName":"Bjorn","familyName":"Okafor"},
                 "emails":[{"primary":true,"value":"%s","type":"work"}],"displayName":"Bjorn Okafor","locale":"de-DE",
                 "externalId":"00u%s","groups":[],"password":"1mz050nq","active":true}""".formatted(userName, userName, run));
        assertEquals(201, created.statusCode(), created.body());
        String id = json(created).getString("id");
        assertEquals("de", json(created).getString("preferredLanguage"));

        // Okta's job-role group: pushing membership gives the person the role (and with it its curriculum)
        JsonObject role = json(send(token, "GET", "/Groups?filter=" + enc("displayName eq \"Customer Support Agent\"")
                + "&excludedAttributes=members", null)).getJsonArray("Resources").getJsonObject(0);
        HttpResponse<String> joined = send(token, "PATCH", "/Groups/" + role.getString("id"), PATCH + """
                [{"op":"add","path":"members","value":[{"value":"%s","display":"%s"}]}]}""".formatted(id, userName));
        assertTrue(joined.statusCode() == 200 || joined.statusCode() == 204, joined.body());

        // Okta's PUT replaces the profile
        HttpResponse<String> put = send(token, "PUT", "/Users/" + id, """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"id":"%s","userName":"%s",
                 "name":{"givenName":"Björn","familyName":"Okafor"},"emails":[{"primary":true,"value":"%s","type":"work"}],
                 "active":true}""".formatted(id, userName, userName));
        assertEquals(200, put.statusCode(), put.body());

        browser.open("/admin/people.xhtml?q=" + enc(userName));
        String row = browser.driver().findElement(By.cssSelector("#people tbody tr")).getText();
        assertTrue(row.contains("Okafor, Björn") && row.contains("Customer Support Agent"), row);

        // Okta's documented deactivation: replace without a path
        HttpResponse<String> off = send(token, "PATCH", "/Users/" + id, PATCH + """
                [{"op":"replace","value":{"active":false}}]}""");
        assertEquals(200, off.statusCode(), off.body());
        browser.open("/admin/person.xhtml?id=" + id);
        browser.find("inactiveBadge");

        // and back; removing the membership leaves the person without a job role (Okta's filter path)
        HttpResponse<String> on = send(token, "PATCH", "/Users/" + id, PATCH + """
                [{"op":"replace","value":{"active":true}}]}""");
        assertTrue(json(on).getBoolean("active"), on.body());
        HttpResponse<String> left = send(token, "PATCH", "/Groups/" + role.getString("id"), PATCH + """
                [{"op":"remove","path":"members[value eq \\"%s\\"]"}]}""".formatted(id));
        assertTrue(left.statusCode() == 200 || left.statusCode() == 204, left.body());
        browser.open("/admin/person.xhtml?id=" + id);
        assertEquals("", new Select(browser.find("person:jobRole")).getFirstSelectedOption().getAttribute("value"));
    }

    @Test
    void discoveryPagingAndRefusals() {
        browser.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        String token = createProvider("Keycloak " + run, "DEPARTMENT");

        JsonObject config = json(send(token, "GET", "/ServiceProviderConfig", null));
        assertTrue(config.getJsonObject("patch").getBoolean("supported"));
        assertTrue(config.getJsonObject("filter").getBoolean("supported"));
        assertFalse(config.getJsonObject("bulk").getBoolean("supported"));
        String types = send(token, "GET", "/ResourceTypes", null).body();
        assertTrue(types.contains("\"User\"") && types.contains("\"Group\"") && types.contains(ENTERPRISE), types);
        assertTrue(send(token, "GET", "/Schemas", null).body().contains(ENTERPRISE));

        JsonObject page = json(send(token, "GET", "/Users?startIndex=3&count=2", null));
        assertEquals(2, page.getJsonArray("Resources").size());
        assertEquals(3, page.getInt("startIndex"));
        assertTrue(page.getInt("totalResults") >= 53, page.toString());
        JsonObject next = json(send(token, "GET", "/Users?startIndex=5&count=2", null));
        assertFalse(page.getJsonArray("Resources").getJsonObject(1).getString("id")
                .equals(next.getJsonArray("Resources").getJsonObject(0).getString("id")), "pages do not overlap");

        assertScimError(send(null, "GET", "/Users", null), 401, null, "provider token");
        assertScimError(send("not-a-token", "GET", "/Users", null), 401, null, "provider token");
        assertScimError(send(token, "GET", "/Users?filter=" + enc("name.givenName co \"a\""), null), 400, "invalidFilter", "userName eq");
        assertScimError(send(token, "GET", "/Users/999999999", null), 404, null, "999999999");
        assertScimError(send(token, "POST", "/Users", """
                {"schemas":["urn:ietf:params:scim:schemas:core:2.0:User"],"userName":"no-name-%s@testuser.com"}""".formatted(run)),
                400, "invalidValue", "givenName");
    }

    // ---- helpers

    private String createProvider(String name, String target) {
        return Scim.createProvider(browser, name, target);
    }

    private void revokeOnPage(String name) {
        browser.open("/admin/provisioning.xhtml");
        browser.clickAndWait(By.cssSelector("input[aria-label='Revoke " + name + "']"));
        assertTrue(browser.driver().getPageSource().contains("The token is revoked"));
    }

    private HttpResponse<String> send(String token, String method, String path, String body) {
        return Scim.send(token, method, path, body);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return Scim.json(response);
    }

    private static void assertScimError(HttpResponse<String> response, int status, String scimType, String detailPart) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/scim+json"), response.headers().toString());
        JsonObject error = json(response);
        assertEquals(ERROR, error.getJsonArray("schemas").getString(0));
        assertEquals(String.valueOf(status), error.get("status").toString().replace("\"", ""));
        if (scimType != null) {
            assertEquals(scimType, error.getString("scimType"), response.body());
        }
        assertTrue(error.getString("detail").contains(detailPart), error.getString("detail"));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
