package org.everyoneserves.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * One thing in the catalog, by its stable code: a module, quiz, shadowing guide, refresher item or a job role's
 * curriculum. Progress is kept against it and against the version a person saw, so it is never deleted: a file
 * that disappears retires it, and a file that comes back restores it.
 */
@Entity
@Table(name = "content_item")
public class CatalogItem {

    public enum Kind { MODULE, QUIZ, GUIDE, REFRESHER, CURRICULUM }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private Kind kind;

    @Column(nullable = false, length = 64)
    private String code;

    @Column(length = 64)
    private String track;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "current_version_id")
    private ContentVersion current;

    @Column(name = "retired_at")
    private Instant retiredAt;

    @Version
    private int version;

    protected CatalogItem() {
    }

    public CatalogItem(Kind kind, String code, String track) {
        this.kind = kind;
        this.code = code;
        this.track = track;
    }

    /** The next version's number: 1 for a new item. */
    public int nextNumber() {
        return current == null ? 1 : current.getNumber() + 1;
    }

    /** Makes {@code next} what people get from now on; a retired item comes back. */
    public void publish(ContentVersion next, String track) {
        if (next.getItem() != this || next.getNumber() != nextNumber()) {
            throw new IllegalArgumentException("version " + next.getNumber() + " does not follow " + (current == null ? 0 : current.getNumber()));
        }
        current = next;
        retiredAt = null;
        this.track = track;
    }

    /** A retired item brought back unchanged keeps its current version. */
    public void restore() {
        retiredAt = null;
    }

    public void retire(Instant at) {
        if (retiredAt == null) {
            retiredAt = at;
        }
    }

    public boolean isRetired() {
        return retiredAt != null;
    }

    public Long getId() { return id; }
    public Kind getKind() { return kind; }
    public String getCode() { return code; }
    public String getTrack() { return track; }
    public ContentVersion getCurrent() { return current; }
    public Instant getRetiredAt() { return retiredAt; }
}
