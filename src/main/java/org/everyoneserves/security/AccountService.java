package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.audit.AuditLog;

/**
 * Passwords and one-time password links. Sign-in checks the password of an active person, counts failures for
 * throttling, and spends as long on an unknown e-mail as on a wrong password.
 */
@ApplicationScoped
@Transactional
public class AccountService {

    static final Duration SET_LINK_LIFETIME = Duration.ofDays(7);
    static final Duration RESET_LINK_LIFETIME = Duration.ofHours(1);
    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    PersonService people;

    @Inject
    PasswordHasher hasher;

    @Inject
    SignInThrottle throttle;

    @Inject
    AuditLog audit;

    @Inject
    AppConfig config;

    @Inject
    TokenService tokens;

    @Inject
    Clock clock;

    @Inject
    CompanySignInSettings companySignIn;

    /** A link just made; the token exists nowhere else. */
    public record IssuedLink(String token, Instant expiresAt, String personName) {
    }

    /** What a valid link is for, to greet its holder. */
    public record LinkInfo(String purpose, String personName, String email) {
    }

    public SignInResult signIn(String email, String password, String clientAddress) {
        if (!companySignIn.passwordAllowed(email)) {
            hasher.verifyNothing(password);
            return SignInResult.invalid();
        }
        Optional<Instant> locked = throttle.lockedUntil(email, clientAddress);
        if (locked.isPresent()) {
            return SignInResult.throttled(locked.get());
        }
        Optional<PersonSummary> person = people.findActiveByEmail(email);
        Credential credential = person.map(p -> em.find(Credential.class, p.id())).orElse(null);
        boolean valid;
        if (credential == null) {
            hasher.verifyNothing(password);
            valid = false;
        } else {
            valid = hasher.verify(password, credential.passwordHash());
        }
        if (!valid) {
            throttle.failed(email, clientAddress);
            return SignInResult.invalid();
        }
        throttle.succeeded(email);
        long id = person.get().id();
        return new SignInResult(SignInResult.Status.SIGNED_IN, id, groupsOf(person.get()), null);
    }

    Set<String> groupsOf(PersonSummary person) {
        Set<String> groups = new LinkedHashSet<>();
        groups.add(Roles.LEARNER);
        if (people.hasActiveReports(person.id())) {
            groups.add(Roles.MANAGER);
        }
        if (person.admin()) {
            groups.add(Roles.ADMIN);
        }
        return groups;
    }

    /** An admin makes a link for a person to set their password (new people have none). */
    public IssuedLink issueSetPasswordLink(@NotNull Caller caller, long personId) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        var person = people.get(caller, personId);
        if (!person.active()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.inactive", person.displayName());
        }
        IssuedLink link = issue(personId, PasswordLink.Purpose.SET, SET_LINK_LIFETIME, person.displayName());
        audit.record(caller.personId(), "password.linkIssued", "person", personId, "set-password link");
        if (config.demoMode()) {
            LOG.info(() -> "Demo mode: set-password link for " + person.email() + ": /password.xhtml?token=" + link.token());
        }
        return link;
    }

    /**
     * Someone forgot their password. Makes a reset link when the e-mail belongs to an active person; says nothing
     * about whether it does. The link is returned only in demo mode, where no mail server delivers it.
     */
    public Optional<IssuedLink> requestReset(String email) {
        Optional<PersonSummary> person = people.findActiveByEmail(email);
        if (person.isEmpty()) {
            return Optional.empty();
        }
        IssuedLink link = issue(person.get().id(), PasswordLink.Purpose.RESET, RESET_LINK_LIFETIME, person.get().displayName());
        audit.record(person.get().id(), "password.resetRequested", "person", person.get().id(), null);
        if (config.demoMode()) {
            LOG.info(() -> "Demo mode: password reset link for " + person.get().email() + ": /password.xhtml?token=" + link.token());
            return Optional.of(link);
        }
        LOG.info(() -> "Password reset requested for person " + person.get().id() + "; no mail server is configured to deliver it");
        return Optional.empty();
    }

    private IssuedLink issue(long personId, PasswordLink.Purpose purpose, Duration lifetime, String name) {
        Instant now = clock.instant();
        em.createQuery("update PasswordLink l set l.usedAt = :now where l.personId = :person and l.usedAt is null")
                .setParameter("now", now).setParameter("person", personId).executeUpdate();
        String token = Tokens.newToken();
        em.persist(new PasswordLink(Tokens.sha256(token), personId, purpose, now, now.plus(lifetime)));
        return new IssuedLink(token, now.plus(lifetime), name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkInfo checkLink(String token) {
        PasswordLink link = usableLink(token);
        PersonSummary person = people.findActive(link.personId())
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable"));
        return new LinkInfo(link.purpose().name(), person.displayName(), person.email());
    }

    /** Sets the password with a one-time link and spends the link. */
    public void setPassword(String token, String password) {
        PasswordLink link = usableLink(token);
        PersonSummary person = people.findActive(link.personId())
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable"));
        checkPolicy(password, person.email());
        link.use(clock.instant());
        store(person.id(), password);
        tokens.revokeAll(person.id(), ApiSession.Revoked.PASSWORD_CHANGED);
        audit.record(person.id(), "password.set", "person", person.id(), link.purpose().name());
    }

    public void changePassword(@NotNull Caller caller, String current, String password) {
        Credential credential = em.find(Credential.class, caller.personId());
        if (credential == null || !hasher.verify(current == null ? "" : current, credential.passwordHash())) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.currentWrong");
        }
        checkPolicy(password, people.me(caller).email());
        store(caller.personId(), password);
        tokens.revokeAll(caller.personId(), ApiSession.Revoked.PASSWORD_CHANGED);
        audit.record(caller.personId(), "password.changed", "person", caller.personId(), null);
    }

    /** For the demo organisation and tests: give a person a password directly. */
    public void storePasswordHash(long personId, String hash) {
        Credential credential = em.find(Credential.class, personId);
        if (credential == null) {
            em.persist(new Credential(personId, hash, clock.instant()));
        } else {
            credential.change(hash, clock.instant());
        }
    }

    private void store(long personId, String password) {
        storePasswordHash(personId, hasher.hash(password));
    }

    private PasswordLink usableLink(String token) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable");
        }
        return em.createQuery("select l from PasswordLink l where l.tokenHash = :hash", PasswordLink.class)
                .setParameter("hash", Tokens.sha256(token)).getResultStream()
                .filter(l -> l.usableAt(clock.instant()))
                .findFirst()
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable"));
    }

    static void checkPolicy(String password, String email) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.tooShort", PasswordHasher.MIN_LENGTH);
        }
        if (password.length() > PasswordHasher.MAX_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.tooLong", PasswordHasher.MAX_LENGTH);
        }
        if (password.strip().equalsIgnoreCase(email) || password.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.weak");
        }
    }
}
