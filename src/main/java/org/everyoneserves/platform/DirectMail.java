package org.everyoneserves.platform;

/**
 * An e-mail sent at once and kept nowhere, for messages that must not be stored (a password-reset link): implemented
 * by {@code notifications} over the server's mail session, found by CDI, for features that sit below it.
 */
public interface DirectMail {

    /** Whether e-mail can go out at all (an SMTP server is configured). */
    boolean available();

    /** Sends one plain-text message; false when the mail server refused it or could not be reached (logged there). */
    boolean send(String email, String name, String subject, String body);
}
