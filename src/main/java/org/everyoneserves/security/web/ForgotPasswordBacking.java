package org.everyoneserves.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.everyoneserves.people.Person;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.security.AccountService;

/** /forgot-password.xhtml: ask for a reset link. The answer is the same whether or not the e-mail is known. */
@Named
@RequestScoped
public class ForgotPasswordBacking {

    @Inject
    AccountService accounts;

    @Inject
    AppConfig config;

    @NotBlank
    @Email
    @Size(max = Person.EMAIL_MAXLENGTH)
    private String email;

    private boolean sent;
    private String demoLink;

    public void send() {
        accounts.requestReset(email).ifPresent(link -> demoLink = "/password.xhtml?token=" + link.token());
        sent = true;
    }

    public boolean isDemoMode() {
        return config.demoMode();
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isSent() { return sent; }
    public String getDemoLink() { return demoLink; }
}
