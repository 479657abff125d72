package org.everyoneserves.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.QuizFile;
import org.junit.jupiter.api.Test;

/** Question banks as Moodle exports them in its XML format (the shapes of Moodle's own test fixtures). */
class MoodleXmlParserTest {

    static String fixture(String name) {
        try (var in = MoodleXmlParserTest.class.getResourceAsStream("/moodle/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static GiftParser.Result parse(String name, String module) {
        return MoodleXmlParser.parse(fixture(name), "upload/" + name, null, module);
    }

    static List<String> problems(GiftParser.Result result) {
        return result.problems().stream().map(ContentProblem::toString).toList();
    }

    @Test
    void anExportedBankBecomesAQuizWithItsFeedbackAndPlainText() {
        GiftParser.Result result = parse("service-basics.xml", "everyone-serves");
        QuizFile quiz = result.quiz().orElseThrow();
        assertEquals("service-basics", quiz.id());
        assertEquals("Service basics", quiz.title(), "from the category");
        assertEquals(QuizImports.DEFAULT_PASS_MARK, quiz.passMark());
        assertEquals("everyone-serves", quiz.module());
        assertEquals(QuizFile.Format.MOODLE_XML, quiz.format());
        assertEquals(List.of("two-jobs", "touchpoints", "only-support"), quiz.questions().stream().map(Question::id).toList());

        Question single = quiz.questions().get(0);
        assertEquals(Question.Kind.SINGLE, single.kind());
        assertEquals("How many jobs does every employee have?", single.prompt(), "markup and the script are gone");
        assertEquals(List.of("Two", "One", "It depends on the department"), single.choices().stream().map(Question.Choice::text).toList());
        assertEquals(List.of(true, false, false), single.choices().stream().map(Question.Choice::correct).toList());
        assertEquals("Serving customers is part of everyone's work.", single.choices().get(1).feedback());
        assertNull(single.choices().get(2).feedback());
        assertEquals("The job they were hired for, and serving the customer & the colleagues who serve them.", single.explanation());

        Question multiple = quiz.questions().get(1);
        assertEquals(Question.Kind.MULTIPLE, multiple.kind());
        assertEquals(List.of(true, true, false, false), multiple.choices().stream().map(Question.Choice::correct).toList(),
                "positive fractions are right, negative ones wrong");
        assertEquals("Yes: customers read every line. Yes: it speaks for the company.", multiple.explanation(),
                "no general feedback: the right answers' feedback");
        assertEquals("Which of these are touchpoints?", multiple.prompt());

        Question trueFalse = quiz.questions().get(2);
        assertEquals(Question.Kind.TRUE_FALSE, trueFalse.kind());
        assertEquals(false, trueFalse.answer());
        assertNull(trueFalse.explanation(), "Moodle often exports none; the validator warns");
        assertEquals(new Location("upload/service-basics.xml", 119, 1), trueFalse.positions().element());

        assertEquals(List.of(
                "upload/service-basics.xml:1:1: the quiz id 'service-basics' is taken from the file name"
                        + " — add <!-- id: ... --> at the top to choose another (the file is then named after it)",
                "upload/service-basics.xml:1:1: the title 'Service basics' is taken from the category — add <!-- title: ... --> at the top to"
                        + " choose another",
                "upload/service-basics.xml:1:1: the pass mark is 70 % — add <!-- pass_mark: ... --> at the top to choose another",
                "upload/service-basics.xml:64:1: a picture in the question's HTML is left out — describe it in words, or add the picture to a module"),
                problems(result));
    }

    @Test
    void otherTypesAreReportedByNameAndLine() {
        GiftParser.Result result = parse("mixed-bank.xml", "everyone-serves");
        List<String> errors = result.problems().stream().filter(ContentProblem::isError).map(ContentProblem::toString).toList();
        assertEquals(List.of(
                "upload/mixed-bank.xml:11:1: question 'Who serves customers' is of the Moodle type 'shortanswer', which Everyone Serves does not"
                        + " have — supported types: multichoice and truefalse; remove it or rewrite it as one of them",
                "upload/mixed-bank.xml:35:1: question 'Departments and touchpoints' is of the Moodle type 'matching', which Everyone Serves does"
                        + " not have — supported types: multichoice and truefalse; remove it or rewrite it as one of them"), errors);
        QuizFile quiz = result.quiz().orElseThrow();
        assertEquals(List.of("internal-customers"), quiz.questions().stream().map(Question::id).toList());
        assertEquals("Mixed bank", quiz.title(), "the category names no level of its own, so the file name gives the title");
        assertEquals("Serve everyone you touch, not only paying customers.", quiz.questions().get(0).explanation());
        assertEquals(true, quiz.questions().get(0).answer());
    }

    @Test
    void aDocumentTypeAndItsExternalEntityAreRefusedUnread() {
        GiftParser.Result result = parse("xxe.xml", "everyone-serves");
        assertTrue(result.quiz().isEmpty());
        assertEquals(List.of("upload/xxe.xml:2:1: the file declares a document type (<!DOCTYPE>), which is refused: it could make the parser"
                + " read other files — export the questions from Moodle again, or remove the <!DOCTYPE ...> declaration"), problems(result));
        assertTrue(problems(result).stream().noneMatch(p -> p.contains("root:")), "nothing of /etc/passwd is read");
    }

    @Test
    void headerCommentsWinAndBrokenFilesSayWhere() {
        String text = """
                <?xml version="1.0" encoding="UTF-8"?>
                <!-- id: basics-from-moodle
                     title: Basics, brought over
                     pass_mark: 80 -->
                <quiz>
                  <question type="truefalse">
                    <name><text>Everyone</text></name>
                    <questiontext format="plain_text"><text>Everyone serves customers.</text></questiontext>
                    <answer fraction="100"><text>true</text><feedback><text>Directly or through colleagues.</text></feedback></answer>
                    <answer fraction="0"><text>false</text></answer>
                  </question>
                </quiz>
                """;
        GiftParser.Result result = MoodleXmlParser.parse(text, "upload/anything.xml", null, null);
        QuizFile quiz = result.quiz().orElseThrow();
        assertEquals("basics-from-moodle", quiz.id());
        assertEquals("Basics, brought over", quiz.title());
        assertEquals(80, quiz.passMark());
        assertEquals("Directly or through colleagues.", quiz.questions().get(0).explanation());
        assertEquals(List.of("upload/anything.xml:1:1: the file does not say which module the quiz belongs to"
                + " — add <!-- module: ... --> at the top, with the id of a module"), problems(result));

        GiftParser.Result cut = MoodleXmlParser.parse("<?xml version=\"1.0\"?>\n<quiz>\n  <question type=\"truefalse\">\n", "upload/cut.xml", null,
                "everyone-serves");
        assertTrue(cut.quiz().isEmpty());
        assertEquals(1, cut.problems().size());
        assertTrue(cut.problems().get(0).toString().startsWith("upload/cut.xml:4:"), cut.problems().toString());
        assertTrue(cut.problems().get(0).toString().contains("not well-formed XML"));
    }
}
