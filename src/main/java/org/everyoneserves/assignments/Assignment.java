package org.everyoneserves.assignments;

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
import java.time.LocalDate;

/**
 * One item one person owes: a module to read, a quiz to pass or a shadowing session to do, due on a date. Done
 * assignments stay as history; a repeating item's next occurrence is a new assignment. At most one assignment per
 * person and item is live (open or paused), which the database enforces.
 */
@Entity
@Table(name = "assignment")
public class Assignment {

    public enum Kind {
        MODULE, QUIZ, GUIDE;

        /** The catalog's kind of the item assigned. */
        public org.everyoneserves.content.CatalogItem.Kind catalogKind() {
            return org.everyoneserves.content.CatalogItem.Kind.valueOf(name());
        }
    }

    public enum Status { OPEN, PAUSED, DONE, WAIVED, WITHDRAWN }

    public enum Origin { CURRICULUM, MANUAL }

    /** Why it exists: shown to the learner ("asked again: the module changed"). */
    public enum Reason { JOINED, ROLE_CHANGED, CURRICULUM_CHANGED, CONTENT_CHANGED, RECERTIFICATION, MANUAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, updatable = false, length = 64)
    private String code;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Origin origin;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 24)
    private Reason reason;

    @Column(name = "assigned_on", nullable = false, updatable = false)
    private LocalDate assignedOn;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "repeat_months")
    private Integer repeatMonths;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(name = "completed_at")
    private Instant completedAt;

    @Column(name = "completed_version_id")
    private Long completedVersionId;

    @Column(name = "assigned_by", updatable = false)
    private Long assignedBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Assignment() {
    }

    public Assignment(long personId, Kind kind, String code, Origin origin, Reason reason, LocalDate assignedOn, LocalDate dueOn,
                      Integer repeatMonths, Long assignedBy, Instant createdAt) {
        this.personId = personId;
        this.kind = kind;
        this.code = code;
        this.origin = origin;
        this.reason = reason;
        this.assignedOn = assignedOn;
        this.dueOn = dueOn.isBefore(assignedOn) ? assignedOn : dueOn;
        this.repeatMonths = repeatMonths;
        this.assignedBy = assignedBy;
        this.createdAt = createdAt;
        this.status = Status.OPEN;
    }

    /** Done against a content version. Only a live assignment can be completed; a paused one counts too. */
    public boolean complete(Instant at, long versionId) {
        if (!isLive()) {
            return false;
        }
        status = Status.DONE;
        completedAt = at;
        completedVersionId = versionId;
        return true;
    }

    public void pause() {
        if (status == Status.OPEN) {
            status = Status.PAUSED;
        }
    }

    public void resume() {
        if (status == Status.PAUSED) {
            status = Status.OPEN;
        }
    }

    /** No longer owed (the role changed, the item left the curriculum); kept as history. */
    public void withdraw() {
        if (isLive()) {
            status = Status.WITHDRAWN;
        }
    }

    public boolean isLive() {
        return status == Status.OPEN || status == Status.PAUSED;
    }

    public boolean isOverdue(LocalDate today) {
        return status == Status.OPEN && dueOn.isBefore(today);
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public Kind getKind() { return kind; }
    public String getCode() { return code; }
    public Origin getOrigin() { return origin; }
    public Reason getReason() { return reason; }
    public LocalDate getAssignedOn() { return assignedOn; }
    public LocalDate getDueOn() { return dueOn; }
    public Integer getRepeatMonths() { return repeatMonths; }
    public Status getStatus() { return status; }
    public Instant getCompletedAt() { return completedAt; }
    public Long getCompletedVersionId() { return completedVersionId; }
    public Long getAssignedBy() { return assignedBy; }
}
