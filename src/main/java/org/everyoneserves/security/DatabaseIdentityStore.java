package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

/**
 * Checks e-mail and password against the people in the database. The caller's name is the person's id, which never
 * changes when their e-mail does; their groups are LEARNER, plus MANAGER with reports and ADMIN for admins.
 */
@ApplicationScoped
public class DatabaseIdentityStore implements IdentityStore {

    @Inject
    AccountService accounts;

    @Inject
    SignInAttempt attempt;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        SignInResult result = accounts.signIn(login.getCaller(), login.getPasswordAsString(), attempt.clientAddress(), attempt.channel());
        return switch (result.status()) {
            case SIGNED_IN -> {
                attempt.accessVersion(result.accessVersion());
                yield new CredentialValidationResult(String.valueOf(result.personId()), result.groups());
            }
            case THROTTLED -> {
                attempt.lockedUntil(result.lockedUntil());
                yield CredentialValidationResult.INVALID_RESULT;
            }
            case INVALID -> CredentialValidationResult.INVALID_RESULT;
        };
    }
}
