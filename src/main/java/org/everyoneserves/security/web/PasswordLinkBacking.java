package org.everyoneserves.security.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.security.AccountService;

/** The "password link" part of /admin/person.xhtml: an admin issues a link for the person to set a password. */
@Named
@RequestScoped
public class PasswordLinkBacking {

    @Inject
    AccountService accounts;

    @Inject
    Caller caller;

    private AccountService.IssuedLink issuedLink;

    public void issue(long personId) {
        issuedLink = accounts.issueSetPasswordLink(caller, personId);
    }

    public AccountService.IssuedLink getIssuedLink() {
        return issuedLink;
    }
}
