package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.everyoneserves.platform.AppConfig;

/**
 * Sign-in with the company's OpenID Connect provider, configured by the environment (or system properties, for
 * tests). Off unless {@code APP_OIDC_ISSUER} is set. With {@code APP_LOCAL_PASSWORDS=off} nobody signs in with a
 * password except the break-glass admins named in {@code APP_BREAK_GLASS} (comma-separated e-mails), so that the
 * application stays reachable when the provider is down.
 */
@Named("companySignIn")
@ApplicationScoped
public class CompanySignInSettings {

    public boolean enabled() {
        return !issuer().isEmpty();
    }

    public String issuer() {
        return AppConfig.setting("app.oidc.issuer", "APP_OIDC_ISSUER", "").replaceAll("/+$", "");
    }

    public String clientId() {
        return AppConfig.setting("app.oidc.client.id", "APP_OIDC_CLIENT_ID", "");
    }

    public String clientSecret() {
        return AppConfig.setting("app.oidc.client.secret", "APP_OIDC_CLIENT_SECRET", "");
    }

    /** The mobile app's own (public) client at the provider, for its code flow with PKCE (RFC 8252); empty: none. */
    public String appClientId() {
        return AppConfig.setting("app.oidc.app.client.id", "APP_OIDC_APP_CLIENT_ID", "");
    }

    /** The company's name on the button: "Sign in with Brightwater". */
    public String name() {
        return AppConfig.setting("app.oidc.name", "APP_OIDC_NAME", "your company account");
    }

    /** The ID-token claim that carries the e-mail (Entra ID: often {@code preferred_username} or {@code upn}). */
    public String emailClaim() {
        return AppConfig.setting("app.oidc.email.claim", "APP_OIDC_EMAIL_CLAIM", "email");
    }

    /** Whether the provider's e-mail counts as verified without {@code email_verified} (Entra ID sends none). */
    public boolean trustEmail() {
        return Boolean.parseBoolean(AppConfig.setting("app.oidc.trust.email", "APP_OIDC_TRUST_EMAIL", "false"));
    }

    /** Whether a verified person unknown here is created at their first sign-in (else refused with a page). */
    public boolean createPeople() {
        return Boolean.parseBoolean(AppConfig.setting("app.oidc.create.people", "APP_OIDC_CREATE_PEOPLE", "false"));
    }

    public String groupsClaim() {
        return AppConfig.setting("app.oidc.groups.claim", "APP_OIDC_GROUPS_CLAIM", "groups");
    }

    /** Provider groups whose members are admins here while signed in through the provider. */
    public Set<String> adminGroups() {
        return list(AppConfig.setting("app.oidc.admin.groups", "APP_OIDC_ADMIN_GROUPS", ""), false);
    }

    /** How far the provider's clock may be from ours when checking a token's times. */
    public Duration clockSkew() {
        try {
            return Duration.ofSeconds(Math.max(0, Long.parseLong(AppConfig.setting("app.oidc.clock.skew", "APP_OIDC_CLOCK_SKEW", "60"))));
        } catch (NumberFormatException e) {
            return Duration.ofSeconds(60);
        }
    }

    public boolean localPasswords() {
        return !"off".equalsIgnoreCase(AppConfig.setting("app.local.passwords", "APP_LOCAL_PASSWORDS", "on"));
    }

    public Set<String> breakGlass() {
        return list(AppConfig.setting("app.break.glass", "APP_BREAK_GLASS", ""), true);
    }

    /** Whether this e-mail may sign in with a password at all. */
    public boolean passwordAllowed(String email) {
        return localPasswords() || email != null && breakGlass().contains(email.strip().toLowerCase(Locale.ROOT));
    }

    private static Set<String> list(String value, boolean lowerCase) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .map(s -> lowerCase ? s.toLowerCase(Locale.ROOT) : s).collect(Collectors.toUnmodifiableSet());
    }
}
