package org.everyoneserves.notifications;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.everyoneserves.platform.AppConfig;
import org.everyoneserves.platform.Tick;

/**
 * Sends pending notifications by e-mail through WildFly's mail session. Runs outside any transaction: each
 * notification is claimed first (one server wins), sent, then marked sent or failed.
 */
@ApplicationScoped
public class Mailer implements org.everyoneserves.platform.DirectMail {

    private static final Logger LOG = Logger.getLogger(Mailer.class.getName());

    @Resource(lookup = "java:jboss/mail/Default")
    Session session;

    @Resource(lookup = "java:jboss/mail/Authenticated")
    Session authenticated;

    @Inject
    NotificationService notifications;

    @Inject
    AppConfig config;

    /** After the reminders of a run are created (they observe the tick earlier), sends what waits. */
    void onTick(@Observes @Priority(Interceptor.Priority.APPLICATION + 800) Tick tick) {
        sendPending();
    }

    /** @return how many e-mails went out */
    public int sendPending() {
        if (!config.mailEnabled()) {
            return 0;
        }
        int sent = 0;
        for (long id : notifications.pending(200)) {
            var claimed = notifications.claim(id);
            if (claimed.isEmpty()) {
                continue;
            }
            boolean ok = send(claimed.get());
            notifications.emailed(id, ok);
            if (ok) {
                sent++;
            }
        }
        return sent;
    }

    @Override
    public boolean available() {
        return config.mailEnabled();
    }

    @Override
    public boolean send(String email, String name, String subject, String body) {
        return config.mailEnabled() && deliver(email, name, subject, body, "a direct e-mail");
    }

    private boolean send(NotificationService.Pending mail) {
        String link = mail.link() == null ? "" : "\n\n" + config.publicUrl() + mail.link();
        return deliver(mail.email(), mail.name(), mail.subject(), mail.body() + link, "notification " + mail.id());
    }

    private boolean deliver(String email, String name, String subject, String body, String what) {
        try {
            MimeMessage message = new MimeMessage(config.mailAuthenticated() ? authenticated : session);
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(email, name, StandardCharsets.UTF_8.name()));
            message.setSubject(subject, StandardCharsets.UTF_8.name());
            message.setText(body + "\n", StandardCharsets.UTF_8.name());
            if (message.getFrom() == null || message.getFrom().length == 0) {
                message.setFrom();
            }
            Transport.send(message);
            return true;
        } catch (MessagingException | java.io.UnsupportedEncodingException e) {
            LOG.log(Level.WARNING, "could not send " + what + " by e-mail: " + e.getMessage());
            return false;
        }
    }
}
