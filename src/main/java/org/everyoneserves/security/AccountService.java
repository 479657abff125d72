package org.everyoneserves.security;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.text.MessageFormat;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.people.PersonSummary;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.DirectMail;
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
    SecurityLog securityLog;

    @Inject
    DirectMail mail;

    @Inject
    Event<ResetLinkMade> resetLinks;

    @Resource
    ManagedExecutorService executor;

    @Inject
    CompanySignInSettings companySignIn;

    /** A link just made; the token exists nowhere else. */
    public record IssuedLink(String token, Instant expiresAt, String personName) {
    }

    /** What a valid link is for, to greet its holder. */
    public record LinkInfo(String purpose, String personName, String email) implements java.io.Serializable {
    }

    /**
     * Checks an e-mail and password from a client address. An account and address that failed too often wait before
     * the password is checked at all ({@link SignInThrottle}); every outcome goes to the security log.
     *
     * @param channel {@code web} or {@code api}, for the log
     */
    public SignInResult signIn(String email, String password, String clientAddress, String channel) {
        if (!companySignIn.passwordAllowed(email)) {
            // local passwords are off for everyone but the break-glass admins: refused like a wrong password
            hasher.verifyNothing(password);
            securityLog.signInFailed(null, email, clientAddress, channel);
            return SignInResult.invalid();
        }
        Optional<PersonSummary> person = people.findActiveByEmail(email);
        Long personId = person.map(PersonSummary::id).orElse(null);
        Optional<Instant> wait = throttle.waitUntil(email, clientAddress);
        if (wait.isPresent()) {
            securityLog.throttled(personId, email, clientAddress, Duration.between(clock.instant(), wait.get()).toSeconds(), channel);
            return SignInResult.throttled(wait.get());
        }
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
            securityLog.signInFailed(personId, email, clientAddress, channel);
            return SignInResult.invalid();
        }
        throttle.succeeded(email, clientAddress);
        securityLog.signedIn(personId, clientAddress, channel);
        int version = people.accessVersion(personId).orElse(0);
        return new SignInResult(SignInResult.Status.SIGNED_IN, personId, groupsOf(person.get()), version, null);
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
        securityLog.passwordLinkIssued(personId, caller.personId());
        return link;
    }

    /** Whether a person who forgot their password can get a link by e-mail: a mail server and the public address are set. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean resetByMail() {
        return mail.available() && !config.publicUrl().isEmpty();
    }

    /**
     * Someone forgot their password. When the e-mail belongs to an active person and the requests for that account
     * and from that address are within their limits, e-mails a reset link (after the link is committed); says nothing
     * about which of these happened, and never returns the link, in demo mode neither. A new reset link cancels an
     * older reset link, never a set-password link an admin issued. Without e-mail ({@link #resetByMail}) nothing is
     * made: the page tells the person to ask an admin.
     */
    public void requestReset(String email, String clientAddress) {
        Optional<PersonSummary> person = people.findActiveByEmail(email);
        Long personId = person.map(PersonSummary::id).orElse(null);
        if (!resetByMail()) {
            securityLog.resetRequested(personId, email, clientAddress, "no_mail");
            return;
        }
        if (!throttle.allowReset(email, clientAddress)) {
            securityLog.resetRequested(personId, email, clientAddress, "throttled");
            return;
        }
        if (person.isEmpty()) {
            securityLog.resetRequested(null, email, clientAddress, "unknown_account");
            return;
        }
        PersonSummary who = person.get();
        IssuedLink link = issue(who.id(), PasswordLink.Purpose.RESET, RESET_LINK_LIFETIME, who.displayName());
        audit.record(null, "password.resetRequested", "person", who.id(), "from " + clientAddress);
        securityLog.resetRequested(who.id(), email, clientAddress, "sent");
        resetLinks.fire(new ResetLinkMade(who.email(), who.displayName(), who.locale(), link.token()));
    }

    /** The link goes out once it is committed; the token exists only in this event and the e-mail. */
    record ResetLinkMade(String email, String name, String locale, String token) {
    }

    /**
     * Sends the link after the commit, on another thread: the answer comes as fast for a known e-mail as for an unknown
     * one, so its timing tells nobody which addresses are registered.
     */
    void mailResetLink(@Observes(during = TransactionPhase.AFTER_SUCCESS) ResetLinkMade made) {
        ResourceBundle bundle = ResourceBundle.getBundle("org.everyoneserves.messages", Locale.forLanguageTag(made.locale()));
        String url = config.publicUrl() + "/password.xhtml?token=" + made.token();
        String subject = bundle.getString("mail.passwordReset.subject");
        String body = MessageFormat.format(bundle.getString("mail.passwordReset.body"), made.name(), url, RESET_LINK_LIFETIME.toMinutes());
        executor.execute(() -> mail.send(made.email(), made.name(), subject, body));
    }

    private IssuedLink issue(long personId, PasswordLink.Purpose purpose, Duration lifetime, String name) {
        Instant now = clock.instant();
        em.createQuery("update PasswordLink l set l.usedAt = :now where l.personId = :person and l.purpose = :purpose and l.usedAt is null")
                .setParameter("now", now).setParameter("person", personId).setParameter("purpose", purpose).executeUpdate();
        String token = Tokens.newToken();
        em.persist(new PasswordLink(Tokens.sha256(token), personId, purpose, now, now.plus(lifetime)));
        return new IssuedLink(token, now.plus(lifetime), name);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LinkInfo checkLink(String token) {
        PasswordLink link = usableLink(token, LockModeType.NONE);
        PersonSummary person = people.findActive(link.personId())
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable"));
        return new LinkInfo(link.purpose().name(), person.displayName(), person.email());
    }

    /**
     * Sets the password with a one-time link and spends it; of two uses at once, one wins and the other finds the link
     * spent. Success ends every sign-in of the person (web sessions, devices), cancels their other links, and clears the
     * sign-in locks on the account: the holder of the link proved who they are.
     */
    public void setPassword(String token, String password) {
        PasswordLink link = usableLink(token, LockModeType.PESSIMISTIC_WRITE);
        PersonSummary person = people.findActive(link.personId())
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable"));
        checkPolicy(password, person);
        Instant now = clock.instant();
        link.use(now);
        em.flush();
        em.createQuery("update PasswordLink l set l.usedAt = :now where l.personId = :person and l.usedAt is null")
                .setParameter("now", now).setParameter("person", person.id()).executeUpdate();
        store(person.id(), password);
        signInsEnd(person.id());
        throttle.clearAccount(person.email());
        audit.record(person.id(), "password.set", "person", person.id(), link.purpose().name());
        securityLog.passwordSetWithLink(person.id(), link.purpose().name());
    }

    /**
     * The signed-in person changes their password, proving the current one. Wrong current passwords are throttled like
     * sign-ins from the same address. Success ends the person's other web sessions and every device; the session that
     * made the change stays signed in with {@link SessionGuard#renew}.
     */
    public void changePassword(@NotNull Caller caller, String current, String password, String clientAddress) {
        PersonSummary me = people.me(caller);
        Optional<Instant> wait = throttle.waitUntil(me.email(), clientAddress);
        if (wait.isPresent()) {
            securityLog.throttled(me.id(), me.email(), clientAddress, Duration.between(clock.instant(), wait.get()).toSeconds());
            throw new BusinessException(BusinessException.Kind.TOO_MANY_REQUESTS, "password.error.throttled",
                    Duration.between(clock.instant(), wait.get()).toSeconds() + 1).retryAfter(Duration.between(clock.instant(), wait.get()));
        }
        Credential credential = em.find(Credential.class, caller.personId());
        if (credential == null || !hasher.verify(current == null ? "" : current, credential.passwordHash())) {
            throttle.failed(me.email(), clientAddress);
            securityLog.currentPasswordWrong(me.id(), clientAddress);
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.currentWrong");
        }
        throttle.succeeded(me.email(), clientAddress);
        checkPolicy(password, me);
        store(caller.personId(), password);
        signInsEnd(caller.personId());
        audit.record(caller.personId(), "password.changed", "person", caller.personId(), null);
        securityLog.passwordChanged(caller.personId(), clientAddress);
    }

    /** A new password: every web session (through the access version) and every device of the person ends. */
    private void signInsEnd(long personId) {
        people.accessChanged(personId);
        tokens.revokeAll(personId, ApiSession.Revoked.PASSWORD_CHANGED);
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

    /** With a write lock, the second of two requests using one link waits for the first and then finds it spent. */
    private PasswordLink usableLink(String token, LockModeType lock) {
        if (token == null || token.isBlank() || token.length() > 100) {
            throw new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable");
        }
        return em.createQuery("select l from PasswordLink l where l.tokenHash = :hash", PasswordLink.class)
                .setParameter("hash", Tokens.sha256(token)).setLockMode(lock).getResultStream()
                .filter(l -> l.usableAt(clock.instant()))
                .findFirst()
                .orElseThrow(() -> new BusinessException(BusinessException.Kind.GONE, "password.error.linkUnusable"));
    }

    private void checkPolicy(String password, PersonSummary person) {
        PasswordPolicy.check(password, List.of(config.companyName(), person.firstName(), person.lastName(), person.email()));
    }
}
