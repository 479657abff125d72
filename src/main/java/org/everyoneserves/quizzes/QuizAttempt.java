package org.everyoneserves.quizzes;

import jakarta.json.bind.Jsonb;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Lob;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.everyoneserves.content.Question;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.JsonbResolver;

/**
 * One person's try at one quiz version: exactly the questions and choice order they were shown, their answers as
 * they saved them, and, once submitted, the score. Submitted once; answers only to questions that were shown.
 */
@Entity
@Table(name = "quiz_attempt")
public class QuizAttempt {

    private static final Jsonb JSON = JsonbResolver.shared();

    /** The stored form of the answers. */
    public record Saved(List<Answer> answers) {
    }

    /** The stored form of what was shown. */
    public record Shown(List<ShownQuestion> questions) {
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "person_id", nullable = false, updatable = false)
    private long personId;

    @Column(name = "quiz_code", nullable = false, updatable = false, length = 64)
    private String quizCode;

    @Column(name = "version_id", nullable = false, updatable = false)
    private long versionId;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(name = "started_at", nullable = false, updatable = false)
    private Instant startedAt;

    @Lob
    @Column(nullable = false, updatable = false, columnDefinition = "longtext")
    private String shown;

    @Lob
    @Column(columnDefinition = "longtext")
    private String answers;

    @Column(name = "saved_at")
    private Instant savedAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    private Integer correct;

    @Column(nullable = false, updatable = false)
    private int total;

    private Integer percent;

    private Boolean passed;

    @Version
    private int version;

    protected QuizAttempt() {
    }

    QuizAttempt(long personId, String quizCode, long versionId, int number, List<ShownQuestion> shown, Instant startedAt) {
        this.personId = personId;
        this.quizCode = quizCode;
        this.versionId = versionId;
        this.number = number;
        this.shown = JSON.toJson(new Shown(shown));
        this.total = shown.size();
        this.startedAt = startedAt;
    }

    public List<ShownQuestion> shown() {
        return JSON.fromJson(shown, Shown.class).questions();
    }

    /** Saved answers by question id, in the order they were shown. */
    public Map<String, Answer> answers() {
        Map<String, Answer> byQuestion = new LinkedHashMap<>();
        if (answers != null) {
            JSON.fromJson(answers, Saved.class).answers().forEach(a -> byQuestion.put(a.questionId(), a));
        }
        return byQuestion;
    }

    /**
     * Keeps these answers (replacing earlier ones to the same questions).
     *
     * @param questions the version's questions by id, to check that each answer fits its question
     */
    public void save(List<Answer> given, Map<String, Question> questions, Instant at) {
        requireOpen();
        List<String> shownIds = shown().stream().map(ShownQuestion::questionId).toList();
        Map<String, Answer> kept = answers();
        for (Answer answer : given) {
            if (!shownIds.contains(answer.questionId())) {
                throw new BusinessException(BusinessException.Kind.INVALID, "quizzes.error.notShown", answer.questionId());
            }
            answer.requireFits(questions.get(answer.questionId()));
            kept.put(answer.questionId(), answer);
        }
        answers = JSON.toJson(new Saved(new ArrayList<>(kept.values())));
        savedAt = at;
    }

    /** Records the score of the submission; a second submission is refused. */
    public void submit(Score score, Instant at) {
        requireOpen();
        submittedAt = at;
        correct = score.correct();
        percent = score.percent();
        passed = score.passed();
    }

    private void requireOpen() {
        if (submittedAt != null) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "quizzes.error.alreadySubmitted");
        }
    }

    public boolean isSubmitted() {
        return submittedAt != null;
    }

    public Long getId() { return id; }
    public long getPersonId() { return personId; }
    public String getQuizCode() { return quizCode; }
    public long getVersionId() { return versionId; }
    public int getNumber() { return number; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getSavedAt() { return savedAt; }
    public Instant getSubmittedAt() { return submittedAt; }
    public Integer getCorrect() { return correct; }
    public int getTotal() { return total; }
    public Integer getPercent() { return percent; }
    public Boolean getPassed() { return passed; }
    public int getVersion() { return version; }
}
