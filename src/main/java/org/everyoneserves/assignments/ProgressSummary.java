package org.everyoneserves.assignments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/**
 * One person's progress, kept current by every assignment change in the same transaction, so that team pages read
 * one row per person. Overdue needs no batch: it is {@code nextDueOn} before today.
 */
@Entity
@Table(name = "progress_summary")
public class ProgressSummary {

    @Id
    @Column(name = "person_id")
    private long personId;

    @Column(nullable = false)
    private int required;

    @Column(nullable = false)
    private int done;

    @Column(name = "next_due_on")
    private LocalDate nextDueOn;

    @Column(name = "next_refresh_on")
    private LocalDate nextRefreshOn;

    /** The open assignments' due dates ({@link OpenDueDates}), so that overviews count overdue without reading assignments. */
    @Column(name = "open_due", columnDefinition = "text")
    private String openDue;

    /** Shadowing sessions completed, ever. */
    @Column(nullable = false)
    private int shadowed;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ProgressSummary() {
    }

    void update(int required, int done, LocalDate nextDueOn, LocalDate nextRefreshOn, String openDue, int shadowed, Instant at) {
        this.required = required;
        this.done = done;
        this.nextDueOn = nextDueOn;
        this.nextRefreshOn = nextRefreshOn;
        this.openDue = openDue;
        this.shadowed = shadowed;
        this.updatedAt = at;
    }

    public long getPersonId() { return personId; }
    public int getRequired() { return required; }
    public int getDone() { return done; }
    public LocalDate getNextDueOn() { return nextDueOn; }
    /** When the next yearly refresh falls due, if one is scheduled. */
    public LocalDate getNextRefreshOn() { return nextRefreshOn; }
    public Instant getUpdatedAt() { return updatedAt; }
    public String getOpenDue() { return openDue; }
    public int getShadowed() { return shadowed; }

    public int percent() {
        return required == 0 ? 100 : done * 100 / required;
    }
}
