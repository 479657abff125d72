package org.everyoneserves.security;

import jakarta.enterprise.context.RequestScoped;
import java.time.Instant;

/** Carries the client address into the identity store and the throttling outcome back to the sign-in page. */
@RequestScoped
public class SignInAttempt {

    private String clientAddress = "unknown";
    private Instant lockedUntil;
    private String channel = "web";
    private int accessVersion;

    public String clientAddress() { return clientAddress; }
    void clientAddress(String address) { this.clientAddress = address; }
    public Instant lockedUntil() { return lockedUntil; }
    void lockedUntil(Instant until) { this.lockedUntil = until; }
    String channel() { return channel; }
    void channel(String channel) { this.channel = channel; }
    int accessVersion() { return accessVersion; }
    void accessVersion(int version) { this.accessVersion = version; }
}
