package org.everyoneserves.platform.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change a person made to someone else's data. Written once, never changed. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry {

    public static final int DETAIL_MAXLENGTH = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(nullable = false, length = 64)
    private String action;

    @Column(name = "subject_type", nullable = false, length = 40)
    private String subjectType;

    @Column(name = "subject_id")
    private Long subjectId;

    @Column(length = DETAIL_MAXLENGTH)
    private String detail;

    protected AuditEntry() {
    }

    AuditEntry(Instant at, Long actorId, String action, String subjectType, Long subjectId, String detail) {
        this.at = at;
        this.actorId = actorId;
        this.action = action;
        this.subjectType = subjectType;
        this.subjectId = subjectId;
        this.detail = detail == null || detail.length() <= DETAIL_MAXLENGTH ? detail : detail.substring(0, DETAIL_MAXLENGTH);
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public Long getActorId() { return actorId; }
    public String getAction() { return action; }
    public String getSubjectType() { return subjectType; }
    public Long getSubjectId() { return subjectId; }
    public String getDetail() { return detail; }
}
