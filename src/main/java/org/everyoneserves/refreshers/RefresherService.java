package org.everyoneserves.refreshers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.validation.constraints.NotNull;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.everyoneserves.assignments.Assignment;
import org.everyoneserves.assignments.ItemCompleted;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Question;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.platform.api.ChangeStamps;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.QuestionResult;
import org.everyoneserves.quizzes.QuizSubmitted;
import org.everyoneserves.quizzes.Scoring;

/**
 * Daily refreshers. Every quiz question a person answers and every refresher item of a module they read becomes a
 * {@link ReviewCard}, scheduled by {@link Spacing}. Each day a person gets one set of 3 to 5 items (their setting),
 * drawn once and kept for the day, so the app and the web page show the same set, also offline. Answers may arrive
 * late from an offline phone: they count for the day of the set, once. A holiday pause draws no sets and does not
 * break the streak.
 */
@ApplicationScoped
@Transactional
public class RefresherService {

    /** How long an offline answer to a day's set is still taken. */
    static final int LATE_DAYS = 7;
    private static final int CANDIDATES = 200;

    @PersistenceContext
    EntityManager em;

    @Inject
    Catalog catalog;

    @Inject
    Clock clock;

    /** This service through its proxy, for a read that finds it must write to go on in a transaction. */
    @Inject
    RefresherService self;

    @Inject
    ChangeStamps stamps;

    public record Option(int index, String text) {
    }

    /** How an answer went, with the right answer and when the item comes back. */
    public record Outcome(boolean correct, String explanation, List<Integer> rightChoices, Boolean rightValue, List<String> rightOrder,
                          LocalDate nextDueOn, boolean mastered) {
    }

    /** One item of a day's set, without anything that tells the answer until it is answered. */
    public record Item(long cardId, String title, Question.Kind kind, String situation, String prompt, List<Option> options,
                       Outcome outcome) {

        public boolean isAnswered() {
            return outcome != null;
        }

        /** The places 1..n an ordering item's options can take. */
        public List<Integer> places() {
            return IntStream.rangeClosed(1, options.size()).boxed().toList();
        }
    }

    public record Summary(int answeredThisWeek, int rightThisWeek, int answeredLastWeek, int rightLastWeek, long learning, long mastered,
                          long masteredThisWeek, List<String> improved) {
    }

    public record Today(LocalDate day, boolean paused, LocalDate pausedUntil, int dailySize, List<Item> items, int answered,
                        boolean complete, Streak streak, Summary summary) {
    }

    public record Settings(int dailySize, LocalDate pausedUntil, int version) {
    }

    // ---- meeting items

    void onQuizSubmitted(@Observes QuizSubmitted event) {
        LocalDate today = LocalDate.now(clock);
        String module = catalog.quizVersion(event.versionId()).definition().module();
        event.rightByQuestion().forEach((questionId, right) -> {
            String key = ReviewCard.QUIZ + event.quizCode() + ":" + questionId;
            Optional<ReviewCard> card = find(event.personId(), key);
            if (card.isPresent()) {
                card.get().metAgain(right, today);
            } else {
                em.persist(new ReviewCard(event.personId(), key, module, right, today));
            }
        });
    }

    void onModuleRead(@Observes ItemCompleted event) {
        if (event.kind() != Assignment.Kind.MODULE) {
            return;
        }
        LocalDate today = LocalDate.now(clock);
        for (Published<Definitions.Refresher> version : catalog.refreshers()) {
            Definitions.Refresher refresher = version.definition();
            String key = ReviewCard.REFRESHER + refresher.id();
            if (event.code().equals(refresher.module()) && find(event.personId(), key).isEmpty()) {
                em.persist(new ReviewCard(event.personId(), key, refresher.module(), true, today));
            }
        }
    }

    // ---- the day's set

    /**
     * What today's set depends on besides the person's rows (which their change stamp counts): the day, and the
     * catalog generation its questions come from.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public String todayBasis() {
        return LocalDate.now(clock) + "-" + catalog.generation();
    }

    /**
     * Today's set (drawn now if it was not yet), the streak and what improved. A read without a transaction unless
     * the set is still to be drawn: the settings with the week's figures in one read, the day's cards with their answers
     * in one, the streak in one. Someone with no settings yet has the defaults; someone with nothing to learn, no set.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Today today(@NotNull Caller caller) {
        long personId = caller.personId();
        LocalDate today = LocalDate.now(clock);
        Questions questions = new Questions();
        Object[] week = week(personId, today);
        boolean paused = RefresherSetting.isPausedOn(toDate(week[SETTING_SIZE + 1]), toDate(week[SETTING_SIZE + 2]), today);
        int dailySize = week[SETTING_SIZE] == null ? Spacing.MAX_DAILY : intOf(week[SETTING_SIZE]);
        boolean nothingToLearn = intOf(week[LEARNING]) == 0;
        List<DayCard> cards = paused || nothingToLearn ? List.of() : dayCards(personId, today, "");
        if (!paused && !nothingToLearn && cards.isEmpty()) {
            return self.drawToday(caller);
        }
        return today(personId, today, paused, toDate(week[SETTING_SIZE + 2]), dailySize, cards, summary(week, questions), questions);
    }

    /**
     * Today's set as {@link #today} answers it, drawing the set now: for that method only. The person's change stamps
     * are locked first and read again after the draw, so that the answer's tag counts the draw.
     */
    public Today drawToday(@NotNull Caller caller) {
        long personId = caller.personId();
        stamps.writing(personId);
        LocalDate today = LocalDate.now(clock);
        RefresherSetting setting = setting(personId);
        boolean paused = setting.isPausedOn(today);
        Questions questions = new Questions();
        List<DayCard> cards = paused ? List.of() : dayCards(personId, today, "");
        if (!paused && cards.isEmpty() && !draw(personId, today, setting, questions).isEmpty()) {
            cards = dayCards(personId, today, " lock in share mode");   // the set kept may be another request's, just committed
        }
        Today answer = today(personId, today, paused, setting.getPausedUntil(), setting.getDailySize(), cards,
                summary(week(personId, today), questions), questions);
        stamps.written(personId);
        return answer;
    }

    private Today today(long personId, LocalDate today, boolean paused, LocalDate pausedUntil, int dailySize, List<DayCard> cards,
                        Summary summary, Questions questions) {
        List<Item> items = new ArrayList<>();
        for (DayCard card : cards) {
            questions.of(card.itemKey()).ifPresent(q -> items.add(item(card.id(), q, questions.title(card.itemKey()), today,
                    card.correct() == null ? null : outcome(q, card.correct(), card.retired(), card.dueOn()))));
        }
        int answered = (int) items.stream().filter(Item::isAnswered).count();
        return new Today(today, paused, paused ? pausedUntil : null, dailySize, items, answered,
                !items.isEmpty() && answered == items.size(), streak(personId, today), summary);
    }

    /** A card of a day's set as the day shows it, with its answer that day if it has one. */
    private record DayCard(long id, String itemKey, boolean retired, LocalDate dueOn, Boolean correct) {
    }

    /**
     * The cards of the person's set for the day, in the order drawn; none if no set was drawn.
     *
     * @param lock "" for the transaction's snapshot, " lock in share mode" for the latest committed set
     */
    private List<DayCard> dayCards(long personId, LocalDate day, String lock) {
        List<DayCard> cards = new ArrayList<>();
        for (Object row : em.createNativeQuery("select c.id, c.item_key, c.retired, c.due_on, a.correct from refresher_day d"
                        + " join review_card c on c.person_id = d.person_id and find_in_set(c.id, d.card_ids) > 0"
                        + " left join refresher_answer a on a.card_id = c.id and a.day = d.day"
                        + " where d.person_id = ?1 and d.day = ?2 order by find_in_set(c.id, d.card_ids)" + lock)
                .setParameter(1, personId).setParameter(2, Date.valueOf(day)).getResultList()) {
            Object[] r = (Object[]) row;
            cards.add(new DayCard(((Number) r[0]).longValue(), (String) r[1], flag(r[2]), toDate(r[3]), r[4] == null ? null : flag(r[4])));
        }
        return cards;
    }

    private static boolean flag(Object value) {
        return value instanceof Boolean b ? b : ((Number) value).intValue() != 0;
    }

    /**
     * Answers one item of a day's set, once. The day is the set's day: an answer given offline yesterday and sent
     * today counts for yesterday (up to {@value #LATE_DAYS} days late). The item is rescheduled from that day.
     */
    public Outcome answer(@NotNull Caller caller, @NotNull LocalDate day, long cardId, @NotNull Answer answer) {
        LocalDate today = LocalDate.now(clock);
        if (day.isAfter(today) || day.isBefore(today.minusDays(LATE_DAYS))) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "refreshers.error.dayClosed", LATE_DAYS);
        }
        ReviewCard card = em.find(ReviewCard.class, cardId, LockModeType.PESSIMISTIC_WRITE);
        if (card == null || card.getPersonId() != caller.personId() || !drawn(caller.personId(), day).orElse(List.of()).contains(cardId)) {
            throw BusinessException.notFound("refresher");
        }
        if (((Number) em.createNativeQuery("select count(*) from refresher_answer where card_id = ?1 and day = ?2")
                .setParameter(1, cardId).setParameter(2, Date.valueOf(day)).getSingleResult()).intValue() > 0) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "refreshers.error.alreadyAnswered");
        }
        Question question = new Questions().of(card).orElseThrow(() -> BusinessException.notFound("refresher"));
        if (answer.isSkipped()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "refreshers.error.noAnswer");
        }
        QuestionResult result = Scoring.score(question, new Answer(question.id(), answer.choices(), answer.value()));
        if (card.isRetired() || (card.getLastReviewedOn() != null && card.getLastReviewedOn().isAfter(day))) {
            throw new BusinessException(BusinessException.Kind.CONFLICT, "refreshers.error.dayClosed", LATE_DAYS);
        }
        record(caller.personId(), card, result.correct(), day, clock.instant());
        return outcome(question, result.correct(), card);
    }

    /** Reschedules the card and counts the answer for the day's set. */
    private void record(long personId, ReviewCard card, boolean right, LocalDate day, Instant at) {
        card.review(right, day);
        em.flush();
        em.createNativeQuery("insert into refresher_answer (person_id, card_id, day, correct, answered_at) values (?1, ?2, ?3, ?4, ?5)")
                .setParameter(1, personId).setParameter(2, card.getId()).setParameter(3, Date.valueOf(day))
                .setParameter(4, right).setParameter(5, Timestamp.from(at)).executeUpdate();
        em.createNativeQuery("update refresher_day set answered = answered + 1,"
                        + " completed_at = if(answered + 1 >= size and completed_at is null, ?1, completed_at) where person_id = ?2 and day = ?3")
                .setParameter(1, Timestamp.from(at)).setParameter(2, personId).setParameter(3, Date.valueOf(day))
                .executeUpdate();
    }

    /**
     * For the demo company only: does the set of a past day, right with the given odds, as if answered at noon.
     * Real answers go through {@link #answer}.
     */
    void practise(long personId, LocalDate day, java.util.function.BooleanSupplier right) {
        for (long id : draw(personId, day, setting(personId), new Questions())) {
            record(personId, em.find(ReviewCard.class, id), right.getAsBoolean(), day,
                    day.atTime(12, 0).atZone(clock.getZone()).toInstant());
        }
    }

    // ---- settings

    @Transactional(Transactional.TxType.SUPPORTS)
    public Settings settings(@NotNull Caller caller) {
        RefresherSetting setting = em.find(RefresherSetting.class, caller.personId());
        LocalDate today = LocalDate.now(clock);
        return setting == null ? new Settings(Spacing.MAX_DAILY, null, 0)
                : new Settings(setting.getDailySize(), setting.isPausedOn(today) ? setting.getPausedUntil() : null, setting.getVersion());
    }

    /**
     * Changes the daily size and the pause (until a day, inclusive; null resumes). Refused when the settings changed
     * since {@code expectedVersion} was read.
     */
    public Settings change(@NotNull Caller caller, int dailySize, LocalDate pausedUntil, int expectedVersion) {
        RefresherSetting setting = setting(caller.personId());
        em.lock(setting, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(setting);
        if (setting.getVersion() != expectedVersion) {
            throw BusinessException.preconditionFailed();
        }
        LocalDate today = LocalDate.now(clock);
        setting.dailySize(dailySize);
        boolean wasPaused = setting.isPausedOn(today);
        if (pausedUntil == null) {
            if (wasPaused) {
                endPause(caller.personId(), today);
            }
            setting.resume();
        } else {
            setting.pause(today, pausedUntil);
            if (wasPaused) {
                em.createNativeQuery("update refresher_pause set ends_on = ?1 where person_id = ?2 and ends_on >= ?3")
                        .setParameter(1, Date.valueOf(pausedUntil)).setParameter(2, caller.personId()).setParameter(3, Date.valueOf(today))
                        .executeUpdate();
            } else {
                em.createNativeQuery("insert into refresher_pause (person_id, starts_on, ends_on) values (?1, ?2, ?3)")
                        .setParameter(1, caller.personId()).setParameter(2, Date.valueOf(today)).setParameter(3, Date.valueOf(pausedUntil))
                        .executeUpdate();
            }
        }
        em.flush();
        return settings(caller);
    }

    private void endPause(long personId, LocalDate today) {
        em.createNativeQuery("delete from refresher_pause where person_id = ?1 and starts_on >= ?2")
                .setParameter(1, personId).setParameter(2, Date.valueOf(today)).executeUpdate();
        em.createNativeQuery("update refresher_pause set ends_on = ?1 where person_id = ?2 and ends_on >= ?3")
                .setParameter(1, Date.valueOf(today.minusDays(1))).setParameter(2, personId).setParameter(3, Date.valueOf(today))
                .executeUpdate();
    }

    // ---- helpers

    /**
     * The person's settings, made on first use. Twelve first visits at once all miss the row; each inserts it (the
     * key keeps one; the update of nothing takes the row's write lock, so they queue instead of deadlocking) and reads
     * it back with a locking read, which sees the row another transaction committed where repeatable read's snapshot
     * would not.
     */
    private RefresherSetting setting(long personId) {
        RefresherSetting setting = em.find(RefresherSetting.class, personId);
        if (setting == null) {
            em.createNativeQuery("insert into refresher_setting (person_id, daily_size, version) values (?1, ?2, 0)"
                            + " on duplicate key update person_id = person_id")
                    .setParameter(1, personId).setParameter(2, Spacing.MAX_DAILY).executeUpdate();
            setting = em.find(RefresherSetting.class, personId, LockModeType.PESSIMISTIC_WRITE);
        }
        return setting;
    }

    private Optional<ReviewCard> find(long personId, String key) {
        return em.createQuery("select c from ReviewCard c where c.personId = :person and c.itemKey = :key", ReviewCard.class)
                .setParameter("person", personId).setParameter("key", key).getResultStream().findFirst();
    }

    private Optional<List<Long>> drawn(long personId, LocalDate day) {
        return drawn(personId, day, "");
    }

    /** @param lock "" for the transaction's snapshot, " lock in share mode" for the latest committed set */
    private Optional<List<Long>> drawn(long personId, LocalDate day, String lock) {
        List<?> rows = em.createNativeQuery("select card_ids from refresher_day where person_id = ?1 and day = ?2" + lock)
                .setParameter(1, personId).setParameter(2, Date.valueOf(day)).getResultList();
        return rows.isEmpty() ? Optional.empty()
                : Optional.of(Arrays.stream(((String) rows.get(0)).split(",")).filter(s -> !s.isEmpty()).map(Long::valueOf).toList());
    }

    /**
     * Draws the day's set once; two requests at once keep the first's, read back with a locking read (the snapshot
     * would not show the other's). An empty set is not kept: items met later today count.
     */
    private List<Long> draw(long personId, LocalDate today, RefresherSetting setting, Questions questions) {
        List<ReviewCard> candidates = em.createQuery("select c from ReviewCard c where c.personId = :person and c.retired = false"
                        + " order by c.dueOn, c.lapses desc, c.id", ReviewCard.class)
                .setParameter("person", personId).setMaxResults(CANDIDATES).getResultList();
        List<ReviewCard> usable = candidates.stream().filter(c -> questions.of(c).isPresent()).toList();
        List<Long> ids = Spacing.dailySet(usable, ReviewCard::card, today, setting.getDailySize()).stream().map(ReviewCard::getId).toList();
        if (ids.isEmpty()) {
            return ids;
        }
        em.createNativeQuery("insert ignore into refresher_day (person_id, day, card_ids, size, answered) values (?1, ?2, ?3, ?4, 0)")
                .setParameter(1, personId).setParameter(2, Date.valueOf(today))
                .setParameter(3, ids.stream().map(String::valueOf).collect(Collectors.joining(","))).setParameter(4, ids.size())
                .executeUpdate();
        return drawn(personId, today, " lock in share mode").orElse(ids);
    }

    private static Outcome outcome(Question q, boolean correct, ReviewCard card) {
        return outcome(q, correct, card.isRetired(), card.getDueOn());
    }

    private static Outcome outcome(Question q, boolean correct, boolean retired, LocalDate dueOn) {
        List<Integer> right = q.kind() == Question.Kind.TRUE_FALSE || q.kind() == Question.Kind.ORDERING ? List.of()
                : IntStream.range(0, q.choices().size()).filter(i -> q.choices().get(i).correct()).boxed().toList();
        return new Outcome(correct, q.explanation(), right, q.kind() == Question.Kind.TRUE_FALSE ? q.answer() : null,
                q.kind() == Question.Kind.ORDERING ? q.items() : List.of(), retired ? null : dueOn, retired);
    }

    private Item item(long cardId, Question q, String title, LocalDate day, Outcome outcome) {
        List<Option> options = new ArrayList<>();
        if (q.kind() != Question.Kind.TRUE_FALSE) {
            List<String> texts = q.kind() == Question.Kind.ORDERING ? q.items() : q.choices().stream().map(Question.Choice::text).toList();
            List<Integer> order = new ArrayList<>(IntStream.range(0, texts.size()).boxed().toList());
            Collections.shuffle(order, new Random(cardId * 31 + day.toEpochDay()));
            order.forEach(i -> options.add(new Option(i, texts.get(i))));
        }
        return new Item(cardId, title, q.kind(), q.situation(), q.prompt(), options, outcome);
    }

    private Streak streak(long personId, LocalDate today) {
        Set<LocalDate> completed = new HashSet<>();
        List<LocalDate[]> pauses = new ArrayList<>();
        for (Object row : em.createNativeQuery("select day, null from refresher_day where person_id = ?1 and completed_at is not null"
                        + " and day >= ?2 union all select starts_on, ends_on from refresher_pause where person_id = ?1")
                .setParameter(1, personId).setParameter(2, Date.valueOf(today.minusDays(Streak.LOOKBACK_DAYS))).getResultList()) {
            Object[] r = (Object[]) row;
            if (r[1] == null) {
                completed.add(toDate(r[0]));
            } else {
                pauses.add(new LocalDate[] {toDate(r[0]), toDate(r[1])});
            }
        }
        return Streak.of(completed, d -> pauses.stream().anyMatch(p -> !d.isBefore(p[0]) && !d.isAfter(p[1])), today);
    }

    /** Where {@link #week} has the cards still learnt, and the settings: daily size, paused from, paused until (null when none yet). */
    private static final int LEARNING = 4;
    private static final int SETTING_SIZE = 8;

    /** The week's figures of {@link Summary}, the items that improved, and the person's settings: one read. */
    private Object[] week(long personId, LocalDate today) {
        return (Object[]) em.createNativeQuery("select w.this_week, w.right_this_week, w.last_week, w.right_last_week,"
                        + " c.learning, c.mastered, c.mastered_this_week, (select group_concat(i.item_key order by i.card_id separator '\\n')"
                        + " from (select distinct a.card_id, k.item_key from refresher_answer a join review_card k on k.id = a.card_id"
                        + " where a.person_id = ?1 and a.day > ?2 and a.correct and k.lapses > 0 order by a.card_id limit 3) i),"
                        + " s.daily_size, s.paused_from, s.paused_until"
                        + " from (select sum(day > ?2) this_week, sum(day > ?2 and correct) right_this_week, sum(day <= ?2) last_week,"
                        + " sum(day <= ?2 and correct) right_last_week from refresher_answer where person_id = ?1 and day > ?3) w"
                        + " join (select sum(not retired) learning, sum(retired) mastered, sum(retired and last_reviewed_on > ?2) mastered_this_week"
                        + " from review_card where person_id = ?1) c left join refresher_setting s on s.person_id = ?1")
                .setParameter(1, personId).setParameter(2, Date.valueOf(today.minusDays(7))).setParameter(3, Date.valueOf(today.minusDays(14)))
                .getSingleResult();
    }

    private static Summary summary(Object[] r, Questions questions) {
        List<String> improved = new ArrayList<>();
        if (r[7] != null) {
            for (String key : r[7].toString().split("\n")) {
                questions.of(key).ifPresent(q -> improved.add(q.prompt()));
            }
        }
        return new Summary(intOf(r[0]), intOf(r[1]), intOf(r[2]), intOf(r[3]), intOf(r[4]), intOf(r[5]), intOf(r[6]), improved);
    }

    private static int intOf(Object value) {
        return value == null ? 0 : ((Number) value).intValue();
    }

    private static LocalDate toDate(Object value) {
        return value instanceof Date date ? date.toLocalDate() : (LocalDate) value;
    }

    /** The current question behind each card, read once per request. A card whose item left the catalog has none. */
    private final class Questions {

        private final Map<String, Optional<Definitions.Quiz>> quizzes = new LinkedHashMap<>();
        private Map<String, Question> refreshers;

        Optional<Question> of(ReviewCard card) {
            return of(card.getItemKey());
        }

        Optional<Question> of(String key) {
            if (key.startsWith(ReviewCard.QUIZ)) {
                return quiz(key).flatMap(q -> q.question(key.substring(key.lastIndexOf(':') + 1)));
            }
            if (refreshers == null) {
                refreshers = new HashMap<>();
                for (Published<Definitions.Refresher> version : catalog.refreshers()) {
                    Definitions.Refresher refresher = version.definition();
                    refreshers.put(refresher.id(), refresher.question());
                }
            }
            return Optional.ofNullable(refreshers.get(key.substring(ReviewCard.REFRESHER.length())));
        }

        /** A quiz question's quiz title; refresher items stand alone. */
        String title(String key) {
            return key.startsWith(ReviewCard.QUIZ) ? quiz(key).map(Definitions.Quiz::title).orElse(null) : null;
        }

        private Optional<Definitions.Quiz> quiz(String key) {
            return quizzes.computeIfAbsent(key.substring(ReviewCard.QUIZ.length(), key.lastIndexOf(':')),
                    code -> catalog.quiz(code).map(Published::definition));
        }
    }
}
