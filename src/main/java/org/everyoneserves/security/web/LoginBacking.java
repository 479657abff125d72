package org.everyoneserves.security.web;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.everyoneserves.people.Person;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.security.CurrentUser;
import org.everyoneserves.security.OidcSignIn;
import org.everyoneserves.security.PasswordHasher;
import org.everyoneserves.security.SecurityLog;
import org.everyoneserves.security.SignInAttempt;

/** /login.xhtml: sign in with e-mail and password; sign out. */
@Named
@RequestScoped
public class LoginBacking {

    @Inject
    SecurityContext security;

    @Inject
    FacesContext faces;

    @Inject
    SignInAttempt attempt;

    @Inject
    CurrentUser currentUser;

    @Inject
    Clock clock;

    @Inject
    SecurityLog securityLog;

    @Inject
    OidcSignIn oidc;

    @NotBlank
    @Size(max = Person.EMAIL_MAXLENGTH)
    private String email;

    @NotBlank
    @Size(max = PasswordHasher.MAX_LENGTH)
    private String password;

    /** Already signed in: no need to see the form. */
    public void redirectIfSignedIn() throws IOException {
        if (currentUser.isSignedIn()) {
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + currentUser.getHome());
        }
    }

    public void signIn() throws IOException {
        ExternalContext external = faces.getExternalContext();
        AuthenticationStatus status = security.authenticate((HttpServletRequest) external.getRequest(),
                (HttpServletResponse) external.getResponse(),
                withParams().credential(new UsernamePasswordCredential(email, new Password(password))));
        switch (status) {
            case SEND_CONTINUE -> faces.responseComplete();
            case SUCCESS -> external.redirect(external.getRequestContextPath() + "/index.xhtml");
            default -> {
                Instant lockedUntil = attempt.lockedUntil();
                if (lockedUntil != null) {
                    Messages.error("login.error.throttled", Math.max(1, Duration.between(clock.instant(), lockedUntil).toSeconds() + 1));
                } else {
                    Messages.error("login.error.invalid");
                }
            }
        }
    }

    public void signOut() throws IOException, jakarta.servlet.ServletException {
        ExternalContext external = faces.getExternalContext();
        if (currentUser.isSignedIn()) {
            securityLog.signedOut(currentUser.caller().personId(), "web");
        }
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        java.util.Optional<java.net.URI> atProvider = oidc.endSessionUri(request, "/login.xhtml?signedOut=true");
        request.logout();
        external.invalidateSession();
        external.redirect(atProvider.map(java.net.URI::toString).orElse(external.getRequestContextPath() + "/login.xhtml?signedOut=true"));
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
}
