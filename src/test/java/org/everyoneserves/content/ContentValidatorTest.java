package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.ContentTree;
import org.everyoneserves.content.files.QuizFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentValidatorTest {

    private static final String QUIZ = "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:";

    @TempDir
    Path dir;

    @Test
    void goodTreeHasNoProblems() {
        assertEquals(List.of(), Fixtures.problems(Fixtures.good()));
    }

    @Test
    void quizRules() {
        assertEquals(List.of(
                QUIZ + "4:1: unknown key 'pass_mrk' — did you mean 'pass_mark'?",
                QUIZ + "5:7: pool 6 is larger than the 5 questions of the quiz — set 'pool' to at most 5, or add questions",
                QUIZ + "6:11: 'attempts' must be at least 0, not -1 — use a whole number at least 0",
                QUIZ + "11:34: key point 'clear-invoice' is not defined by module 'invoices-and-collections-calls'"
                        + " — did you mean 'clear-invoices'?",
                QUIZ + "13:7: question 'due-date' has 2 correct choices; a single question has exactly one"
                        + " — mark exactly one choice correct, or make it 'kind: multiple'",
                QUIZ + "18:9: duplicate question id 'due-date' in quiz 'invoices-quiz' — give each question of the quiz its own id",
                QUIZ + "23:9: scenario choice has no feedback — add 'feedback:' saying why this choice helps the customer or not",
                QUIZ + "28:5: question 'Late_Fees' has no explanation — add 'explanation:': the learner sees it after submitting",
                QUIZ + "28:5: question 'Late_Fees' has no key_points"
                        + " — add 'key_points: [...]' naming what it checks from the module's key_points",
                QUIZ + "28:9: malformed question id 'Late_Fees' — use lower-case words joined by hyphens, e.g. 'late-fees'",
                QUIZ + "29:11: unknown question kind 'multiple-choice' — use one of single, multiple, true_false, ordering, scenario",
                QUIZ + "34:5: question 'paid-on-time' has no answer — add 'answer: true' or 'answer: false'",
                QUIZ + "39:7: 'choices' does not apply to true_false questions — remove 'choices' or change 'kind'",
                QUIZ + "46:7: question 'nothing-right' has no correct answer — mark the right choice with 'correct: true'"),
                Fixtures.problems(Fixtures.goodWith("quiz-rules", dir)));
    }

    @Test
    void markdownInAQuestionsTextIsShownAsWrittenSoItIsWarnedOf() throws Exception {
        Path content = dir.resolve("content");
        Fixtures.copy(Fixtures.good(), content);
        Path refreshers = content.resolve("tracks/foundation/refreshers.yaml");
        java.nio.file.Files.writeString(refreshers, java.nio.file.Files.readString(refreshers)
                .replace("prompt: An invoice is part of the customer's experience.", "prompt: In *Rework*, an invoice is part of the customer's experience.")
                .replace("explanation: Everyone has two jobs.", "explanation: Everyone has **two** jobs, as `support` says; 5 * 3 and snake_case are fine.")
                .replace("text: Support's", "text: _Support's_"));
        String at = "content/tracks/foundation/refreshers.yaml:";
        String fix = " — write it plainly, or in quotation marks for a title";
        assertEquals(List.of(
                        at + "6:13: question 'foundation-invoice-touchpoint' shows '*Rework*' as written: question texts are not Markdown" + fix,
                        at + "16:9: question 'foundation-two-jobs' shows '_Support's_' as written: question texts are not Markdown" + fix,
                        at + "19:18: question 'foundation-two-jobs' shows '**two**' as written: question texts are not Markdown" + fix),
                Fixtures.problems(content));
    }

    @Test
    void aMissingRequiredFieldIsReportedWhenNoKeyLooksLikeIt(@org.junit.jupiter.api.io.TempDir Path other) throws Exception {
        Path content = Fixtures.goodWith("pool-zero", other);
        java.nio.file.Files.writeString(content.resolve("tracks/finance/track.yaml"), "id: finance\ntitle: Finance\n");
        assertEquals(List.of("content/tracks/finance/track.yaml:1:1: missing required field 'summary' in track.yaml"
                        + " — add 'summary:' with a value"),
                Fixtures.problems(content).stream().filter(p -> p.contains("track.yaml")).toList());
    }

    @Test
    void poolZeroAndValuesOutOfRange() {
        assertEquals(List.of(
                QUIZ + "2:9: quiz names unknown module 'invoices-and-collections-call' — did you mean 'invoices-and-collections-calls'?",
                QUIZ + "4:12: 'pass_mark' must be between 1 and 100, not 101 — use a whole number between 1 and 100",
                QUIZ + "5:7: pool 0 draws no questions, so the pass mark cannot be reached"
                        + " — set 'pool' to at least 1, or remove it to use all questions",
                QUIZ + "6:20: 'shuffle_questions' must be true or false, not 'yes'"
                        + " — write 'shuffle_questions: true' or 'shuffle_questions: false'",
                QUIZ + "8:5: question 'clear' has no key_points"
                        + " — add 'key_points: [...]' naming what it checks from the module's key_points"),
                Fixtures.problems(Fixtures.goodWith("pool-zero", dir)));
    }

    @Test
    void moduleHeaderAndMarkdownRules() {
        String md = "content/tracks/finance/collections-tone.md:";
        assertEquals(List.of(
                md + "2:5: malformed id 'Collections_Tone' — use lower-case words joined by hyphens, e.g. 'collections-tone'",
                md + "5:12: unknown job role 'acountant' in audience — did you mean 'accountant'?",
                md + "5:23: 'all' already includes every job role — write 'audience: [all]' alone, or list the roles",
                md + "6:10: 'minutes' must be between 1 and 60, not 75 — use a whole number between 1 and 60",
                md + "9:1: unknown key 'tittle' — did you mean 'title'?",
                md + "12:1: level-1 heading in the module body — start body headings at '##': the module's title is the '#'",
                md + "14:6: link to unknown module 'invoice-and-collections-calls' — did you mean 'invoices-and-collections-calls'?",
                md + "14:70: raw HTML is removed when the module is rendered — use Markdown instead of HTML",
                md + "16:1: raw HTML is removed when the module is rendered — use Markdown instead of HTML",
                md + "18:1: image 'images/call-script.png' does not exist — add the file to tracks/finance/images/ or fix the path",
                md + "20:1: unknown callout type '[!TPI]' — did you mean 'TIP'?",
                md + "23:1: unsafe link 'javascript:alert(1)' — link to an http, https or mailto address, or to module:<id>"),
                Fixtures.problems(Fixtures.goodWith("module-rules", dir)));
    }

    @Test
    void rawHtmlIsAWarningAndOtherMistakesAreErrors() {
        List<ContentProblem> problems = ContentValidator.check(Fixtures.goodWith("module-rules", dir));
        assertTrue(problems.stream().filter(p -> p.message().startsWith("raw HTML")).noneMatch(ContentProblem::isError));
        assertTrue(problems.stream().filter(p -> p.message().startsWith("level-1")).allMatch(ContentProblem::isError));
    }

    @Test
    void yamlSyntaxErrorsWithTheirPosition() {
        assertEquals(List.of(
                "content/curricula/accountant.yaml:5:4: YAML syntax error: expected <block end>, but found '<block mapping start>'"
                        + " — check the indentation and quoting here and on the line before",
                "content/tracks/foundation/track.yaml:2:18: YAML syntax error: mapping values are not allowed here"
                        + " — put the value in quotes when it contains ': ' (title: \"A: B\")"),
                Fixtures.problems(Fixtures.goodWith("yaml-syntax", dir)));
    }

    @Test
    void curriculumRules() {
        String lead = "content/curricula/support-lead.yaml:";
        assertEquals(List.of(
                "content/curricula/accountant.yaml:1:7: file name 'accountant.yaml' does not match 'accounts-receivable'"
                        + " — rename the file to accounts-receivable.yaml",
                lead + "1:7: unknown job role 'support-lead' — did you mean 'support-agent'?",
                lead + "3:13: unknown module 'everyone-serve' — did you mean 'everyone-serves'?",
                lead + "6:11: a curriculum item names module and quiz — split it into one item per target",
                lead + "8:5: a curriculum item names no module, quiz or shadowing guide — add one of 'module:', 'quiz:' or 'shadowing:'",
                lead + "10:15: 'due_days' must be between 0 and 3650, not -3 — use a whole number between 0 and 3650",
                lead + "11:11: 'from' must be start or assignment, not 'beginning' — write 'from: start' or 'from: assignment'",
                lead + "12:20: 'repeat_months' must be between 1 and 120, not 0 — use a whole number between 1 and 120",
                lead + "13:16: unknown shadowing guide 'shadowing-finanse' — did you mean 'shadowing-finance'?",
                lead + "15:11: quiz 'everyone-serves-quiz' is listed twice in this curriculum"
                        + " — keep one item; use repeat_months for recertification"),
                Fixtures.problems(Fixtures.goodWith("curriculum-rules", dir)));
    }

    @Test
    void theDefaultCurriculumIsCurriculaDefaultYamlAndItsRoleCodeIsReserved() {
        assertEquals(List.of(
                "content/curricula/fallback.yaml:1:7: file name 'fallback.yaml' does not match 'default' — rename the file to default.yaml",
                "content/roles.yaml:16:11: job role code 'default' is reserved for curricula/default.yaml, the curriculum of roles without"
                        + " their own — choose another code"),
                Fixtures.problems(Fixtures.goodWith("default-curriculum", dir)), "curricula/default.yaml itself is accepted");
    }

    @Test
    void duplicateIdsAcrossTheTreeIncludingGiftQuizzes() {
        assertEquals(List.of(
                "content/imports/old-lms.gift:1:8: file name 'old-lms.gift' does not match 'everyone-serves-quiz'"
                        + " — rename the file to everyone-serves-quiz.gift",
                "content/imports/old-lms.gift:2:12: quiz names unknown module 'nobody-serves' — use the id of an existing module",
                "content/imports/old-lms.gift:6:1: question 'two-jobs' has no explanation: learners see only whether they were right"
                        + " — add general feedback (or feedback to its right answer) in the file",
                "content/tracks/foundation/everyone-serves.md:2:5: duplicate id 'everyone-serves', already used at"
                        + " content/tracks/finance/everyone-serves.md:2 — choose another id: ids are unique across the whole content tree",
                "content/tracks/foundation/everyone-serves.quiz.yaml:1:5: duplicate id 'everyone-serves-quiz', already used at"
                        + " content/imports/old-lms.gift:1 — choose another id: ids are unique across the whole content tree"),
                Fixtures.problems(Fixtures.goodWith("duplicates", dir)));
    }

    @Test
    void shadowingRules() {
        String guide = "content/tracks/foundation/shadowing.yaml:";
        assertEquals(List.of(
                guide + "4:14: unknown job role 'support-agnt' in host_roles — did you mean 'support-agent'?",
                guide + "5:12: 'all' already includes every job role — write 'audience: [all]' alone, or list the roles",
                guide + "5:17: unknown job role 'receptionist' in audience — use a job role code from roles.yaml or 'all'",
                guide + "6:19: 'duration_minutes' must be a whole number, not 'two hours' — write a number such as 'duration_minutes: 1'",
                guide + "7:1: unknown key 'watchfor' — did you mean 'watch_for'?"),
                Fixtures.problems(Fixtures.goodWith("shadowing-rules", dir)));
    }

    @Test
    void refresherRules() {
        String refreshers = "content/tracks/finance/refreshers.yaml:";
        assertEquals(List.of(
                refreshers + "1:8: track 'finances' does not match the folder 'finance' — write 'track: finance'",
                refreshers + "5:11: kind 'ordering' is not allowed for a refresher — use kind single, multiple or true_false",
                refreshers + "10:5: question 'finance-unknown-module' has no key_points"
                        + " — add 'key_points: [...]' naming what it checks from the module's key_points",
                refreshers + "11:13: refresher names unknown module 'collections' — use the id of an existing module"),
                Fixtures.problems(Fixtures.goodWith("refresher-rules", dir)));
    }

    @Test
    void declaredMinutesFarFromTheReadingTimeIsAWarning() {
        List<ContentProblem> problems = ContentValidator.check(Fixtures.goodWith("reading-time", dir));
        assertEquals(List.of("content/tracks/finance/short-read.md:6:10: minutes: 30 is far from the estimated 1 minute of reading"
                + " (5 words at 200 words a minute) — check the module's length or set 'minutes: 1'"),
                problems.stream().map(ContentProblem::toString).toList());
        assertEquals(ContentProblem.Severity.WARNING, problems.get(0).severity());
    }

    @Test
    void itemCuesInQuizzesRefreshersAndGiftImports() {
        assertEquals(List.of(
                "content/imports/invoice-basics-gift-quiz.gift:6:39: question 'tone': the right answer is longer than every wrong choice by more than 20 % (51 against 6 characters)"
                        + " — make the choices about as long as each other: shorten the right answer or give a wrong one its reason too",
                "content/imports/invoice-basics-gift-quiz.gift:12:1: 3 of the 3 true/false questions in this quiz are true"
                        + " — key about as many true as false (at most one apart): turn a statement round so that it is false",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:6:5: the right answer is the longest choice in 3 of the 4 one-answer questions in this quiz, where chance would make it about 1.3"
                        + " — vary which choice is longest, starting with question 'first-words'",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:11:7: question 'first-words': the right answer is longer than every wrong choice by more than 20 % (73 against 16 characters)"
                        + " — make the choices about as long as each other: shorten the right answer or give a wrong one its reason too",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:22:7: question 'late-fees': every right answer is longer than every wrong choice by more than 20 % (24 against 16 characters)"
                        + " — make the choices about as long as each other: shorten the right answer or give a wrong one its reason too",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:22:7: question 'late-fees' has only one wrong choice"
                        + " — give a multiple-answer question at least two plausible wrong choices, or ticking everything scores",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:26:15: choice 'All of the above' in question 'late-fees'"
                        + " — write a real choice instead: 'all/none of the above' is right or wrong for reasons unrelated to the topic",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:37:15: duplicate choice 'friendly and factual.' in question 'reminder-tone', already at line 34"
                        + " — remove it or write a different choice",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:40:5: 3 of the 3 true/false questions in this quiz are false"
                        + " — key about as many true as false (at most one apart): turn a statement round so that it is true",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:52:7: question 'disputed-invoice': the right answer is longer than every wrong choice by more than 20 % (32 against 23 characters)"
                        + " — make the choices about as long as each other: shorten the right answer or give a wrong one its reason too",
                "content/tracks/finance/invoices-and-collections-calls.quiz.yaml:53:15: only this choice of question 'disputed-invoice' repeats the question's words (invoice, line)"
                        + " — reword it, or let the other choices speak of the situation too",
                "content/tracks/finance/refreshers.yaml:9:7: question 'finance-reminder' has only one wrong choice"
                        + " — give a multiple-answer question at least two plausible wrong choices, or ticking everything scores",
                "content/tracks/finance/refreshers.yaml:11:15: choice 'None of the above' in question 'finance-reminder'"
                        + " — write a real choice instead: 'all/none of the above' is right or wrong for reasons unrelated to the topic"),
                Fixtures.problems(Fixtures.goodWith("item-cues", dir)));
    }

    @Test
    void itemCuesAreWarningsAndMeasureHowOftenTheRightAnswerIsLongest() {
        ContentTree tree = ContentLoader.load(Fixtures.goodWith("item-cues", dir));
        assertTrue(ContentValidator.validate(tree).stream().noneMatch(ContentProblem::isError));
        ItemCues.Report report = ItemCues.of(tree);
        assertEquals(5, report.keyLongest(), "first-words, disputed-invoice, call-time, the GIFT tone and the good tree's two-jobs");
        assertEquals(9, report.oneAnswerQuestions());
        assertEquals(4, report.counts().get(ItemCues.Cue.LONGEST_KEY));
        assertEquals(1, report.counts().get(ItemCues.Cue.KEY_OFTEN_LONGEST));
    }

    @Test
    void problemPrintsAsPathLineColumnMessageAndFix() {
        ContentProblem problem = new ContentProblem("content/x.quiz.yaml", 4, 1, ContentProblem.Severity.ERROR, "unknown key 'pass_mrk'",
                "did you mean 'pass_mark'?");
        assertEquals("content/x.quiz.yaml:4:1: unknown key 'pass_mrk' — did you mean 'pass_mark'?", problem.toString());
    }

    @Test
    void moodleExportsInImportsLoadWithWarningsOnly() {
        Path content = dir.resolve("content");
        Fixtures.copy(Fixtures.good(), content);
        Fixtures.copy(Fixtures.resource("moodle"), content);
        ContentTree tree = ContentLoader.load(content);
        List<ContentProblem> problems = ContentValidator.validate(tree);
        assertEquals(List.of(), problems.stream().filter(ContentProblem::isError).map(ContentProblem::toString).toList());
        List<String> warnings = problems.stream().map(ContentProblem::toString).toList();
        assertTrue(warnings.contains("content/imports/service-basics.xml:120:1: question 'only-support' has no explanation: learners see only"
                + " whether they were right — add general feedback (or feedback to its right answer) in the file"), warnings.toString());
        assertTrue(warnings.contains("content/imports/moodle-basics.gift:15:1: question 'only-support' has no explanation: learners see only"
                + " whether they were right — add general feedback (or feedback to its right answer) in the file"), warnings.toString());
        assertEquals(QuizFile.Format.MOODLE_XML, tree.quiz("service-basics").orElseThrow().format());
        assertEquals("everyone-serves", tree.quiz("moodle-basics").orElseThrow().module());
    }
}
