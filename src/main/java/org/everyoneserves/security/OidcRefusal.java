package org.everyoneserves.security;

/**
 * Why a sign-in through the company's provider did not sign anyone in. The reason names the message shown on
 * {@code /signin-refused.xhtml}; the detail is for the log only.
 */
public class OidcRefusal extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** The provider could not be reached or answered nonsense. */
        UNAVAILABLE,
        /** The provider said no (the person cancelled, or may not use this application). */
        PROVIDER,
        /** The answer belongs to no sign-in started in this browser, or to one already finished (a replay). */
        STATE,
        /** The ID token failed validation: signature, issuer, audience, times or nonce. */
        TOKEN,
        /** The provider gave no e-mail, or one it has not verified, and the person is not linked yet. */
        UNVERIFIED_EMAIL,
        /** No person here has this e-mail, and people are not created at first sign-in. */
        UNKNOWN_PERSON,
        /** The person here is deactivated. */
        INACTIVE,
        /** The person here is already linked to another account at the provider. */
        LINKED_ELSEWHERE
    }

    private final Reason reason;

    public OidcRefusal(Reason reason, String detail) {
        super(reason + ": " + detail);
        this.reason = reason;
    }

    public OidcRefusal(Reason reason, String detail, Throwable cause) {
        super(reason + ": " + detail, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
