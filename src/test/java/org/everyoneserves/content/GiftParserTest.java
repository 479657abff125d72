package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.util.List;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.QuizFile;
import org.junit.jupiter.api.Test;

class GiftParserTest {

    private static final String PATH = "content/imports/test-quiz.gift";
    private static final String HEADER = """
            // id: test-quiz
            // module: everyone-serves
            // title: Service basics (from our old LMS)
            // pass_mark: 60
            """;

    private static GiftParser.Result parse(String questions) {
        return GiftParser.parse(HEADER + "\n" + questions, PATH, Path.of(PATH));
    }

    private static QuizFile quiz(String questions) {
        GiftParser.Result result = parse(questions);
        assertEquals(List.of(), result.problems().stream().map(ContentProblem::toString).toList());
        return result.quiz().orElseThrow();
    }

    private static List<String> problems(String questions) {
        return parse(questions).problems().stream().map(ContentProblem::toString).toList();
    }

    @Test
    void headerFieldsBecomeTheQuiz() {
        QuizFile quiz = GiftParser.parse(HEADER + "// attempts: 2\n// pool: 1\n// shuffle_choices: false\n// revision: 3\n\n{T}\n", PATH,
                Path.of(PATH)).quiz().orElseThrow();
        assertEquals("test-quiz", quiz.id());
        assertEquals("everyone-serves", quiz.module());
        assertEquals("Service basics (from our old LMS)", quiz.title());
        assertEquals(60, quiz.passMark());
        assertEquals(2, quiz.attempts());
        assertEquals(1, quiz.pool());
        assertEquals(false, quiz.shuffleChoices());
        assertEquals(true, quiz.shuffleQuestions());
        assertEquals(3, quiz.revision());
        assertEquals(QuizFile.Format.GIFT, quiz.format());
        assertEquals(new Location(PATH, 2, 12), quiz.positions().at("module"));
    }

    @Test
    void singleChoiceWithTitleAndFeedback() {
        Question q = quiz("""
                ::Two jobs:: How many jobs does every employee have? {
                  =Two #The job they were hired for and serving the customer.
                  ~One #Serving customers is part of everyone's work.
                }
                """).questions().get(0);
        assertEquals("two-jobs", q.id());
        assertEquals(Question.Kind.SINGLE, q.kind());
        assertEquals("How many jobs does every employee have?", q.prompt());
        assertEquals(List.of("Two", "One"), q.choices().stream().map(Question.Choice::text).toList());
        assertEquals(List.of(true, false), q.choices().stream().map(Question.Choice::correct).toList());
        assertEquals("Serving customers is part of everyone's work.", q.choices().get(1).feedback());
        assertEquals("The job they were hired for and serving the customer.", q.explanation());
        assertEquals(new Location(PATH, 6, 1), q.positions().element());
        assertEquals(new Location(PATH, 8, 3), q.choices().get(1).positions().element());
    }

    @Test
    void multipleChoiceWithWeights() {
        Question q = quiz("""
                Which are touchpoints? {
                  ~%50%The invoice
                  ~%50%An error message
                  ~%-100%The office heating bill
                  #### Anything a customer sees is part of the service.
                }
                """).questions().get(0);
        assertEquals(Question.Kind.MULTIPLE, q.kind());
        assertEquals(List.of(true, true, false), q.choices().stream().map(Question.Choice::correct).toList());
        assertEquals("Anything a customer sees is part of the service.", q.explanation());
        assertEquals("question-1", q.id());
    }

    @Test
    void trueFalseInEveryNotation() {
        QuizFile quiz = quiz("""
                ::a:: Only support serves customers. {F}

                ::b:: Invoices are touchpoints. {TRUE}

                ::c:: Error messages are touchpoints. {T#Think of who reads them.#Right, customers read them.}

                ::d:: Nobody reads invoices. {FALSE####Customers read every line.}
                """);
        assertEquals(List.of(false, true, true, false), quiz.questions().stream().map(Question::answer).toList());
        assertEquals(List.of(Question.Kind.TRUE_FALSE), quiz.questions().stream().map(Question::kind).distinct().toList());
        assertNull(quiz.questions().get(0).explanation());
        assertEquals("Right, customers read them.", quiz.questions().get(2).explanation());
        assertEquals("Customers read every line.", quiz.questions().get(3).explanation());
    }

    @Test
    void escapesAndFormatMarkers() {
        Question q = quiz("""
                ::Escapes\\: all of them:: [markdown]Which sign starts a GIFT answer \\{right or wrong\\}? {
                  =\\= and \\~ #Both\\: \\= right, \\~ wrong \\# and more.
                  ~\\{ only
                }
                """).questions().get(0);
        assertEquals("escapes-all-of-them", q.id());
        assertEquals("Which sign starts a GIFT answer {right or wrong}?", q.prompt());
        assertEquals(List.of("= and ~", "{ only"), q.choices().stream().map(Question.Choice::text).toList());
        assertEquals("Both: = right, ~ wrong # and more.", q.choices().get(0).feedback());
        Question html = quiz("[html]<p>Pick <b>one</b></p><script>alert(1)</script> {=<i>a</i> #<p>Yes</p> ~b}").questions().get(0);
        assertEquals("Pick one", html.prompt(), "what a reader sees of the HTML, never markup or scripts");
        assertEquals("a", html.choices().get(0).text());
        assertEquals("Yes", html.choices().get(0).feedback());
        assertEquals("Plain", quiz("[plain]Plain {=a ~b}").questions().get(0).prompt());
    }

    @Test
    void missingWordBecomesSingleChoiceWithABlank() {
        Question q = quiz("Serving customers is {=everyone's ~support's ~sales'} job.\n").questions().get(0);
        assertEquals(Question.Kind.SINGLE, q.kind());
        assertEquals("Serving customers is _____ job.", q.prompt());
        assertEquals(3, q.choices().size());
    }

    @Test
    void answersMaySpanBlankLinesAndCommentsAreSkipped() {
        QuizFile quiz = quiz("""
                // a trainer's note, not a header
                ::One:: First? {
                  =yes

                  ~no
                }
                // between questions
                ::Two:: Second? {T}
                """);
        assertEquals(List.of("one", "two"), quiz.questions().stream().map(Question::id).toList());
        assertEquals(2, quiz.questions().get(0).choices().size());
    }

    @Test
    void duplicateTitlesGetDistinctIds() {
        QuizFile quiz = quiz("::Same:: A {T}\n\n::Same:: B {F}\n");
        assertEquals(List.of("same", "same-2"), quiz.questions().stream().map(Question::id).toList());
    }

    @Test
    void categoryLinesAreIgnoredWithANote() {
        GiftParser.Result result = parse("$CATEGORY: $course$/Service\n\n::A:: Yes? {T}\n");
        assertEquals(List.of(PATH + ":6:1: $CATEGORY line ignored — categories are not used by Everyone Serves; remove the line to silence this"),
                result.problems().stream().map(ContentProblem::toString).toList());
        assertEquals(ContentProblem.Severity.WARNING, result.problems().get(0).severity());
        assertEquals(1, result.quiz().orElseThrow().questions().size());
    }

    @Test
    void unsupportedKindsAreReportedWithTheirLine() {
        assertEquals(List.of(
                PATH + ":6:1: matching questions ('->') are not supported — rewrite it as single or multiple choice, or remove it",
                PATH + ":11:1: numeric questions ('{#...}') are not supported — rewrite it as a choice question, or remove it",
                PATH + ":13:1: short-answer questions (only '=' answers) are not supported"
                        + " — add wrong answers with '~' to make it a choice question, or remove it",
                PATH + ":15:1: essay questions ('{}') are not supported — remove the question, or give it choices",
                PATH + ":17:1: text without answers in '{...}' (a GIFT description) is not a question — add answers in braces, or remove it"),
                problems("""
                        ::Match:: Match the team to the touchpoint. {
                          =Finance -> the invoice
                          =Engineering -> the error message
                        }

                        ::Numeric:: How many jobs? {#2}

                        ::Short:: Who serves customers? {=everyone =all of us}

                        ::Essay:: Describe a great service moment. {}

                        A description with no answers.

                        ::Kept:: This one converts. {T}
                        """));
        assertEquals(1, parse("::Match:: A {=a -> b =c -> d}\n\n::Kept:: B {T}\n").quiz().orElseThrow().questions().size());
    }

    @Test
    void missingHeaderAndBadValues() {
        GiftParser.Result result = GiftParser.parse("// pasmark: 60\n// pass_mark: lots\n// attempts: -1\n\n::A:: B {T}\n", PATH, Path.of(PATH));
        assertEquals(List.of(
                PATH + ":1:1: missing GIFT header '// module:' — add a comment line '// module: ...' at the top of the file",
                PATH + ":1:1: no '// id:' header: the quiz id 'test-quiz' is taken from the file name — add '// id: test-quiz' to keep it"
                        + " (the file is then named test-quiz.gift)",
                PATH + ":1:1: no '// title:' header: the title 'Test quiz' is made from the file name — add '// title: ...' to choose another",
                PATH + ":1:4: unknown GIFT header key 'pasmark' — did you mean 'pass_mark'?",
                PATH + ":2:15: 'pass_mark' must be a whole number, not 'lots' — write a number such as '// pass_mark: 1'",
                PATH + ":3:14: 'attempts' must be at least 0, not -1 — use a whole number at least 0"),
                result.problems().stream().map(ContentProblem::toString).sorted().toList());
    }

    @Test
    void unclosedBracesAndStrayAnswerText() {
        assertEquals(List.of(
                PATH + ":1:1: the GIFT file has no questions it can convert — add at least one question",
                PATH + ":6:12: the answers' '{' is not closed — end the answers with '}'"),
                problems("::A:: Open { =a ~b\n"));
        assertEquals(List.of(
                PATH + ":1:1: the GIFT file has no questions it can convert — add at least one question",
                PATH + ":6:10: answer text must start with '=' (right) or '~' (wrong) — start each answer with '=' or '~'"),
                problems("::A:: B {stray =a ~b}\n"));
    }

    @Test
    void questionsWithoutABlankLineBetweenThemAreReported() {
        assertEquals(List.of(PATH + ":7:15: a second question starts without a blank line before it — separate questions with a blank line"),
                problems("::A:: First? {T}\n::B:: Second? {F}\n\n::C:: Third? {T}\n"));
    }

    @Test
    void giftQuizzesAreValidatedLikeYamlQuizzes() {
        QuizFile quiz = quiz("::Pick:: Which? {=a =b ~c}\n");
        assertEquals(2, quiz.questions().get(0).correctChoices());
    }

    @Test
    void aMoodleExportWithoutOurHeadersImportsWithWarnings() throws java.io.IOException {
        String text;
        try (var in = GiftParserTest.class.getResourceAsStream("/moodle/service-basics.gift")) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        String path = "upload/service-basics.gift";
        GiftParser.Result result = GiftParser.parse(text, path, null, "everyone-serves");
        QuizFile quiz = result.quiz().orElseThrow();
        assertEquals("service-basics", quiz.id(), "from the file name");
        assertEquals("Service basics", quiz.title(), "from $CATEGORY");
        assertEquals(70, quiz.passMark());
        assertEquals("everyone-serves", quiz.module(), "the module it is uploaded for");
        assertEquals(List.of("two-jobs", "only-support", "touchpoints"), quiz.questions().stream().map(Question::id).toList());
        Question twoJobs = quiz.questions().get(0);
        assertEquals("How many jobs does every employee have?", twoJobs.prompt());
        assertEquals(List.of("Two", "One", "It depends on the department"), twoJobs.choices().stream().map(Question.Choice::text).toList());
        assertEquals("Right: the job and the customer.", twoJobs.explanation());
        assertNull(quiz.questions().get(1).explanation(), "no feedback at all: the validator warns, the import goes ahead");
        assertEquals(List.of(
                path + ":1:1: no '// id:' header: the quiz id 'service-basics' is taken from the file name"
                        + " — add '// id: service-basics' to keep it (the file is then named service-basics.gift)",
                path + ":1:1: no '// pass_mark:' header: the pass mark is 70 % — add '// pass_mark: ...' to choose another",
                path + ":2:1: no '// title:' header: the title 'Service basics' is taken from the $CATEGORY line"
                        + " — add '// title: ...' to choose another",
                path + ":26:1: short-answer questions (only '=' answers) are not supported"
                        + " — add wrong answers with '~' to make it a choice question, or remove it"),
                result.problems().stream().map(ContentProblem::toString).toList());
    }
}
