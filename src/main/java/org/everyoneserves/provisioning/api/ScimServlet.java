package org.everyoneserves.provisioning.api;

import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.response.ErrorResponse;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.exceptions.ScimException;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.everyoneserves.provisioning.ProvisioningService;
import org.everyoneserves.provisioning.ScimClient;

/**
 * SCIM 2.0 at {@code /scim/v2} (RFC 7643, 7644) for the company's identity provider, signed in by its provider
 * token ({@code Authorization: Bearer}). The SCIM library parses requests, filters and PATCH operations (with its
 * workarounds for Entra ID's shapes) and answers in SCIM's own error format; the handlers map Users and Groups onto
 * the provisioning service. No HTTP session, no cookie.
 */
@WebServlet("/scim/v2/*")
public class ScimServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAX_BODY = 1_000_000;
    static final int MAX_RESULTS = 200;
    private static final String SCIM_JSON = "application/scim+json";
    private static final Set<String> METHODS = Set.of("GET", "POST", "PUT", "PATCH", "DELETE");

    @Inject
    transient ProvisioningService provisioning;

    private transient ResourceEndpoint endpoint;

    @Override
    public void init() {
        ServiceProvider serviceProvider = ServiceProvider.builder()
                .documentationUri("https://github.com/everyoneserves/everyone-serves#company-accounts")
                .filterConfig(FilterConfig.builder().supported(true).maxResults(MAX_RESULTS).build())
                .patchConfig(PatchConfig.builder().supported(true).activateMsAzureFilterWorkaround(true)
                        .activateMsAzureValueSubAttributeWorkaround(true).activateMsAzureComplexSimpleValueWorkaround(true).build())
                .sortConfig(SortConfig.builder().supported(false).build())
                .changePasswordConfig(ChangePasswordConfig.builder().supported(false).build())
                .bulkConfig(BulkConfig.builder().supported(false).build())
                .eTagConfig(ETagConfig.builder().supported(false).build())
                .authenticationSchemes(List.of(AuthenticationScheme.builder().name("OAuth Bearer Token").type("oauthbearertoken")
                        .description("The provider token an admin made on Admin, Identity provisioning").build()))
                .caseInsensitiveValidation(true)
                .lenientContentTypeChecking(true)
                .build();
        endpoint = new ResourceEndpoint(serviceProvider);
        endpoint.registerEndpoint(new UserEndpointDefinition(new UserHandler(provisioning)));
        endpoint.registerEndpoint(new GroupEndpointDefinition(new GroupHandler(provisioning)));
    }

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String method = request.getMethod();
        if (!METHODS.contains(method)) {
            write(response, error(405, "Method " + method + " is not supported here"));
            return;
        }
        Optional<ScimClient> client = provisioning.authenticate(bearer(request));
        if (client.isEmpty()) {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"everyoneserves-scim\"");
            write(response, error(401, "A valid provider token is required (Authorization: Bearer ...)"));
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        if (body.length > MAX_BODY) {
            write(response, error(413, "The request body is larger than " + MAX_BODY + " bytes"));
            return;
        }
        String url = request.getRequestURL() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        Map<String, String> headers = new HashMap<>();
        for (String name : Collections.list(request.getHeaderNames())) {
            headers.put(name, request.getHeader(name));
        }
        ScimResponse answer = endpoint.handleRequest(url, HttpMethod.valueOf(method),
                body.length == 0 ? null : new String(body, StandardCharsets.UTF_8), headers, new Context(new ProviderAuthorization(client.get())));
        write(response, answer);
    }

    private static String bearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
    }

    private static ScimResponse error(int status, String detail) {
        return new ErrorResponse(new ScimException(detail, null, status, null) {
            private static final long serialVersionUID = 1L;
        });
    }

    private static void write(HttpServletResponse response, ScimResponse answer) throws IOException {
        response.setStatus(answer.getHttpStatus());
        answer.getHttpHeaders().forEach((name, value) -> {
            if (!"Content-Type".equalsIgnoreCase(name)) {
                response.setHeader(name, value);
            }
        });
        response.setHeader("Cache-Control", "no-store");
        if (answer.getHttpStatus() == 204) {
            return;
        }
        response.setContentType(SCIM_JSON);
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer.toString());
    }
}
