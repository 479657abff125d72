package org.everyoneserves.notifications;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Something the platform told one person: shown in the application, and sent by e-mail when a mail server is
 * configured. Created once per dedupe key (see {@link NotificationService#notify}); the e-mail is claimed by one
 * server before it is sent.
 */
@Entity
@Table(name = "notification")
public class Notification {

    public enum Kind { DUE_SOON, OVERDUE, ESCALATION, NUDGE, SESSION_TOMORROW, SESSION_CANCELLED }

    /** IN_APP: no mail server is configured; PENDING: waiting to be sent; SENDING: claimed by a server. */
    public enum EmailStatus { IN_APP, PENDING, SENDING, SENT, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private Kind kind;

    @Column(name = "dedupe_key", nullable = false, updatable = false, length = 120)
    private String dedupeKey;

    @Column(nullable = false, updatable = false, length = 300)
    private String subject;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String body;

    @Column(updatable = false, length = 300)
    private String link;

    @Column(name = "sent_by", updatable = false)
    private Long sentBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "email_status", nullable = false, length = 16)
    private EmailStatus emailStatus;

    @Column(name = "emailed_at")
    private Instant emailedAt;

    @Column(name = "email_claimed_at")
    private Instant emailClaimedAt;

    protected Notification() {
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public Kind getKind() { return kind; }
    public String getDedupeKey() { return dedupeKey; }
    public String getSubject() { return subject; }
    public String getBody() { return body; }
    public String getLink() { return link; }
    public Long getSentBy() { return sentBy; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getReadAt() { return readAt; }
    public EmailStatus getEmailStatus() { return emailStatus; }
    public Instant getEmailedAt() { return emailedAt; }
}
