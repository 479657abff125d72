package org.everyoneserves.content;

import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.everyoneserves.content.files.ContentProblem;
import org.everyoneserves.content.files.Location;
import org.everyoneserves.content.files.Positions;
import org.everyoneserves.content.files.QuizFile;

/**
 * Converts a question bank in Moodle XML ({@code <quiz><question type="...">}) into a {@link QuizFile}, as Moodle exports
 * it: multichoice questions (single answer: the answer with fraction 100 is right; multiple answers: every answer with
 * a positive fraction is right), truefalse questions, each answer's feedback and the general feedback (the
 * explanation; else the feedback of the right answers). Question text and feedback in HTML become plain text through
 * the HTML sanitiser; pictures in them are dropped with a warning. Category pseudo-questions give the title; every
 * other question type is reported with its name and line. Comments at the top may set the quiz's id, module, title and
 * pass mark as a GIFT file's header does ({@code <!-- module: everyone-serves -->}). The parser refuses a document type declaration, so no
 * entity, internal or external, is ever expanded.
 */
public final class MoodleXmlParser {

    private static final java.util.regex.Pattern HEADER = java.util.regex.Pattern.compile("^\\s*([A-Za-z_]+)\\s*:(.*)$");
    private static final List<String> HEADER_KEYS = List.of("id", "module", "title", "pass_mark");

    private final String path;
    private final List<ContentProblem> problems = new ArrayList<>();
    private final List<Question> questions = new ArrayList<>();
    private final Set<String> questionIds = new HashSet<>();
    private final Map<String, String> header = new LinkedHashMap<>();
    private String categoryTitle;

    private MoodleXmlParser(String path) {
        this.path = path;
    }

    /** An element as read, with the line it starts on. */
    private record Element(String name, Map<String, String> attributes, StringBuilder text, List<Element> children, int line) {

        Optional<Element> child(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).findFirst();
        }

        List<Element> all(String childName) {
            return children.stream().filter(c -> c.name().equals(childName)).toList();
        }

        /** The text of {@code <childName>...</childName>}, or null. */
        String own(String childName) {
            return child(childName).map(c -> c.text().toString()).orElse(null);
        }

        /** The text of {@code <childName><text>...</text></childName>}, or null. */
        String textOf(String childName) {
            return child(childName).flatMap(c -> c.child("text")).map(t -> t.text().toString()).orElse(null);
        }

        String format(String childName) {
            return child(childName).map(c -> c.attributes().getOrDefault("format", "html")).orElse("html");
        }
    }

    /**
     * @param module the module the quiz is for (Moodle XML cannot say); null leaves the quiz without one, which the
     *        validator refuses
     */
    public static GiftParser.Result parse(String text, String path, Path file, String module) {
        MoodleXmlParser parser = new MoodleXmlParser(path);
        Optional<Element> root = parser.read(text);
        if (root.isEmpty()) {
            return new GiftParser.Result(Optional.empty(), List.copyOf(parser.problems));
        }
        QuizFile quiz = parser.quiz(root.get(), file, module, ContentHash.of(text));
        parser.problems.sort(Comparator.comparingInt(ContentProblem::line).thenComparingInt(ContentProblem::column));
        return new GiftParser.Result(Optional.of(quiz), List.copyOf(parser.problems));
    }

    /** Parses the document without a DTD or entities; an error for a malformed one. */
    private Optional<Element> read(String text) {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        XMLStreamReader reader = null;
        try {
            reader = factory.createXMLStreamReader(new StringReader(text));
            List<Element> open = new ArrayList<>();
            Element root = null;
            while (reader.hasNext()) {
                int event = reader.next();
                int line = reader.getLocation().getLineNumber();
                switch (event) {
                    case XMLStreamConstants.DTD -> {
                        int doctype = text.indexOf("<!DOCTYPE");
                        int at = doctype < 0 ? line : (int) text.substring(0, doctype).chars().filter(c -> c == '\n').count() + 1;
                        problems.add(ContentProblem.error(new Location(path, Math.max(1, at), 1),
                                "the file declares a document type (<!DOCTYPE>), which is refused: it could make the parser read other files",
                                "export the questions from Moodle again, or remove the <!DOCTYPE ...> declaration"));
                        return Optional.empty();
                    }
                    case XMLStreamConstants.ENTITY_REFERENCE -> {
                        problems.add(ContentProblem.error(new Location(path, line, 1), "the entity '&" + reader.getLocalName() + ";' is not allowed",
                                "write the character itself"));
                        return Optional.empty();
                    }
                    case XMLStreamConstants.START_ELEMENT -> {
                        Map<String, String> attributes = new LinkedHashMap<>();
                        for (int i = 0; i < reader.getAttributeCount(); i++) {
                            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
                        }
                        Element element = new Element(reader.getLocalName(), attributes, new StringBuilder(), new ArrayList<>(), line);
                        if (open.isEmpty()) {
                            root = element;
                        } else {
                            open.get(open.size() - 1).children().add(element);
                        }
                        open.add(element);
                    }
                    case XMLStreamConstants.END_ELEMENT -> open.remove(open.size() - 1);
                    case XMLStreamConstants.COMMENT -> {
                        if (open.size() <= 1) {
                            headerComment(reader.getText());
                        }
                    }
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                        if (!open.isEmpty()) {
                            open.get(open.size() - 1).text().append(reader.getText());
                        }
                    }
                    default -> {
                    }
                }
            }
            if (root == null || !root.name().equals("quiz")) {
                problems.add(ContentProblem.error(Location.start(path), "a Moodle XML file starts with <quiz>",
                        "export the questions from Moodle in the \"Moodle XML format\""));
                return Optional.empty();
            }
            return Optional.of(root);
        } catch (XMLStreamException e) {
            int line = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getLineNumber());
            int column = e.getLocation() == null ? 1 : Math.max(1, e.getLocation().getColumnNumber());
            problems.add(ContentProblem.error(new Location(path, line, column), "the file is not well-formed XML",
                    "export the questions from Moodle again; the file may have been cut off or edited"));
            return Optional.empty();
        } finally {
            if (reader != null) {
                try {
                    reader.close();
                } catch (XMLStreamException e) {
                    // nothing was held open but the string
                }
            }
        }
    }

    /** {@code <!-- module: everyone-serves -->} and the like, outside the questions: our header, as in GIFT files. */
    private void headerComment(String comment) {
        for (String line : comment.split("\n")) {
            java.util.regex.Matcher m = HEADER.matcher(line);
            if (m.matches() && HEADER_KEYS.contains(m.group(1).toLowerCase(Locale.ROOT)) && !m.group(2).isBlank()) {
                header.putIfAbsent(m.group(1).toLowerCase(Locale.ROOT), m.group(2).strip());
            }
        }
    }

    private QuizFile quiz(Element root, Path file, String defaultModule, String hash) {
        Location start = Location.start(path);
        for (Element question : root.all("question")) {
            String type = question.attributes().getOrDefault("type", "");
            String name = Optional.ofNullable(question.textOf("name")).map(String::strip).orElse("");
            Location at = new Location(path, question.line(), 1);
            switch (type) {
                case "category" -> {
                    if (categoryTitle == null) {
                        categoryTitle = QuizImports.categoryTitle(question.textOf("category")).orElse(null);
                    }
                }
                case "multichoice" -> multichoice(question, name, at);
                case "truefalse" -> trueFalse(question, name, at);
                default -> problems.add(ContentProblem.error(at, "question '" + name + "' is of the Moodle type '" + type
                        + "', which Everyone Serves does not have", "supported types: multichoice and truefalse; remove it or rewrite it"
                        + " as one of them"));
            }
        }
        if (questions.isEmpty()) {
            problems.add(ContentProblem.error(start, "the file has no questions it can convert", "add at least one multichoice or truefalse question"));
        }
        String id = header.get("id");
        if (id == null) {
            id = QuizImports.slug(QuizImports.fileStem(path));
            problems.add(ContentProblem.warning(start, "the quiz id '" + id + "' is taken from the file name",
                    "add <!-- id: ... --> at the top to choose another (the file is then named after it)"));
        }
        String title = header.get("title");
        if (title == null) {
            title = categoryTitle != null ? categoryTitle : QuizImports.titleOfFile(path);
            problems.add(ContentProblem.warning(start, "the title '" + title + "' is taken from the " + (categoryTitle != null ? "category" : "file name"),
                    "add <!-- title: ... --> at the top to choose another"));
        }
        Integer passMark = QuizImports.DEFAULT_PASS_MARK;
        if (header.containsKey("pass_mark")) {
            passMark = header.get("pass_mark").matches("[0-9]{1,3}") ? Integer.valueOf(header.get("pass_mark")) : null;
            if (passMark == null || passMark < 1 || passMark > 100) {
                problems.add(ContentProblem.error(start, "'pass_mark' must be a whole number between 1 and 100, not '" + header.get("pass_mark") + "'",
                        "write <!-- pass_mark: 70 -->"));
                passMark = null;
            }
        } else {
            problems.add(ContentProblem.warning(start, "the pass mark is " + QuizImports.DEFAULT_PASS_MARK + " %",
                    "add <!-- pass_mark: ... --> at the top to choose another"));
        }
        String module = header.getOrDefault("module", defaultModule);
        if (module == null) {
            problems.add(ContentProblem.error(start, "the file does not say which module the quiz belongs to", "add <!-- module: ... --> at the top,"
                    + " with the id of a module"));
        }
        return new QuizFile(id.isEmpty() ? null : id, module, title.isEmpty() ? null : title, passMark, 0, true, true,
                null, 1, questions, QuizFile.Format.MOODLE_XML, file, hash, Positions.of(start));
    }

    private void multichoice(Element question, String name, Location at) {
        boolean single = !"false".equalsIgnoreCase(Optional.ofNullable(question.own("single")).orElse("true").strip());
        List<Question.Choice> choices = new ArrayList<>();
        for (Element answer : question.all("answer")) {
            double fraction = fraction(answer, name);
            boolean correct = single ? fraction >= 100 : fraction > 0;
            if (single && fraction > 0 && fraction < 100) {
                problems.add(ContentProblem.warning(new Location(path, answer.line(), 1), "question '" + name + "': the answer worth " + fraction
                        + " % counts as wrong", "Everyone Serves marks a single-answer question right or wrong, without partial marks"));
            }
            choices.add(new Question.Choice(text(answer.own("text"), answer.attributes().getOrDefault("format", "html"), answer.line()),
                    correct, QuizImports.blankToNull(text(answer.textOf("feedback"), answer.format("feedback"), answer.line())),
                    Positions.of(new Location(path, answer.line(), 1))));
        }
        String explanation = QuizImports.firstNonBlank(text(question.textOf("generalfeedback"), question.format("generalfeedback"), question.line()),
                choices.stream().filter(Question.Choice::correct).map(Question.Choice::feedback).filter(f -> f != null)
                        .reduce((x, y) -> x + " " + y).orElse(null));
        questions.add(new Question(QuizImports.questionId(name, questionIds), single ? Question.Kind.SINGLE : Question.Kind.MULTIPLE, null,
                prompt(question), List.of(), choices, null, List.of(), explanation, positions(at)));
    }

    private void trueFalse(Element question, String name, Location at) {
        Boolean answer = null;
        String rightFeedback = null;
        String wrongFeedback = null;
        for (Element a : question.all("answer")) {
            String value = Optional.ofNullable(a.own("text")).orElse("").strip().toLowerCase(Locale.ROOT);
            String feedback = QuizImports.blankToNull(text(a.textOf("feedback"), a.format("feedback"), a.line()));
            if (fraction(a, name) >= 100 && (value.equals("true") || value.equals("false"))) {
                answer = value.equals("true");
                rightFeedback = feedback;
            } else {
                wrongFeedback = feedback;
            }
        }
        if (answer == null) {
            problems.add(ContentProblem.error(at, "true/false question '" + name + "' has no answer 'true' or 'false' worth 100 %",
                    "mark the right answer in Moodle and export again"));
            return;
        }
        String explanation = QuizImports.firstNonBlank(text(question.textOf("generalfeedback"), question.format("generalfeedback"), question.line()),
                rightFeedback, wrongFeedback);
        questions.add(new Question(QuizImports.questionId(name, questionIds), Question.Kind.TRUE_FALSE, null, prompt(question), List.of(),
                List.of(), answer, List.of(), explanation, positions(at)));
    }

    private double fraction(Element answer, String name) {
        String value = answer.attributes().getOrDefault("fraction", "0");
        try {
            return Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problems.add(ContentProblem.error(new Location(path, answer.line(), 1), "question '" + name + "': fraction '" + value + "' is not a number",
                    "use a percentage such as fraction=\"100\""));
            return 0;
        }
    }

    private String prompt(Element question) {
        return text(question.textOf("questiontext"), question.format("questiontext"), question.line());
    }

    /** Plain text as written, or the text a reader sees of HTML (Moodle's own "auto" format may hold HTML too). */
    private String text(String raw, String format, int line) {
        if (raw == null) {
            return null;
        }
        if (format.equals("plain_text") || format.equals("markdown")) {
            return raw.strip();
        }
        if (raw.matches("(?is).*<\\s*img\\b.*")) {
            problems.add(ContentProblem.warning(new Location(path, line, 1), "a picture in the question's HTML is left out",
                    "describe it in words, or add the picture to a module"));
        }
        return QuizImports.htmlToText(raw);
    }

    private static Positions positions(Location at) {
        return new Positions(at, Map.of("prompt", at));
    }
}
