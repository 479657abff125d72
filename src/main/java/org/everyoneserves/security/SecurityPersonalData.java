package org.everyoneserves.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.platform.PersonalData;

/**
 * Sign-in data: the password (only when it changed is exported, never the hash), password links, the app's signed-in
 * devices and their tokens, the link to the person's account at the company's identity provider, the sign-in throttle
 * kept under the e-mail, and the person's sign-in events ({@link SignInEvents}). All of it is deleted on erasure; ended
 * sign-ins of the app and spent password links go after the {@link #SIGN_INS} period, sign-in events after
 * {@link #EVENTS}.
 */
@ApplicationScoped
public class SecurityPersonalData implements PersonalData {

    /** Retention kind: app sign-ins that ended (signed out or expired) and password links used or expired. */
    public static final String SIGN_INS = "security.sign-ins";

    /** Retention kind: sign-in events (sign-ins, refused attempts, waits, locks, sign-outs) of every channel. */
    public static final String EVENTS = "security.sign-in-events";

    @PersistenceContext
    EntityManager em;

    @Override
    public String feature() {
        return "security";
    }

    @Override
    public List<Holding> holdings() {
        return List.of(new Holding("credential", "password hash and when it changed"),
                new Holding("password_link", "links to set a password: when made, until when, when used"),
                new Holding("api_session", "devices signed in to the app: name, times, last address"),
                new Holding("api_token", "the app's access and refresh tokens (hashes) of those devices"),
                new Holding("sign_in_throttle", "failed sign-ins counted under the e-mail"),
                new Holding("oidc_link", "the person's account at the company's identity provider: issuer, subject, when and how linked"),
                new Holding("sign_in_event", "sign-ins, refused attempts, waits, locks and sign-outs: when, how, from which address and browser"));
    }

    @Override
    public List<Retention> retention() {
        return List.of(new Retention(SIGN_INS, 90), new Retention(EVENTS, 90));
    }

    @Override
    public Map<String, List<Map<String, Object>>> export(long personId) {
        Map<String, List<Map<String, Object>>> sections = new LinkedHashMap<>();
        sections.put("password", PersonalData.rows(em, "select changed_at as changedAt from credential where person_id = ?1", personId));
        sections.put("passwordLinks", PersonalData.rows(em, "select purpose, created_at as createdAt, expires_at as expiresAt, used_at as usedAt"
                + " from password_link where person_id = ?1 order by created_at", personId));
        sections.put("devices", PersonalData.rows(em, "select device, created_at as signedInAt, last_used_at as lastUsedAt, last_address as lastAddress,"
                + " expires_at as expiresAt, revoked_at as signedOutAt, revoked_reason as signedOutBecause from api_session where person_id = ?1"
                + " order by created_at", personId));
        sections.put("companyAccounts", PersonalData.rows(em, "select issuer, subject, linked_at as linkedAt, linked_by as linkedBy"
                + " from oidc_link where person_id = ?1 order by linked_at", personId));
        sections.put("signInEvents", PersonalData.rows(em, "select occurred_at as at, kind, channel, address, user_agent as browser"
                + " from sign_in_event where person_id = ?1 order by occurred_at, id", personId));
        return sections;
    }

    @Override
    public int erase(Erasure erasure) {
        long id = erasure.personId();
        int removed = em.createNativeQuery("delete from api_token where session_id in (select s.id from api_session s where s.person_id = ?1)")
                .setParameter(1, id).executeUpdate();
        removed += em.createNativeQuery("delete from api_session where person_id = ?1").setParameter(1, id).executeUpdate();
        removed += em.createNativeQuery("delete from password_link where person_id = ?1").setParameter(1, id).executeUpdate();
        removed += em.createNativeQuery("delete from credential where person_id = ?1").setParameter(1, id).executeUpdate();
        removed += em.createNativeQuery("delete from oidc_link where person_id = ?1").setParameter(1, id).executeUpdate();
        removed += em.createNativeQuery("delete from sign_in_event where person_id = ?1").setParameter(1, id).executeUpdate();
        for (String identifier : erasure.identifiers()) {
            removed += em.createNativeQuery("delete from sign_in_throttle where throttle_key = ?1")
                    .setParameter(1, SignInThrottle.accountKey(identifier)).executeUpdate();
        }
        return removed;
    }

    @Override
    public int applyRetention(String kind, Instant cutoff) {
        Timestamp before = Timestamp.from(cutoff);
        if (EVENTS.equals(kind)) {
            return em.createNativeQuery("delete from sign_in_event where occurred_at < ?1").setParameter(1, before).executeUpdate();
        }
        if (!SIGN_INS.equals(kind)) {
            return PersonalData.super.applyRetention(kind, cutoff);
        }
        String ended = "select s.id from api_session s where (s.revoked_at < ?1 or (s.revoked_at is null and s.expires_at < ?1))";
        em.createNativeQuery("delete from api_token where session_id in (" + ended + ")").setParameter(1, before).executeUpdate();
        int removed = em.createNativeQuery("delete from api_session where id in (select id from (" + ended + ") ended)")
                .setParameter(1, before).executeUpdate();
        removed += em.createNativeQuery("delete from password_link where coalesce(used_at, expires_at) < ?1").setParameter(1, before).executeUpdate();
        return removed;
    }
}
