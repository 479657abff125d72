package org.everyoneserves.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One published version of a catalog item, immutable: the definition as imported (JSON of a {@code *Definition}
 * record, answer keys included, so quizzes are scored against exactly the version that was shown), and for modules
 * the HTML rendered and sanitised once, plus a plain-text rendering.
 */
@Entity
@Table(name = "content_version")
public class ContentVersion {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "item_id", nullable = false, updatable = false)
    private CatalogItem item;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, updatable = false)
    private int revision;

    @Column(nullable = false, updatable = false)
    private boolean material;

    @Column(nullable = false, updatable = false, length = 64, columnDefinition = "char(64)")
    private String hash;

    @Column(nullable = false, updatable = false, length = 300)
    private String title;

    @Column(updatable = false, length = 2000)
    private String summary;

    @Column(updatable = false)
    private Integer minutes;

    @Lob
    @Column(nullable = false, updatable = false, columnDefinition = "longtext")
    private String definition;

    @Lob
    @Column(updatable = false, columnDefinition = "mediumtext")
    private String html;

    @Lob
    @Column(name = "plain_text", updatable = false, columnDefinition = "mediumtext")
    private String plainText;

    @Column(name = "source_path", nullable = false, updatable = false, length = 500)
    private String sourcePath;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "import_id", nullable = false, updatable = false)
    private ContentImport contentImport;

    @Column(name = "published_at", nullable = false, updatable = false)
    private Instant publishedAt;

    protected ContentVersion() {
    }

    ContentVersion(CatalogItem item, Draft draft, boolean material, String html, String plainText, ContentImport contentImport,
                   Instant publishedAt) {
        this.item = item;
        this.number = item.nextNumber();
        this.revision = draft.revision();
        this.material = material;
        this.hash = draft.hash();
        this.title = clip(draft.title(), 300);
        this.summary = draft.summary() == null ? null : clip(draft.summary(), 2000);
        this.minutes = draft.minutes();
        this.definition = draft.definition();
        this.html = html;
        this.plainText = plainText;
        this.sourcePath = clip(draft.source(), 500);
        this.contentImport = contentImport;
        this.publishedAt = publishedAt;
    }

    private static String clip(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() { return id; }
    public CatalogItem getItem() { return item; }
    public int getNumber() { return number; }
    public int getRevision() { return revision; }
    public boolean isMaterial() { return material; }
    public String getHash() { return hash; }
    public String getTitle() { return title; }
    public String getSummary() { return summary; }
    public Integer getMinutes() { return minutes; }
    public String getDefinition() { return definition; }
    public String getHtml() { return html; }
    public String getPlainText() { return plainText; }
    public String getSourcePath() { return sourcePath; }
    public Instant getPublishedAt() { return publishedAt; }
}
