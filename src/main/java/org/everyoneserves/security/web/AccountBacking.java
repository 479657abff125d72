package org.everyoneserves.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.security.AccountService;
import org.everyoneserves.security.CurrentUser;

/** /account/index.xhtml: change one's own password. */
@Named
@RequestScoped
public class AccountBacking {

    @Inject
    AccountService accounts;

    @Inject
    CurrentUser currentUser;

    @Inject
    PersonService people;

    private String language;

    private String current;

    private String password;

    private String confirmation;

    public String changePassword() {
        if (!password.equals(confirmation)) {
            Messages.fieldError("account:confirmation", "password.error.mismatch");
            return null;
        }
        try {
            accounts.changePassword(currentUser.caller(), current, password);
        } catch (BusinessException e) {
            Messages.fieldError(e.code().equals("password.error.currentWrong") ? "account:current" : "account:newPassword",
                    e.code(), e.arguments().toArray());
            return null;
        }
        Messages.info("account.message.passwordChanged");
        return "/account/index.xhtml?faces-redirect=true";
    }

    public String changeLanguage() {
        people.changeOwnLocale(currentUser.caller(), language);
        Messages.info("account.message.languageChanged");
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
