package org.everyoneserves.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.security.AccountService;
import org.everyoneserves.security.CurrentUser;
import org.everyoneserves.security.SessionGuard;
import org.everyoneserves.security.SignInEvents;
import org.everyoneserves.security.TokenService;

/**
 * /account/index.xhtml: change one's own password and language; see and sign out the app's devices; see one's recent
 * sign-ins.
 */
@Named
@RequestScoped
public class AccountBacking {

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    Caller caller;

    @Inject
    PersonService people;

    @Inject
    TokenService tokens;

    @Inject
    SessionGuard sessions;

    @Inject
    HttpServletRequest request;

    @Inject
    SignInEvents signInEvents;

    private java.util.List<TokenService.Device> devices;

    private java.util.List<SignInEvents.Event> signIns;

    private String language;

    private String current;

    private String password;

    private String confirmation;

    public String changePassword() {
        if (!password.equals(confirmation)) {
            Messages.fieldError("account:confirmation", "password.error.mismatch");
            return null;
        }
        boolean hadDevices = !getDevices().isEmpty();
        try {
            accounts.changePassword(caller, current, password, request.getRemoteAddr());
        } catch (BusinessException e) {
            FieldErrors.of(e).on("account:current", "password.error.currentWrong", "password.error.throttled").showOr("account:newPassword");
            return null;
        }
        sessions.renew(request.getSession(), caller.personId());
        Messages.info(hadDevices ? "account.message.passwordChangedDevices" : "account.message.passwordChanged");
        return "/account/index.xhtml?faces-redirect=true";
    }

    public String changeLanguage() {
        people.changeOwnLocale(caller, language);
        Messages.info("account.message.languageChanged");
        return "/account/index.xhtml?faces-redirect=true";
    }

    public java.util.List<TokenService.Device> getDevices() {
        if (devices == null) {
            devices = tokens.devices(caller);
        }
        return devices;
    }

    public java.util.List<SignInEvents.Event> getSignIns() {
        if (signIns == null) {
            signIns = signInEvents.recent(caller);
        }
        return signIns;
    }

    public String revoke(long deviceId) {
        String name = getDevices().stream().filter(d -> d.id() == deviceId).map(TokenService.Device::name).findFirst().orElse("");
        try {
            tokens.revoke(caller, deviceId);
            Messages.info("account.message.deviceRevoked", name);
        } catch (BusinessException e) {
            Messages.error(e.code(), e.arguments().toArray());
        }
        return "/account/index.xhtml?faces-redirect=true";
    }

    public String revokeAll() {
        tokens.revokeAll(caller);
        Messages.info("account.message.devicesRevoked");
        return "/account/index.xhtml?faces-redirect=true";
    }

    public String getLanguage() {
        if (language == null) {
            language = currentUser.getLocale();
        }
        return language;
    }

    public void setLanguage(String language) { this.language = language; }
    public String getCurrent() { return current; }
    public void setCurrent(String current) { this.current = current; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
