package org.everyoneserves.content;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** One import that changed the catalog, or that was refused because the content had errors. */
@Entity
@Table(name = "content_import")
public class ContentImport {

    public enum Outcome { APPLIED, REFUSED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private Instant at;

    @Column(name = "actor_id")
    private Long actorId;

    @Column(nullable = false, length = 500)
    private String source;

    @Column(nullable = false, length = 16)
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    private Outcome outcome;

    private int added;
    @Column(name = "minor_changes")
    private int minorChanges;
    @Column(name = "material_changes")
    private int materialChanges;
    private int retired;
    private int unchanged;
    private int errors;
    private int warnings;

    protected ContentImport() {
    }

    ContentImport(Instant at, Long actorId, String source, CatalogPlan plan, int errors, int warnings) {
        this.at = at;
        this.actorId = actorId;
        this.source = source.length() > 500 ? source.substring(source.length() - 500) : source;
        this.outcome = errors > 0 ? Outcome.REFUSED : Outcome.APPLIED;
        this.added = (int) (plan.count(CatalogPlan.Type.NEW) + plan.count(CatalogPlan.Type.RESTORED));
        this.minorChanges = (int) plan.count(CatalogPlan.Type.MINOR);
        this.materialChanges = (int) plan.count(CatalogPlan.Type.MATERIAL);
        this.retired = (int) plan.count(CatalogPlan.Type.RETIRED);
        this.unchanged = plan.unchanged();
        this.errors = errors;
        this.warnings = warnings;
    }

    public Long getId() { return id; }
    public Instant getAt() { return at; }
    public Long getActorId() { return actorId; }
    public String getSource() { return source; }
    public Outcome getOutcome() { return outcome; }
    public int getAdded() { return added; }
    public int getMinorChanges() { return minorChanges; }
    public int getMaterialChanges() { return materialChanges; }
    public int getRetired() { return retired; }
    public int getUnchanged() { return unchanged; }
    public int getErrors() { return errors; }
    public int getWarnings() { return warnings; }
}
