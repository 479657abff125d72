package org.everyoneserves.progress;

import static org.everyoneserves.testing.Errors.code;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.everyoneserves.content.Catalog;
import org.everyoneserves.content.Definitions;
import org.everyoneserves.content.Published;
import org.everyoneserves.content.Question;
import org.everyoneserves.people.PersonService;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.ItemStatistics.Flag;
import org.everyoneserves.quizzes.Answer;
import org.everyoneserves.quizzes.AnswerSheets;
import org.everyoneserves.quizzes.QuizService;
import org.everyoneserves.security.AccountService;
import org.everyoneserves.security.PasswordHasher;
import org.everyoneserves.testing.Deployments;
import org.everyoneserves.testing.People;
import org.everyoneserves.testing.Web;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Six people take the GIFT quiz that no curriculum and no other test uses, so its figures are this test's alone, with
 * the right and wrong answers of {@link ItemStatisticsTest} on its first three questions and every other question
 * right (a constant added to every rest score changes no correlation). The item analysis, its page and its CSV then
 * show the figures worked out by hand there.
 */
@ExtendWith(ArquillianExtension.class)
class ItemAnalysisIT {

    static final String QUIZ = "service-basics-gift-quiz";
    static final Caller ADMIN = People.admin(0);

    @Deployment
    static WebArchive deployment() {
        return Deployments.application(ItemAnalysisIT.class, People.class, Web.class, ItemStatisticsTest.class);
    }

    @Inject
    ItemAnalysisService analysis;

    @Inject
    QuizService quizzes;

    @Inject
    Catalog catalog;

    @Inject
    PersonService service;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher hasher;

    @Test
    void submittedAttemptsGiveTheFiguresWorkedOutByHand() {
        Published<Definitions.Quiz> version = catalog.getQuiz(QUIZ);
        Definitions.Quiz quiz = version.definition();
        List<Question> abc = quiz.questions().subList(0, 3);
        Map<String, ItemAnalysisService.ItemRow> before = rows(version.number());

        People people = new People(service);
        Map<String, Map<Integer, Long>> wrongPicks = new HashMap<>();
        int taker = 0;
        for (int[] pattern : ItemStatisticsTest.ATTEMPTS) {
            Caller me = People.learner(people.create("taker" + taker++, null));
            long attempt = quizzes.start(me, QUIZ);
            QuizService.AttemptView shown = quizzes.attempt(me, attempt);
            assertEquals(quiz.questions().size(), shown.questions().size(), "the quiz has no pool: every attempt shows every question");
            List<Answer> right = AnswerSheets.of(quiz, shown, true);
            List<Answer> wrong = AnswerSheets.of(quiz, shown, false);
            List<Answer> answers = new ArrayList<>();
            for (int i = 0; i < right.size(); i++) {
                int column = abc.stream().map(Question::id).toList().indexOf(right.get(i).questionId());
                boolean isRight = column < 0 || pattern[column] == 1;
                Answer answer = isRight ? right.get(i) : wrong.get(i);
                answers.add(answer);
                if (!isRight) {
                    answer.choices().forEach(c -> wrongPicks.computeIfAbsent(answer.questionId(), q -> new HashMap<>()).merge(c, 1L, Long::sum));
                }
            }
            quizzes.submit(me, attempt, answers);
        }

        Map<String, ItemAnalysisService.ItemRow> after = rows(version.number());
        double[][] expected = {{4 / 6.0, 0.4330}, {3 / 6.0, 0.7276}, {3 / 6.0, 0.1857}};
        for (int column = 0; column < 3; column++) {
            Question q = abc.get(column);
            ItemAnalysisService.ItemRow row = after.get(q.id());
            ItemStatistics was = before.containsKey(q.id()) ? before.get(q.id()).statistics() : ItemStatistics.NONE;
            assertEquals(was.attempts() + 6, row.statistics().attempts(), q.id());
            assertEquals(expected[column][0], row.statistics().facility(), 0.0001, "facility of " + q.id());
            assertEquals(expected[column][1], row.statistics().discrimination(), 0.0001, "discrimination of " + q.id());
            for (ItemAnalysisService.Distractor d : row.distractors()) {
                long mine = wrongPicks.getOrDefault(q.id(), Map.of()).getOrDefault(d.choice(), 0L);
                long earlier = before.containsKey(q.id()) ? before.get(q.id()).distractors().stream()
                        .filter(e -> e.choice() == d.choice()).findFirst().orElseThrow().picked() : 0;
                assertEquals(earlier + mine, d.picked(), "picks of " + q.id() + " choice " + d.choice());
            }
            assertTrue(!row.flags().contains(Flag.TOO_EASY) && !row.flags().contains(Flag.TOO_HARD)
                    && !row.flags().contains(Flag.NEGATIVE_DISCRIMINATION), row.flags().toString());
        }
        ItemAnalysisService.ItemRow alwaysRight = after.get(quiz.questions().get(3).id());
        assertEquals(1.0, alwaysRight.statistics().facility());
        assertEquals(null, alwaysRight.statistics().discrimination(), "nobody got it wrong: no discrimination to tell");
        assertTrue(alwaysRight.flags().contains(Flag.TOO_EASY));
        assertEquals("error.forbidden", code(() -> analysis.analysis(People.manager(1))));

        Question a = abc.get(0);
        String learnerEmail = people.email("csvlearner");
        long learner = people.create("csvlearner", null);
        accounts.storePasswordHash(learner, hasher.hash("a long enough passphrase"));
        assertPageAndCsv(version.number(), a, after.get(a.id()), learnerEmail);
    }

    void assertPageAndCsv(int versionNumber, Question a, ItemAnalysisService.ItemRow row, String learnerEmail) {
        Web admin = new Web();
        admin.signIn(Web.demo("alex.morgan"), Web.DEMO_PASSWORD);
        HttpResponse<String> page = admin.open("/admin/items.xhtml");
        assertEquals(200, page.statusCode());
        Matcher tr = Pattern.compile("<tr id=\"item-" + QUIZ + "-" + versionNumber + "-" + a.id() + "\">(.*?)</tr>", Pattern.DOTALL)
                .matcher(page.body());
        assertTrue(tr.find(), "the page has a row for " + a.id());
        String cells = tr.group(1);
        assertTrue(cells.contains("67 %"), cells);
        assertTrue(cells.contains("0.43"), cells);
        String prompt = a.prompt().substring(0, 15).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
        assertTrue(cells.contains(prompt), "the question's text: " + cells);
        assertEquals(row.flags().contains(Flag.UNUSED_DISTRACTOR), cells.contains("Distractor nobody picks"), cells);

        HttpResponse<String> csv = admin.get("/admin/items.csv");
        assertEquals(200, csv.statusCode());
        assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = csv.body().strip().lines().toList();
        assertEquals("\uFEFFquiz,quiz_title,version,question,prompt,kind,attempts,answered,right,facility,discrimination,wrong_choices,flags",
                lines.get(0));
        String line = lines.stream().filter(l -> l.startsWith(QUIZ + ",") && l.contains("," + versionNumber + "," + a.id() + ","))
                .findFirst().orElseThrow(() -> new AssertionError("no CSV line for " + a.id()));
        assertTrue(line.contains("," + row.statistics().attempts() + "," + row.statistics().answered() + "," + row.statistics().right()
                + ",0.667,0.433,"), line);
        assertTrue(line.endsWith("," + String.join(" ", row.flags().stream().map(f -> f.name().toLowerCase(java.util.Locale.ROOT)).toList())),
                line);

        Web learner = new Web();
        learner.signIn(learnerEmail, "a long enough passphrase");
        HttpResponse<String> refused = learner.get("/admin/items.csv");
        assertTrue(refused.statusCode() == 403 || refused.statusCode() == 404, "a learner gets no item analysis: " + refused.statusCode());
        assertTrue(!refused.body().contains(a.prompt()));
    }

    Map<String, ItemAnalysisService.ItemRow> rows(int versionNumber) {
        Map<String, ItemAnalysisService.ItemRow> rows = new HashMap<>();
        analysis.analysis(ADMIN).stream().filter(q -> q.quizCode().equals(QUIZ) && q.version() == versionNumber)
                .forEach(q -> q.items().forEach(i -> rows.put(i.questionId(), i)));
        return rows;
    }
}
