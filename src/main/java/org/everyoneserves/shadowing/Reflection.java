package org.everyoneserves.shadowing;

import jakarta.json.bind.Jsonb;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.JsonbResolver;

/**
 * What a shadow saw and thinks after a session: an answer to each of the guide's questions (kept with the question,
 * so a later edit of the guide does not change what was asked), a takeaway, and the friction they tagged. Written
 * once per booking.
 */
@Entity
@Table(name = "shadowing_reflection")
public class Reflection {

    public static final int ANSWER_MAXLENGTH = 4000;
    private static final Jsonb JSON = JsonbResolver.shared();

    public record Answer(String question, String answer) {
    }

    /** The stored form of the answers. */
    public record Answers(List<Answer> answers) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "booking_id", nullable = false, updatable = false)
    private long bookingId;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Lob
    @Column(nullable = false, updatable = false, columnDefinition = "longtext")
    private String answers;

    @Column(updatable = false, columnDefinition = "text")
    private String takeaway;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private Instant submittedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "reflection_friction", joinColumns = @JoinColumn(name = "reflection_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "friction", length = 32)
    private Set<Friction> frictions = EnumSet.noneOf(Friction.class);

    protected Reflection() {
    }

    /**
     * Every question needs an answer; the takeaway is needed when the guide asks for one.
     *
     * @param questions the guide's questions, in order
     * @param given     the answers, in the same order
     */
    public Reflection(long bookingId, long personId, List<String> questions, List<String> given, String takeaway,
                      boolean takeawayAsked, Set<Friction> frictions, Instant now) {
        List<Answer> pairs = new ArrayList<>();
        for (int i = 0; i < questions.size(); i++) {
            String text = i < given.size() && given.get(i) != null ? given.get(i).strip() : "";
            if (text.isEmpty()) {
                throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.answerMissing", i + 1);
            }
            if (text.length() > ANSWER_MAXLENGTH) {
                throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.answerTooLong", i + 1, ANSWER_MAXLENGTH);
            }
            pairs.add(new Answer(questions.get(i), text));
        }
        String last = takeaway == null ? "" : takeaway.strip();
        if (takeawayAsked && last.isEmpty()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.takeawayMissing");
        }
        if (last.length() > ANSWER_MAXLENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "shadowing.error.takeawayTooLong", ANSWER_MAXLENGTH);
        }
        this.bookingId = bookingId;
        this.personId = personId;
        this.answers = JSON.toJson(new Answers(pairs));
        this.takeaway = last.isEmpty() ? null : last;
        this.frictions = frictions == null || frictions.isEmpty() ? EnumSet.noneOf(Friction.class) : EnumSet.copyOf(frictions);
        this.submittedAt = now;
    }

    public List<Answer> answers() {
        return JSON.fromJson(answers, Answers.class).answers();
    }

    public Long getId() { return id; }
    public long getBookingId() { return bookingId; }
    public long getPersonId() { return personId; }
    public String getTakeaway() { return takeaway; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Set<Friction> getFrictions() { return Set.copyOf(frictions); }
}
