package org.everyoneserves.quizzes;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.Completion;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Question;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;

/**
 * Quizzes, with the server as the only judge: an attempt draws its questions from the current version and keeps
 * exactly what it showed; answers are saved as the learner goes; a submission is scored once, against the version
 * shown, and a pass completes the quiz in the learner's plan. Nothing a learner is shown before submitting says
 * which answers are right.
 */
@ApplicationScoped
@Transactional
public class QuizService {

    private static final SecureRandom SEEDS = new SecureRandom();

    @PersistenceContext
    EntityManager em;

    @Inject
    Catalog catalog;

    @Inject
    PersonService people;

    @Inject
    Event<ItemCompleted> completed;

    @Inject
    Event<QuizSubmitted> submitted;

    @Inject
    Clock clock;

    // ---- what the pages show

    public record AttemptSummary(long id, int number, Instant startedAt, Instant submittedAt, Integer percent, Boolean passed) implements java.io.Serializable {

        static AttemptSummary of(QuizAttempt a) {
            return new AttemptSummary(a.getId(), a.getNumber(), a.getStartedAt(), a.getSubmittedAt(), a.getPercent(), a.getPassed());
        }
    }

    /** The quiz before starting: rules, the attempts so far, an attempt left open. */
    public record QuizIntro(String code, String title, String moduleCode, String moduleTitle, int questions, int passMark,
                            Attempts attempts, AttemptSummary open, List<AttemptSummary> past, boolean passed) implements java.io.Serializable {

        public boolean canStart() {
            return open == null && attempts.canStartAnother();
        }

        public Integer attemptsLeft() {
            OptionalInt left = attempts.left();
            return left.isPresent() ? left.getAsInt() : null;
        }
    }

    /** A choice or an ordering item as shown: its original index (what answers carry) and its text. */
    public record Option(int index, String text) implements java.io.Serializable {
    }

    /** A question as shown, without anything that tells the answer. */
    public record ShownView(int position, String id, Question.Kind kind, String situation, String prompt, List<Option> options,
                            Answer saved) implements java.io.Serializable {

        /** The places 1..n an ordering question's items can take. */
        public List<Integer> places() {
            return java.util.stream.IntStream.rangeClosed(1, options.size()).boxed().toList();
        }
    }

    public record AttemptView(long id, String quizCode, String title, int number, int passMark, List<ShownView> questions,
                              Instant savedAt, boolean submitted, int version) implements java.io.Serializable {
    }

    public record ResultOption(String text, boolean picked, boolean correct, String feedback) implements java.io.Serializable {
    }

    public record ResultQuestion(int position, String situation, String prompt, Question.Kind kind, boolean answered, boolean correct,
                                 String explanation, List<ResultOption> options, List<String> yourOrder, List<String> rightOrder,
                                 Boolean yourValue, Boolean rightValue) implements java.io.Serializable {
    }

    public record ResultView(long id, String quizCode, String title, int number, int correct, int total, int percent, boolean passed,
                             int passMark, List<ResultQuestion> questions, List<String> review, Integer attemptsLeft, boolean canRetry,
                             String moduleCode, String moduleTitle) implements java.io.Serializable {
    }

    // ---- reading

    @Transactional(Transactional.TxType.SUPPORTS)
    public QuizIntro intro(@NotNull Caller caller, @NotNull String quizCode) {
        Published<Definitions.Quiz> version = catalog.getQuiz(quizCode);
        Definitions.Quiz quiz = version.definition();
        List<QuizAttempt> mine = attempts(caller.personId(), quizCode);
        AttemptSummary open = mine.stream().filter(a -> !a.isSubmitted()).findFirst().map(AttemptSummary::of).orElse(null);
        String moduleTitle = moduleTitle(quiz);
        return new QuizIntro(quizCode, version.title(), moduleTitle == null ? null : quiz.module(), moduleTitle, quiz.pool(), quiz.passMark(),
                Attempts.of(quiz, mine.size()), open,
                mine.stream().filter(QuizAttempt::isSubmitted).map(AttemptSummary::of).toList(),
                mine.stream().anyMatch(a -> Boolean.TRUE.equals(a.getPassed())));
    }

    /** The attempt as its owner answers it; anyone else gets "not found". */
    @Transactional(Transactional.TxType.SUPPORTS)
    public AttemptView attempt(@NotNull Caller caller, long attemptId) {
        QuizAttempt attempt = own(caller, attemptId);
        Published<Definitions.Quiz> version = catalog.quizVersion(attempt.getVersionId());
        Definitions.Quiz quiz = version.definition();
        Map<String, Answer> saved = attempt.answers();
        List<ShownView> questions = new ArrayList<>();
        int position = 1;
        for (ShownQuestion shown : attempt.shown()) {
            Question q = quiz.question(shown.questionId()).orElseThrow();
            List<Option> options = new ArrayList<>();
            if (q.kind() == Question.Kind.TRUE_FALSE) {
                options = List.of();
            } else {
                List<String> texts = q.kind() == Question.Kind.ORDERING ? q.items() : q.choices().stream().map(Question.Choice::text).toList();
                for (int index : shown.order()) {
                    options.add(new Option(index, texts.get(index)));
                }
            }
            questions.add(new ShownView(position++, q.id(), q.kind(), q.situation(), q.prompt(), options, saved.get(q.id())));
        }
        return new AttemptView(attempt.getId(), attempt.getQuizCode(), version.title(), attempt.getNumber(), quiz.passMark(), questions,
                attempt.getSavedAt(), attempt.isSubmitted(), attempt.getVersion());
    }

    /** A submitted attempt's results, for its owner (and the people who may see the owner). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultView result(@NotNull Caller caller, long attemptId) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId);
        if (attempt == null || !people.maySee(caller, attempt.getPersonId()) || !attempt.isSubmitted()) {
            throw BusinessException.notFound("attempt");
        }
        Published<Definitions.Quiz> version = catalog.quizVersion(attempt.getVersionId());
        Definitions.Quiz quiz = version.definition();
        Score score = Scoring.score(quiz, attempt.shown(), attempt.answers());
        Map<String, QuestionResult> results = score.results().stream().collect(Collectors.toMap(QuestionResult::questionId, Function.identity()));
        Map<String, Answer> answers = attempt.answers();
        List<ResultQuestion> questions = new ArrayList<>();
        int position = 1;
        for (ShownQuestion shown : attempt.shown()) {
            Question q = quiz.question(shown.questionId()).orElseThrow();
            QuestionResult r = results.get(q.id());
            Answer a = answers.getOrDefault(q.id(), Answer.skipped(q.id()));
            List<ResultOption> options = new ArrayList<>();
            List<String> yourOrder = List.of();
            List<String> rightOrder = List.of();
            if (q.kind() == Question.Kind.ORDERING) {
                yourOrder = a.choices().stream().map(i -> q.items().get(i)).toList();
                rightOrder = q.items();
            } else if (q.kind() != Question.Kind.TRUE_FALSE) {
                for (int index : shown.order()) {
                    Question.Choice c = q.choices().get(index);
                    boolean picked = a.choices().contains(index);
                    options.add(new ResultOption(c.text(), picked, c.correct(), picked || c.correct() ? c.feedback() : null));
                }
            }
            questions.add(new ResultQuestion(position++, q.situation(), q.prompt(), q.kind(), r.answered(), r.correct(), r.explanation(),
                    options, yourOrder, rightOrder, a.value(), q.answer()));
        }
        Map<String, String> keyPoints = catalog.module(quiz.module()).map(m -> m.definition().keyPoints()).orElse(Map.of());
        List<String> review = score.keyPointsToReview().stream().map(k -> keyPoints.getOrDefault(k, k)).toList();
        List<QuizAttempt> mine = attempts(attempt.getPersonId(), attempt.getQuizCode());
        Attempts attempts = Attempts.of(catalog.getQuiz(attempt.getQuizCode()).definition(), mine.size());
        OptionalInt left = attempts.left();
        boolean everPassed = mine.stream().anyMatch(x -> Boolean.TRUE.equals(x.getPassed()));
        String moduleTitle = moduleTitle(quiz);
        return new ResultView(attempt.getId(), attempt.getQuizCode(), version.title(), attempt.getNumber(), score.correct(), score.total(),
                score.percent(), score.passed(), quiz.passMark(), questions, review, left.isPresent() ? left.getAsInt() : null,
                !everPassed && attempts.canStartAnother() && attempt.getPersonId() == caller.personId(),
                moduleTitle == null ? null : quiz.module(), moduleTitle);
    }

    // ---- changing

    /**
     * Starts an attempt on the current version, or returns the one the learner left open. Refused when the
     * attempts allowed are used up; two starts at once make one attempt (the database keeps numbers unique).
     */
    public long start(@NotNull Caller caller, @NotNull String quizCode) {
        Published<Definitions.Quiz> version = catalog.getQuiz(quizCode);
        Definitions.Quiz quiz = version.definition();
        List<QuizAttempt> mine = attempts(caller.personId(), quizCode);
        for (QuizAttempt a : mine) {
            if (!a.isSubmitted()) {
                return a.getId();
            }
        }
        if (!Attempts.of(quiz, mine.size()).canStartAnother()) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "quizzes.error.noAttemptsLeft", quiz.attempts());
        }
        List<ShownQuestion> shown = Draw.of(quiz, new SplittableRandom(SEEDS.nextLong()));
        QuizAttempt attempt = new QuizAttempt(caller.personId(), quizCode, version.versionId(), mine.size() + 1, shown, clock.instant());
        try {
            em.persist(attempt);
            em.flush();
        } catch (PersistenceException e) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "quizzes.error.concurrentStart");
        }
        return attempt.getId();
    }

    /** Saves answers as the learner goes; refused for a submitted attempt or a question that was not shown. */
    public void save(@NotNull Caller caller, long attemptId, @NotNull List<Answer> answers) {
        save(caller, attemptId, answers, null);
    }

    /**
     * Saves answers unless the attempt changed since {@code expectedVersion} was read (null: whatever it is now). Saves
     * of one attempt at once (the page's background save racing its Save button, two devices) take turns on the row's
     * lock: each one reads what the one before it wrote, so none fails on a stale version.
     */
    public void save(@NotNull Caller caller, long attemptId, @NotNull List<Answer> answers, Integer expectedVersion) {
        QuizAttempt attempt = ownLocked(caller, attemptId);
        if (expectedVersion != null && !attempt.isSubmitted() && attempt.getVersion() != expectedVersion) {
            throw BusinessException.preconditionFailed();
        }
        attempt.save(answers, questions(attempt), clock.instant());
        em.flush();
    }

    /**
     * Saves the last answers and scores the attempt, once: a second submission, also one racing the first, is
     * refused and changes nothing. A pass completes the quiz in the learner's plan.
     */
    public long submit(@NotNull Caller caller, long attemptId, @NotNull List<Answer> answers) {
        QuizAttempt attempt = ownLocked(caller, attemptId);
        em.lock(attempt, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        Definitions.Quiz quiz = catalog.quizVersion(attempt.getVersionId()).definition();
        if (!answers.isEmpty()) {
            attempt.save(answers, questions(attempt), clock.instant());
        }
        Score score = Scoring.score(quiz, attempt.shown(), attempt.answers());
        attempt.submit(score, clock.instant());
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "quizzes.error.alreadySubmitted");
        }
        Map<String, Boolean> right = new java.util.LinkedHashMap<>();
        score.results().forEach(r -> right.put(r.questionId(), r.correct()));
        submitted.fire(new QuizSubmitted(caller.personId(), attempt.getId(), attempt.getQuizCode(), attempt.getVersionId(),
                attempt.getNumber(), score.passed(), right, score.results()));
        if (score.passed()) {
            completed.fire(new ItemCompleted(caller.personId(), Assignment.Kind.QUIZ, attempt.getQuizCode(), attempt.getVersionId(),
                    Completion.How.PASSED, score.percent()));
        }
        return attempt.getId();
    }

    /** A submitted attempt in a person's history, with the quiz's title. */
    public record AttemptLine(String quizCode, String quizTitle, AttemptSummary attempt) {
    }

    /** A person's submitted attempts, newest first, for themselves, their managers and admins. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AttemptLine> submittedAttempts(@NotNull Caller caller, long personId) {
        if (!people.maySee(caller, personId)) {
            throw BusinessException.notFound("person");
        }
        org.everyoneserves.content.Titles titles = catalog.titles();
        return em.createQuery("select a from QuizAttempt a where a.personId = :person and a.submittedAt is not null"
                        + " order by a.submittedAt desc, a.id desc", QuizAttempt.class)
                .setParameter("person", personId).setMaxResults(200).getResultList().stream()
                .map(a -> new AttemptLine(a.getQuizCode(), titles.quiz(a.getQuizCode()), AttemptSummary.of(a)))
                .toList();
    }

    // ---- helpers

    private QuizAttempt own(Caller caller, long attemptId) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId);
        if (attempt == null || attempt.getPersonId() != caller.personId()) {
            throw BusinessException.notFound("attempt");
        }
        return attempt;
    }

    /** The caller's attempt, read with a write lock held to the end of the transaction (the latest committed row). */
    private QuizAttempt ownLocked(Caller caller, long attemptId) {
        QuizAttempt attempt = em.find(QuizAttempt.class, attemptId, LockModeType.PESSIMISTIC_WRITE);
        if (attempt == null || attempt.getPersonId() != caller.personId()) {
            throw BusinessException.notFound("attempt");
        }
        return attempt;
    }

    private Map<String, Question> questions(QuizAttempt attempt) {
        Definitions.Quiz quiz = catalog.quizVersion(attempt.getVersionId()).definition();
        Map<String, Question> byId = new LinkedHashMap<>();
        quiz.questions().forEach(q -> byId.put(q.id(), q));
        return byId;
    }

    private List<QuizAttempt> attempts(long personId, String quizCode) {
        return em.createQuery("select a from QuizAttempt a where a.personId = :person and a.quizCode = :quiz order by a.number",
                        QuizAttempt.class)
                .setParameter("person", personId).setParameter("quiz", quizCode).getResultList();
    }

    private String moduleTitle(Definitions.Quiz quiz) {
        return catalog.module(quiz.module()).map(Published::title).orElse(null);
    }
}
