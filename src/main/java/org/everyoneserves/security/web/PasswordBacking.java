package org.everyoneserves.security.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.NotBlank;
import java.io.Serializable;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.web.FieldErrors;
import org.everyoneserves.platform.web.Messages;
import org.everyoneserves.security.AccountService;

/** /password.xhtml?token=...: set or reset a password with a one-time link. */
@Named
@ViewScoped
public class PasswordBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    AccountService accounts;

    private String token;
    private AccountService.LinkInfo link;
    private boolean unusable;
    private boolean done;

    @NotBlank
    private String password;

    @NotBlank
    private String confirmation;

    public void load() {
        if (link != null || unusable) {
            return;
        }
        try {
            link = accounts.checkLink(token);
        } catch (BusinessException e) {
            unusable = true;
        }
    }

    public void save() {
        if (!password.equals(confirmation)) {
            Messages.fieldError("password:confirmation", "password.error.mismatch");
            return;
        }
        try {
            accounts.setPassword(token, password);
        } catch (BusinessException e) {
            FieldErrors.of(e).on("password:newPassword", "password.error.tooShort", "password.error.tooLong", "password.error.weak",
                    "password.error.common", "password.error.context").show();
            return;
        }
        done = true;
        password = null;
        confirmation = null;
    }

    public String getToken() { return token; }
    public void setToken(String token) { this.token = token; }
    public AccountService.LinkInfo getLink() { return link; }
    public boolean isUnusable() { return unusable; }
    public boolean isDone() { return done; }
    public String getPassword() { return password; }
    public void setPassword(String password) { this.password = password; }
    public String getConfirmation() { return confirmation; }
    public void setConfirmation(String confirmation) { this.confirmation = confirmation; }
}
