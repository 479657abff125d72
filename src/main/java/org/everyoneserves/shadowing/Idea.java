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
import java.util.Arrays;
import java.util.List;
import org.everyoneserves.platform.BusinessException;

/**
 * An improvement someone raised, usually from a shadowing session, routed to the department that owns the problem.
 * That department's managers move it through its statuses and answer; the person who raised it sees the answer.
 */
@Entity
@Table(name = "improvement_idea")
public class Idea {

    public static final int TITLE_MAXLENGTH = 160;
    public static final int DESCRIPTION_MAXLENGTH = 4000;
    public static final int ANSWER_MAXLENGTH = 2000;

    public enum Status {
        NEW, ACCEPTED, IN_PROGRESS, DONE, DECLINED;

        /** Still to be dealt with: new, accepted or in progress. */
        public boolean isOpen() {
            return this != DONE && this != DECLINED;
        }

        /** A status a manager may move an idea to: any but "new", since a decision cannot go back. */
        public boolean isDecision() {
            return this != NEW;
        }

        /** The statuses a manager may choose from, in order. */
        public static List<Status> decisions() {
            return Arrays.stream(values()).filter(Status::isDecision).toList();
        }
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "raised_by", nullable = false, updatable = false)
    private long raisedBy;

    @Column(name = "department_id", nullable = false)
    private long departmentId;

    @Column(name = "reflection_id", updatable = false)
    private Long reflectionId;

    @Column(nullable = false, updatable = false, length = TITLE_MAXLENGTH)
    private String title;

    @Column(nullable = false, updatable = false, columnDefinition = "text")
    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Status status;

    @Column(length = ANSWER_MAXLENGTH)
    private String answer;

    @Column(name = "decided_by")
    private Long decidedBy;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Version
    private int version;

    protected Idea() {
    }

    public Idea(long raisedBy, long departmentId, Long reflectionId, String title, String description, Instant now) {
        String t = title == null ? "" : title.strip();
        String d = description == null ? "" : description.strip();
        if (t.isEmpty() || t.length() > TITLE_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "ideas.error.title", TITLE_MAXLENGTH);
        }
        if (d.isEmpty() || d.length() > DESCRIPTION_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "ideas.error.description", DESCRIPTION_MAXLENGTH);
        }
        this.raisedBy = raisedBy;
        this.departmentId = departmentId;
        this.reflectionId = reflectionId;
        this.title = t;
        this.description = d;
        this.status = Status.NEW;
        this.createdAt = now;
    }

    /** A decision of the owning department; declining needs a reason, and a decision cannot go back to "new". */
    void decide(Status next, String answerText, long managerId, Instant now) {
        String text = answerText == null || answerText.isBlank() ? null : answerText.strip();
        if (!next.isDecision()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "ideas.error.backToNew");
        }
        if (next == Status.DECLINED && text == null) {
            throw new BusinessException(BusinessException.Kind.INVALID, "ideas.error.reasonNeeded");
        }
        if (text != null && text.length() > ANSWER_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "ideas.error.answerTooLong", ANSWER_MAXLENGTH);
        }
        status = next;
        if (text != null) {
            answer = text;
        }
        decidedBy = managerId;
        decidedAt = now;
    }

    public Long getId() { return id; }
    public long getRaisedBy() { return raisedBy; }
    public long getDepartmentId() { return departmentId; }
    public Long getReflectionId() { return reflectionId; }
    public String getTitle() { return title; }
    public String getDescription() { return description; }
    public Status getStatus() { return status; }
    public String getAnswer() { return answer; }
    public Long getDecidedBy() { return decidedBy; }
    public Instant getDecidedAt() { return decidedAt; }
    public Instant getCreatedAt() { return createdAt; }
    public int getVersion() { return version; }
}
