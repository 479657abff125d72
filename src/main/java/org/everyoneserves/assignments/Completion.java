package org.everyoneserves.assignments;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A finished item in a person's history, with the content version it was done against. Never changed. */
@Entity
@Table(name = "completion")
public class Completion {

    public enum How { READ, PASSED, SHADOWED, MANUAL }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private Assignment.Kind kind;

    @Column(nullable = false, updatable = false, length = 64)
    private String code;

    @Column(name = "version_id", nullable = false, updatable = false)
    private long versionId;

    @Column(name = "completed_at", nullable = false, updatable = false)
    private Instant completedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 16)
    private How how;

    @Column(updatable = false)
    private Integer score;

    @Column(name = "assignment_id", updatable = false)
    private Long assignmentId;

    protected Completion() {
    }

    Completion(ItemCompleted event, Instant at, Long assignmentId) {
        this.personId = event.personId();
        this.kind = event.kind();
        this.code = event.code();
        this.versionId = event.versionId();
        this.how = event.how();
        this.score = event.score();
        this.completedAt = at;
        this.assignmentId = assignmentId;
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public Assignment.Kind getKind() { return kind; }
    public String getCode() { return code; }
    public long getVersionId() { return versionId; }
    public Instant getCompletedAt() { return completedAt; }
    public How getHow() { return how; }
    public Integer getScore() { return score; }
    public Long getAssignmentId() { return assignmentId; }
}
