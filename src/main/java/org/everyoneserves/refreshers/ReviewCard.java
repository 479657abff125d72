package org.everyoneserves.refreshers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.LocalDate;

/**
 * One person's spaced-repetition state for one item they have met: a quiz question ({@code QUIZ:<quiz>:<question>})
 * or a refresher item ({@code REFRESHER:<id>}). {@link #review} applies {@link Spacing}; a retired card is mastered.
 */
@Entity
@Table(name = "review_card")
class ReviewCard {

    static final String QUIZ = "QUIZ:";
    static final String REFRESHER = "REFRESHER:";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "item_key", nullable = false, updatable = false, length = 200)
    private String itemKey;

    @Column(name = "module_code", length = 64, updatable = false)
    private String moduleCode;

    @Column(name = "due_on", nullable = false)
    private LocalDate dueOn;

    @Column(name = "interval_days", nullable = false)
    private int intervalDays;

    @Column(nullable = false)
    private int ease;

    @Column(nullable = false)
    private int reviews;

    @Column(nullable = false)
    private int lapses;

    @Column(name = "right_streak", nullable = false)
    private int rightStreak;

    @Column(nullable = false)
    private boolean retired;

    @Column(name = "met_on", nullable = false, updatable = false)
    private LocalDate metOn;

    @Column(name = "last_reviewed_on")
    private LocalDate lastReviewedOn;

    @Version
    private int version;

    protected ReviewCard() {
    }

    ReviewCard(long personId, String itemKey, String moduleCode, boolean right, LocalDate today) {
        this.personId = personId;
        this.itemKey = itemKey;
        this.moduleCode = moduleCode;
        this.metOn = today;
        apply(Spacing.met(right, today));
    }

    Card card() {
        return new Card(dueOn, intervalDays, ease, reviews, lapses, rightStreak, retired);
    }

    /** Schedules the card after an answer given on {@code day}. */
    void review(boolean right, LocalDate day) {
        apply(Spacing.review(card(), right, day));
        lastReviewedOn = day;
    }

    /** Met again in a quiz: counts as a review once a day, and never brings a mastered item back. */
    void metAgain(boolean right, LocalDate day) {
        if (!retired && (lastReviewedOn == null || lastReviewedOn.isBefore(day)) && !metOn.equals(day)) {
            review(right, day);
        }
    }

    private void apply(Card card) {
        dueOn = card.dueOn();
        intervalDays = card.intervalDays();
        ease = card.easePercent();
        reviews = card.reviews();
        lapses = card.lapses();
        rightStreak = card.streak();
        retired = card.retired();
    }

    Long getId() { return id; }
    long getPersonId() { return personId; }
    String getItemKey() { return itemKey; }
    LocalDate getDueOn() { return dueOn; }
    boolean isRetired() { return retired; }
    int getLapses() { return lapses; }
    LocalDate getLastReviewedOn() { return lastReviewedOn; }
}
