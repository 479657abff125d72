package org.everyoneserves.testing;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * A real SMTP server (GreenMail) in the test JVM, started once before Arquillian starts WildFly, which sends to it:
 * its port is published as {@code app.smtp.port}, which arquillian.xml hands to the server. Client tests read what
 * arrived with {@link #await}. Active only under failsafe ({@code embedded.mariadb=true}).
 */
public class MailServer implements LauncherSessionListener {

    private static GreenMail greenMail;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!Boolean.getBoolean("embedded.mariadb") || greenMail != null) {
            return;
        }
        greenMail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        greenMail.start();
        System.setProperty("app.smtp.host", "127.0.0.1");
        System.setProperty("app.smtp.port", String.valueOf(greenMail.getSmtp().getPort()));
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (greenMail != null) {
            greenMail.stop();
            greenMail = null;
        }
    }

    /** Waits until a message to {@code to} that matches arrives, and returns it; fails after {@code timeout}. */
    public static MimeMessage await(String to, Predicate<MimeMessage> matching, Duration timeout) {
        if (greenMail == null) {
            throw new IllegalStateException("the test mail server runs only under failsafe");
        }
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            List<MimeMessage> found = Arrays.stream(greenMail.getReceivedMessagesForDomain(to))
                    .filter(m -> recipients(m).contains(to)).filter(matching).toList();
            if (!found.isEmpty()) {
                return found.get(0);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new AssertionError("no matching e-mail to " + to + " within " + timeout);
    }

    /** The message's subject; a test's matcher for {@link #await} reads it. */
    public static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String recipients(MimeMessage message) {
        try {
            return Arrays.toString(message.getAllRecipients());
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
