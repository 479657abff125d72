package org.everyoneserves.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.everyoneserves.people.Person;
import org.everyoneserves.security.AccountService;

/**
 * /forgot-password.xhtml: ask for a reset link by e-mail. The answer is the same whether or not the e-mail is known,
 * and the link is never shown on the page. Without e-mail the page says to ask an admin instead.
 */
@Named
@RequestScoped
public class ForgotPasswordBacking {

    @Inject
    AccountService accounts;

    @Inject
    HttpServletRequest request;

    @NotBlank
    @Email
    @Size(max = Person.EMAIL_MAXLENGTH)
    private String email;

    private boolean sent;

    public void send() {
        accounts.requestReset(email, request.getRemoteAddr());
        sent = true;
    }

    public boolean isByMail() {
        return accounts.resetByMail();
    }

    public String getEmail() { return email; }
    public void setEmail(String email) { this.email = email; }
    public boolean isSent() { return sent; }
}
