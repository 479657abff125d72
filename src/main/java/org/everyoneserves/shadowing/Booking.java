package org.everyoneserves.shadowing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import org.everyoneserves.platform.BusinessException;

/**
 * A shadow's seat in a slot for one shadowing guide. Booked, then moved or cancelled before the slot starts; after
 * it, the host confirms attendance or marks a no-show. Attendance plus the shadow's reflection completes the guide.
 */
@Entity
@Table(name = "shadowing_booking")
public class Booking {

    public static final int NOTE_MAXLENGTH = 1000;

    public enum Status { BOOKED, CANCELLED, ATTENDED, NO_SHOW }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "slot_id", nullable = false)
    private long slotId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "guide_code", nullable = false, updatable = false, length = 64)
    private String guideCode;

    @Column(name = "guide_version_id", nullable = false, updatable = false)
    private long guideVersionId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "booked_at", nullable = false)
    private Instant bookedAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "confirmed_at")
    private Instant confirmedAt;

    @Column(name = "confirmed_by")
    private Long confirmedBy;

    @Column(name = "host_note", length = NOTE_MAXLENGTH)
    private String hostNote;

    @Column(name = "host_rating")
    private Integer hostRating;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Version
    private int version;

    protected Booking() {
    }

    public Booking(long slotId, long personId, String guideCode, long guideVersionId, Instant now) {
        this.slotId = slotId;
        this.personId = personId;
        this.guideCode = guideCode;
        this.guideVersionId = guideVersionId;
        this.status = Status.BOOKED;
        this.bookedAt = now;
    }

    void requireBooked() {
        if (status != Status.BOOKED) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.notBooked");
        }
    }

    /** Into another slot; the service has already taken a seat there and gives this one back. */
    void moveTo(long otherSlotId, Instant now) {
        requireBooked();
        this.slotId = otherSlotId;
        this.bookedAt = now;
    }

    void cancel(Instant now) {
        requireBooked();
        status = Status.CANCELLED;
        cancelledAt = now;
    }

    /**
     * The host says whether the shadow came, with an optional note and rating (1 to 5). It can be corrected until
     * the session has counted as done.
     */
    void confirm(boolean attended, String note, Integer rating, long hostId, Instant now) {
        if (status == Status.CANCELLED) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.cancelled");
        }
        if (isCompleted()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.alreadyCompleted");
        }
        if (rating != null && (rating < 1 || rating > 5)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.rating");
        }
        String text = note == null || note.isBlank() ? null : note.strip();
        if (text != null && text.length() > NOTE_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.noteTooLong", NOTE_MAXLENGTH);
        }
        status = attended ? Status.ATTENDED : Status.NO_SHOW;
        hostNote = text;
        hostRating = attended ? rating : null;
        confirmedBy = hostId;
        confirmedAt = now;
    }

    void complete(Instant now) {
        completedAt = now;
    }

    public boolean isCompleted() {
        return completedAt != null;
    }

    public Long getId() { return id; }
    public long getSlotId() { return slotId; }
    public long getPersonId() { return personId; }
    public String getGuideCode() { return guideCode; }
    public long getGuideVersionId() { return guideVersionId; }
    public Status getStatus() { return status; }
    public Instant getBookedAt() { return bookedAt; }
    public Instant getCancelledAt() { return cancelledAt; }
    public Instant getConfirmedAt() { return confirmedAt; }
    public Long getConfirmedBy() { return confirmedBy; }
    public String getHostNote() { return hostNote; }
    public Integer getHostRating() { return hostRating; }
    public Instant getCompletedAt() { return completedAt; }
    public int getVersion() { return version; }
}
