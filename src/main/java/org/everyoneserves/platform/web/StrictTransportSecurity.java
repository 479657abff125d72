package org.everyoneserves.platform.web;

import io.undertow.server.HttpHandler;
import io.undertow.servlet.ServletExtension;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.util.HttpString;
import jakarta.servlet.ServletContext;

/**
 * {@code Strict-Transport-Security} on every answer to a request that came over TLS: directly, or through the trusted
 * proxy, whose {@code X-Forwarded-Proto} the server's trusted-proxy filter (wildfly-config/server.cli) has turned into
 * the request's scheme by the time this deployment sees the request. A server-level header filter ran before that
 * filter and never saw the proxy's https. The header is added as the answer is committed, so answers that reset the
 * response on the way (the sign-in redirect, the 503 of an outage) carry it too; never over plain HTTP.
 */
public class StrictTransportSecurity implements ServletExtension {

    static final HttpString HEADER = new HttpString("Strict-Transport-Security");
    static final String VALUE = "max-age=31536000; includeSubDomains";

    @Override
    public void handleDeployment(DeploymentInfo deployment, ServletContext context) {
        deployment.addInitialHandlerChainWrapper(StrictTransportSecurity::wrap);
    }

    static HttpHandler wrap(HttpHandler next) {
        return exchange -> {
            if (exchange.isSecure()) {
                exchange.addResponseCommitListener(committed -> committed.getResponseHeaders().put(HEADER, VALUE));
            }
            next.handleRequest(exchange);
        };
    }
}
