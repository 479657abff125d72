package org.everyoneserves.shadowing;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import org.everyoneserves.platform.BusinessException;

/**
 * A host's time for shadows: when, how long, where (a place or a channel) and how many shadows at once. Seats are
 * taken and given back by conditional updates in {@link ShadowingService}, never by changing {@code booked} here.
 */
@Entity
@Table(name = "shadowing_slot")
public class Slot {

    public static final int PLACE_MAXLENGTH = 200;
    public static final int MAX_CAPACITY = 20;
    public static final int MIN_MINUTES = 15;
    public static final int MAX_MINUTES = 480;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "host_id", nullable = false, updatable = false)
    private long hostId;

    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;

    @Column(nullable = false)
    private int minutes;

    @Column(nullable = false, length = PLACE_MAXLENGTH)
    private String place;

    @Column(nullable = false)
    private int capacity;

    @Column(nullable = false, insertable = false, updatable = false)
    private int booked;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Slot() {
    }

    /** A new slot; refuses one that starts in the past, is too short or too long, or has no seats. */
    public Slot(long hostId, Instant startsAt, int minutes, String place, int capacity, Instant now) {
        if (!startsAt.isAfter(now)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.slotInPast");
        }
        if (minutes < MIN_MINUTES || minutes > MAX_MINUTES) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.minutes", MIN_MINUTES, MAX_MINUTES);
        }
        if (capacity < 1 || capacity > MAX_CAPACITY) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.capacity", MAX_CAPACITY);
        }
        String where = place == null ? "" : place.strip();
        if (where.isEmpty() || where.length() > PLACE_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.place", PLACE_MAXLENGTH);
        }
        this.hostId = hostId;
        this.startsAt = startsAt;
        this.minutes = minutes;
        this.place = where;
        this.capacity = capacity;
        this.createdAt = now;
    }

    public boolean hasStarted(Instant now) {
        return !startsAt.isAfter(now);
    }

    public boolean isCancelled() {
        return cancelledAt != null;
    }

    /** The host calls it off before it starts; the service gives the shadows their seats back. */
    public void cancel(Instant now) {
        if (isCancelled()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotCancelled");
        }
        if (hasStarted(now)) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "shadowing.error.slotStarted");
        }
        cancelledAt = now;
    }

    public Instant endsAt() {
        return startsAt.plus(Duration.ofMinutes(minutes));
    }

    public Long getId() { return id; }
    public long getHostId() { return hostId; }
    public Instant getStartsAt() { return startsAt; }
    public int getMinutes() { return minutes; }
    public String getPlace() { return place; }
    public int getCapacity() { return capacity; }
    public int getBooked() { return booked; }
    public int getSeatsLeft() { return capacity - booked; }
    public Instant getCancelledAt() { return cancelledAt; }
    public int getVersion() { return version; }
}
