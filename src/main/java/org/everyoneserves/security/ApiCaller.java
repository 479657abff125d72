package org.everyoneserves.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;

/**
 * The holder of this API request's access token, for REST resources. Resources ask for {@link #caller()}: without a
 * valid token that is a 401 saying whether the token was missing, unknown or expired, so the app knows to refresh.
 */
@RequestScoped
public class ApiCaller {

    @Inject
    ChangeStamps stamps;

    private TokenService.Bearer bearer;
    private TokenService.Rejection rejection;

    void accepted(TokenService.Bearer bearer) {
        this.bearer = bearer;
        stamps.known(bearer.stamps());
    }

    void rejected(TokenService.Rejection rejection) {
        this.rejection = rejection;
    }

    public Caller caller() {
        if (bearer == null) {
            throw new BusinessException(BusinessException.Kind.UNAUTHORIZED, rejection == null ? "auth.error.tokenMissing"
                    : rejection == TokenService.Rejection.EXPIRED ? "auth.error.tokenExpired" : "auth.error.tokenInvalid");
        }
        return bearer.caller();
    }

    /** Whether the request carries a valid access token. */
    public boolean signedIn() {
        return bearer != null;
    }

    /** The device sign-in the token belongs to. */
    public long sessionId() {
        caller();
        return bearer.sessionId();
    }
}
