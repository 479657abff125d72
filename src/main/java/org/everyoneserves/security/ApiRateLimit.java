package org.everyoneserves.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.Response;
import java.util.Optional;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.problem.Problems;

/**
 * The API's rate limit: per device sign-in (the access token's session, which survives the token's rotation), and per
 * client address for calls without a valid token (signing in, refreshing). The defaults (a burst of 300 requests,
 * 300 more a minute) let the companion app send a week's offline outbox at once; APP_API_RATE_BURST and
 * APP_API_RATE_PER_MINUTE change them. Counted in this server's memory: each server of a cluster counts on its own.
 */
@ApplicationScoped
public class ApiRateLimit {

    public static final String CODE = "error.tooManyRequests";

    @Inject
    AppConfig config;

    @Inject
    ApiCaller api;

    @Inject
    HttpServletRequest request;

    private RateLimits devices;
    private RateLimits addresses;

    @PostConstruct
    void start() {
        devices = new RateLimits(config.apiRateBurst(), config.apiRatePerMinute(), System::nanoTime);
        addresses = new RateLimits(config.apiRateBurst(), config.apiRatePerMinute(), System::nanoTime);
    }

    /** The 429 answer when this request is over its allowance. */
    public Optional<Response> check(String path) {
        long wait = spend();
        return wait == 0 ? Optional.empty() : Optional.of(Problems.tooMany(CODE, path, wait));
    }

    /**
     * Spends one request of this request's allowance: whether it is within it. A request over it goes on to
     * {@link #check}, which answers the 429 (spending again costs nothing once over).
     */
    public boolean allows() {
        return spend() == 0;
    }

    private long spend() {
        return api.signedIn() ? devices.spend(String.valueOf(api.sessionId())) : addresses.spend(request.getRemoteAddr());
    }
}
