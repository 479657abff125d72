package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everyoneserves.people.PersonAccessChanged;
import org.everyoneserves.platform.Hashes;

/**
 * The security log: one line of {@code key=value} pairs per event, under its own logger
 * ({@value #LOGGER}, written to {@code security.log} by the server configuration), for a SIEM to read. It names people
 * by id and clients by address; an e-mail that belongs to nobody appears only as a short hash (people type passwords
 * into the e-mail field), and no password, token or link is ever passed to it.
 *
 * <p>Sign-ins, refused attempts, waits, locks and sign-outs of a known person are also stored as
 * {@link SignInEvents} (for their export, their account page and the retention period); a failure to store one is
 * logged and changes nothing for the sign-in.
 */
@ApplicationScoped
public class SecurityLog {

    public static final String LOGGER = "org.everyoneserves.security.events";
    private static final Logger LOG = Logger.getLogger(LOGGER);
    private static final Logger APP_LOG = Logger.getLogger(SecurityLog.class.getName());

    @Inject
    SignInEvents events;

    @Inject
    Clock clock;

    @Inject
    Instance<HttpServletRequest> requests;

    /** @param channel {@code web}, {@code api}, {@code oidc} (the company's provider on the pages) or {@code oidc_app} */
    public void signedIn(long personId, String address, String channel) {
        write(Level.INFO, "sign_in.success", "person", personId, "address", address, "channel", channel);
        store(personId, SignInEvents.Kind.SIGNED_IN, channel, address);
    }

    public void signInFailed(Long personId, String email, String address, String channel) {
        write(Level.INFO, "sign_in.failure", "person", personId, "account", personId == null ? accountHash(email) : null,
                "address", address, "channel", channel);
        store(personId, SignInEvents.Kind.FAILED, channel, address);
    }

    /** A sign-in refused without checking the password: this account and address must wait. */
    public void throttled(Long personId, String email, String address, long waitSeconds) {
        throttled(personId, email, address, waitSeconds, "web");
    }

    /** A sign-in through {@code channel} refused without checking the password: this account and address must wait. */
    public void throttled(Long personId, String email, String address, long waitSeconds, String channel) {
        write(Level.INFO, "sign_in.throttled", "person", personId, "account", personId == null ? accountHash(email) : null,
                "address", address, "wait_seconds", waitSeconds);
        store(personId, SignInEvents.Kind.THROTTLED, channel, address);
    }

    /** Many failures against one account from anywhere: the account is locked for the addresses that failed. */
    public void accountLocked(String email, String address, int failures, long lockSeconds) {
        write(Level.WARNING, "account.locked", "account", accountHash(email), "last_address", address, "failures", failures,
                "lock_seconds", lockSeconds);
        try {
            events.recordForEmail(email, SignInEvents.Kind.LOCKED, null, address, userAgent(), clock.instant());
        } catch (RuntimeException e) {
            notStored(e);
        }
    }

    /** Many failures from one address across accounts: an alarm for people to look at, not a block. */
    public void addressAlarm(String address, int failures, long windowMinutes) {
        write(Level.WARNING, "address.alarm", "address", address, "failures", failures, "window_minutes", windowMinutes);
    }

    /** @param channel {@code web}, {@code api} or {@code api_everywhere} (every device of the person) */
    public void signedOut(long personId, String channel) {
        write(Level.INFO, "sign_out", "person", personId, "channel", channel);
        boolean everywhere = "api_everywhere".equals(channel);
        store(personId, everywhere ? SignInEvents.Kind.SIGNED_OUT_EVERYWHERE : SignInEvents.Kind.SIGNED_OUT, everywhere ? "api" : channel, null);
    }

    /** A web session ended by the server: the account changed, or the session reached its absolute lifetime. */
    public void sessionEnded(long personId, String reason) {
        write(Level.INFO, "session.ended", "person", personId, "reason", reason);
    }

    public void refreshTokenReused(long personId, long deviceId) {
        write(Level.WARNING, "refresh_token.reused", "person", personId, "device", deviceId);
    }

    /** @param outcome {@code sent}, {@code unknown_account}, {@code throttled} or {@code no_mail} */
    public void resetRequested(Long personId, String email, String address, String outcome) {
        write(Level.INFO, "password_reset.requested", "person", personId, "account", personId == null ? accountHash(email) : null,
                "address", address, "outcome", outcome);
    }

    /** @param purpose {@code SET} (a link from an admin) or {@code RESET} (a link the person asked for) */
    public void passwordSetWithLink(long personId, String purpose) {
        write(Level.INFO, "password_link.used", "person", personId, "purpose", purpose);
    }

    public void passwordLinkIssued(long personId, long adminId) {
        write(Level.INFO, "password_link.issued", "person", personId, "by", adminId);
    }

    public void passwordChanged(long personId, String address) {
        write(Level.INFO, "password.changed", "person", personId, "address", address);
    }

    public void currentPasswordWrong(long personId, String address) {
        write(Level.INFO, "password.change_refused", "person", personId, "address", address);
    }

    void accessChanged(@Observes(during = TransactionPhase.AFTER_SUCCESS) PersonAccessChanged event) {
        write(Level.INFO, "access." + event.change(), "person", event.personId(), "by", event.actorId());
    }

    /** Stores the event of a known person in its own transaction; whatever goes wrong there, the caller goes on. */
    private void store(Long personId, SignInEvents.Kind kind, String channel, String address) {
        if (personId == null || personId <= 0) {
            return;
        }
        try {
            events.record(personId, kind, channel, address, userAgent(), clock.instant());
        } catch (RuntimeException e) {
            notStored(e);
        }
    }

    private static void notStored(RuntimeException e) {
        APP_LOG.log(Level.WARNING, "A sign-in event was not stored (the security log has it): " + e);
    }

    /** The client's User-Agent when this runs in a request, else null. */
    private String userAgent() {
        try {
            return requests.isResolvable() ? requests.get().getHeader("User-Agent") : null;
        } catch (RuntimeException outsideARequest) {
            return null;
        }
    }

    private static void write(Level level, String event, Object... pairs) {
        if (LOG.isLoggable(level)) {
            LOG.log(level, line(event, pairs));
        }
    }

    /** {@code event=... key=value ...}; pairs whose value is null are left out; values never contain spaces or quotes. */
    static String line(String event, Object... pairs) {
        StringBuilder line = new StringBuilder("event=").append(event);
        for (int i = 0; i + 1 < pairs.length; i += 2) {
            if (pairs[i + 1] != null) {
                line.append(' ').append(pairs[i]).append('=').append(pairs[i + 1].toString().replaceAll("[^A-Za-z0-9._:\\-]", "_"));
            }
        }
        return line.toString();
    }

    /** The same e-mail always gives the same short hash, so attempts on one unknown account can be counted. */
    static String accountHash(String email) {
        return "sha256:" + Hashes.sha256(email == null ? "" : email.strip().toLowerCase(java.util.Locale.ROOT)).substring(0, 12);
    }
}
