package org.everyoneserves.content;

import jakarta.persistence.Basic;
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

/** A picture of one module version, stored with it so that the version shows the same forever. */
@Entity
@Table(name = "content_asset")
public class ContentAsset {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id", nullable = false, updatable = false)
    private ContentVersion version;

    @Column(nullable = false, updatable = false, length = 300)
    private String path;

    @Column(name = "media_type", nullable = false, updatable = false, length = 100)
    private String mediaType;

    @Column(nullable = false, updatable = false, length = 64, columnDefinition = "char(64)")
    private String hash;

    @Lob
    @Basic(fetch = FetchType.LAZY)
    @Column(nullable = false, updatable = false, columnDefinition = "longblob")
    private byte[] bytes;

    protected ContentAsset() {
    }

    ContentAsset(ContentVersion version, String path, String mediaType, byte[] bytes) {
        this.version = version;
        this.path = path;
        this.mediaType = mediaType;
        this.hash = ContentHash.of(bytes);
        this.bytes = bytes.clone();
    }

    public String getPath() { return path; }
    public String getMediaType() { return mediaType; }
    public String getHash() { return hash; }
    public byte[] getBytes() { return bytes.clone(); }
}
