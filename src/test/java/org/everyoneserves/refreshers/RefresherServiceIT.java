package org.everyoneserves.refreshers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.everyoneserves.content.Question;
import org.everyoneserves.modules.ModuleService;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.BusinessException;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.QuizService;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Daily refreshers on MariaDB: items met in modules and quizzes, the day's set, answers, streak, pause. */
@ExtendWith(ArquillianExtension.class)
class RefresherServiceIT {

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(RefresherServiceIT.class, People.class);
    }

    @Inject
    PersonService personService;

    @Inject
    Clock clock;

    @Inject
    ModuleService modules;

    @Inject
    QuizService quizzes;

    @Inject
    RefresherService refreshers;

    People people;
    Caller me;
    LocalDate today;

    @BeforeEach
    void someoneReadsTheFirstModule() {
        today = LocalDate.now(clock);
        people = new People(personService);
        me = People.learner(people.create("reader", null));
        modules.markRead(me, "everyone-serves");
    }

    /** The first option, or true: an answer that fits the item, right or not. */
    static Answer firstOption(RefresherService.Item item) {
        return switch (item.kind()) {
            case TRUE_FALSE -> new Answer("", List.of(), true);
            case ORDERING -> new Answer("", item.options().stream().map(RefresherService.Option::index).toList(), null);
            default -> new Answer("", List.of(item.options().get(0).index()), null);
        };
    }

    @Test
    void readingAModuleBringsItsItemsAndTheDayHasOneSet() {
        RefresherService.Today day = refreshers.today(me);
        assertEquals(today, day.day());
        assertEquals(3, day.items().size(), "nothing is due yet, so the set is topped up to the minimum of 3");
        assertTrue(day.items().stream().allMatch(i -> i.prompt() != null && !i.isAnswered()));
        assertEquals(day.items().stream().map(RefresherService.Item::cardId).toList(),
                refreshers.today(me).items().stream().map(RefresherService.Item::cardId).toList(), "the same set all day");
        assertEquals(6, day.summary().learning(), "the module's six refresher items were met");
        assertEquals(0, day.streak().current());
    }

    @Test
    void anAnswerIsScoredOnceAndReschedulesTheItem() {
        RefresherService.Item item = refreshers.today(me).items().get(0);
        RefresherService.Outcome outcome = refreshers.answer(me, today, item.cardId(), firstOption(item));
        boolean right = item.kind() == Question.Kind.TRUE_FALSE ? outcome.rightValue()
                : outcome.rightChoices().contains(item.options().get(0).index());
        assertEquals(right, outcome.correct());
        assertEquals(right ? today.plusDays(8) : today.plusDays(1), outcome.nextDueOn(),
                "met when reading (3 days), then 3 x 2.5 = 8 days when right; tomorrow when wrong");

        assertEquals("refreshers.error.alreadyAnswered", assertThrows(BusinessException.class,
                () -> refreshers.answer(me, today, item.cardId(), firstOption(item))).code());
        Caller stranger = People.learner(people.create("stranger", null));
        assertEquals("error.notFound", assertThrows(BusinessException.class,
                () -> refreshers.answer(stranger, today, item.cardId(), firstOption(item))).code(), "another person's item does not exist for them");
        assertEquals("refreshers.error.dayClosed", assertThrows(BusinessException.class,
                () -> refreshers.answer(me, today.plusDays(1), item.cardId(), firstOption(item))).code());
        RefresherService.Item second = refreshers.today(me).items().get(1);
        assertEquals("refreshers.error.noAnswer", assertThrows(BusinessException.class,
                () -> refreshers.answer(me, today, second.cardId(), new Answer("", List.of(), null))).code());
        assertEquals(outcome, refreshers.today(me).items().get(0).outcome(), "the set shows the outcome");
    }

    @Test
    void finishingTheSetStartsAStreak() {
        for (RefresherService.Item item : refreshers.today(me).items()) {
            refreshers.answer(me, today, item.cardId(), firstOption(item));
        }
        RefresherService.Today done = refreshers.today(me);
        assertTrue(done.complete());
        assertEquals(3, done.answered());
        assertEquals(new Streak(1, 1), done.streak());
        assertEquals(3, done.summary().answeredThisWeek());
    }

    @Test
    void quizQuestionsJoinTheRefreshersWrongOnesFirst() {
        Caller quizTaker = People.learner(people.create("quiztaker", null));
        long attempt = quizzes.start(quizTaker, "everyone-serves-quiz");
        quizzes.submit(quizTaker, attempt, List.of());
        RefresherService.Today day = refreshers.today(quizTaker);
        assertEquals(3, day.items().size());
        assertTrue(day.items().stream().allMatch(i -> i.title() != null), "quiz questions are titled with their quiz");
        RefresherService.Outcome outcome = refreshers.answer(quizTaker, today, day.items().get(0).cardId(), firstOption(day.items().get(0)));
        assertTrue(outcome.nextDueOn().isAfter(today));
    }

    @Test
    void aHolidayPauseDrawsNothingAndKeepsTheSettingsSafeFromStaleWrites() {
        RefresherService.Settings settings = refreshers.settings(me);
        assertEquals(5, settings.dailySize());
        RefresherService.Settings paused = refreshers.change(me, 4, today.plusDays(7), settings.version());
        assertEquals(today.plusDays(7), paused.pausedUntil());
        RefresherService.Today day = refreshers.today(me);
        assertTrue(day.paused());
        assertTrue(day.items().isEmpty());
        assertEquals("error.preconditionFailed", assertThrows(BusinessException.class,
                () -> refreshers.change(me, 3, null, settings.version())).code(), "a change from a stale read is refused");
        assertEquals("refreshers.error.pauseInPast", assertThrows(BusinessException.class,
                () -> refreshers.change(me, 4, today.minusDays(1), paused.version())).code());
        assertEquals("refreshers.error.dailySize", assertThrows(BusinessException.class,
                () -> refreshers.change(me, 9, null, paused.version())).code());
        RefresherService.Settings resumed = refreshers.change(me, 4, null, paused.version());
        assertEquals(null, resumed.pausedUntil());
        assertFalse(refreshers.today(me).paused());
        assertEquals(3, refreshers.today(me).items().size());
    }
}
