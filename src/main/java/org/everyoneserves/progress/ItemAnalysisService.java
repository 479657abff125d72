package org.everyoneserves.progress;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Question;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.quizzes.QuestionResult;
import org.everyoneserves.quizzes.QuizSubmitted;

/**
 * Item analysis for admins: for every question of every quiz version that has submitted attempts, how many answered
 * it, its facility and discrimination (see {@link ItemStatistics}), how often each wrong choice was picked, and flags.
 *
 * <p>Kept current by {@link QuizSubmitted}, in the submitting transaction, as running sums per version and question
 * ({@code item_stats}) and picks per choice ({@code item_choice_stats}): two statements per submission whatever the
 * number of attempts so far, where recomputing from the attempts would read and re-score every attempt of the version
 * on each submission. A report reads one row per question and choice.
 */
@ApplicationScoped
@Transactional
public class ItemAnalysisService {

    @PersistenceContext
    EntityManager em;

    @Inject
    Catalog catalog;

    /** A wrong choice and how often it was picked. */
    public record Distractor(int choice, String text, long picked) {
    }

    /** One question of a quiz version with its figures. */
    public record ItemRow(String questionId, String prompt, Question.Kind kind, ItemStatistics statistics, List<Distractor> distractors,
                          Set<ItemStatistics.Flag> flags) {

        /** The facility as a whole percentage, null before any attempt. */
        public Long facilityPercent() {
            Double facility = statistics.facility();
            return facility == null ? null : Math.round(facility * 100);
        }
    }

    /** The questions of one quiz version in the order the quiz lists them. */
    public record QuizVersionItems(String quizCode, String title, int version, List<ItemRow> items) {

        public long flagged() {
            return items.stream().filter(i -> !i.flags().isEmpty()).count();
        }
    }

    /** Adds one submitted attempt to its version's sums. */
    void onSubmitted(@Observes QuizSubmitted event) {
        List<QuestionResult> results = event.results();
        if (results.isEmpty()) {
            return;
        }
        int total = (int) results.stream().filter(QuestionResult::correct).count();
        List<ItemStatistics> increments = new ArrayList<>();
        List<Object[]> picks = new ArrayList<>();
        for (QuestionResult r : results) {
            increments.add(ItemStatistics.NONE.plus(r.answered(), r.correct(), total - (r.correct() ? 1 : 0)));
            r.feedback().forEach(f -> picks.add(new Object[] {r.questionId(), f.choice()}));
        }
        StringBuilder sql = new StringBuilder("insert into item_stats (version_id, question_id, quiz_code, attempts, answered, right_count,"
                + " rest_sum, rest_squares, right_rest_sum) values ");
        for (int i = 0; i < results.size(); i++) {
            sql.append(i == 0 ? "" : ", ").append("(?, ?, ?, ?, ?, ?, ?, ?, ?)");
        }
        sql.append(" on duplicate key update attempts = attempts + values(attempts), answered = answered + values(answered),"
                + " right_count = right_count + values(right_count), rest_sum = rest_sum + values(rest_sum),"
                + " rest_squares = rest_squares + values(rest_squares), right_rest_sum = right_rest_sum + values(right_rest_sum)");
        Query stats = em.createNativeQuery(sql.toString());
        int p = 1;
        for (int i = 0; i < results.size(); i++) {
            ItemStatistics s = increments.get(i);
            for (Object value : new Object[] {event.versionId(), results.get(i).questionId(), event.quizCode(), s.attempts(), s.answered(),
                    s.right(), s.restSum(), s.restSquares(), s.rightRestSum()}) {
                stats.setParameter(p++, value);
            }
        }
        stats.executeUpdate();
        if (picks.isEmpty()) {
            return;
        }
        StringBuilder choices = new StringBuilder("insert into item_choice_stats (version_id, question_id, choice_index, picked) values ");
        for (int i = 0; i < picks.size(); i++) {
            choices.append(i == 0 ? "" : ", ").append("(?, ?, ?, 1)");
        }
        choices.append(" on duplicate key update picked = picked + 1");
        Query chosen = em.createNativeQuery(choices.toString());
        p = 1;
        for (Object[] pick : picks) {
            chosen.setParameter(p++, event.versionId()).setParameter(p++, pick[0]).setParameter(p++, pick[1]);
        }
        chosen.executeUpdate();
    }

    /**
     * Every quiz version with submitted attempts, by quiz title and newest version first; each with all its questions,
     * also those no attempt drew yet. Admins only.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<QuizVersionItems> analysis(@NotNull Caller caller) {
        if (!caller.admin()) {
            throw BusinessException.forbidden();
        }
        Map<Long, Map<String, ItemStatistics>> stats = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select version_id, quiz_code, question_id, attempts, answered, right_count, rest_sum,"
                + " rest_squares, right_rest_sum from item_stats").getResultList();
        for (Object[] r : rows) {
            long version = n(r[0]);
            stats.computeIfAbsent(version, v -> new HashMap<>()).put((String) r[2],
                    new ItemStatistics(n(r[3]), n(r[4]), n(r[5]), n(r[6]), n(r[7]), n(r[8])));
        }
        Map<String, Long> picked = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> choiceRows = em.createNativeQuery("select version_id, question_id, choice_index, picked from item_choice_stats")
                .getResultList();
        choiceRows.forEach(r -> picked.put(n(r[0]) + ":" + r[1] + ":" + n(r[2]), n(r[3])));

        List<QuizVersionItems> result = new ArrayList<>();
        for (Map.Entry<Long, Map<String, ItemStatistics>> entry : stats.entrySet()) {
            Published<Definitions.Quiz> version = catalog.quizVersion(entry.getKey());
            Definitions.Quiz quiz = version.definition();
            List<ItemRow> items = new ArrayList<>();
            for (Question q : quiz.questions()) {
                ItemStatistics s = entry.getValue().getOrDefault(q.id(), ItemStatistics.NONE);
                List<Distractor> distractors = new ArrayList<>();
                for (int i = 0; i < q.choices().size(); i++) {
                    if (!q.choices().get(i).correct()) {
                        distractors.add(new Distractor(i, q.choices().get(i).text(), picked.getOrDefault(entry.getKey() + ":" + q.id() + ":" + i, 0L)));
                    }
                }
                items.add(new ItemRow(q.id(), q.prompt(), q.kind(), s, distractors, s.flags(distractors.stream().map(Distractor::picked).toList())));
            }
            result.add(new QuizVersionItems(quiz.id(), version.title(), version.number(), items));
        }
        result.sort(Comparator.comparing(QuizVersionItems::title).thenComparing(QuizVersionItems::quizCode)
                .thenComparing(Comparator.comparingInt(QuizVersionItems::version).reversed()));
        return result;
    }

    private static long n(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }
}
