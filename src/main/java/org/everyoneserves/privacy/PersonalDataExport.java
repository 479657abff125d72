package org.everyoneserves.privacy;

import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One export of a person's data, asked for by them or by an admin on their request: made in the background, then
 * offered for download until it expires, then deleted.
 */
@Entity
@Table(name = "personal_data_export")
public class PersonalDataExport {

    public enum Status { PENDING, RUNNING, READY, FAILED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "requested_by", nullable = false, updatable = false)
    private long requestedBy;

    @Column(name = "requested_at", nullable = false, updatable = false)
    private Instant requestedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "claimed_at")
    private Instant claimedAt;

    @Column(name = "ready_at")
    private Instant readyAt;

    @Column(name = "expires_at")
    private Instant expiresAt;

    @Column(name = "file_size")
    private Integer fileSize;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(columnDefinition = "longblob")
    private byte[] content;

    @Version
    private int version;

    protected PersonalDataExport() {
    }

    void ready(byte[] zip, Instant now, Instant until) {
        this.content = zip;
        this.fileSize = zip.length;
        this.readyAt = now;
        this.expiresAt = until;
        this.status = Status.READY;
    }

    void failed() {
        this.status = Status.FAILED;
    }

    /** Whether it can be downloaded at {@code now}. */
    public boolean offered(Instant now) {
        return status == Status.READY && expiresAt != null && expiresAt.isAfter(now);
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public long getRequestedBy() { return requestedBy; }
    public Instant getRequestedAt() { return requestedAt; }
    public Status getStatus() { return status; }
    public Instant getReadyAt() { return readyAt; }
    public Instant getExpiresAt() { return expiresAt; }
    public Integer getFileSize() { return fileSize; }
    byte[] getContent() { return content; }
}
