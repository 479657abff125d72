package org.everyoneserves.content;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Command line check of a content folder: {@code ContentCheck [dir]} (default {@code content}). Prints each
 * problem, a line counting the item cues ({@link ItemCues}) and a summary; exits 1 when there is an error, 2 on a usage error, 0 otherwise.
 */
public final class ContentCheck {

    private ContentCheck() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length > 1 || (args.length == 1 && (args[0].equals("-h") || args[0].equals("--help")))) {
            err.println("usage: ContentCheck [content-folder]   (default: content)");
            return 2;
        }
        Path root = Path.of(args.length == 1 ? args[0] : "content");
        if (!Files.isDirectory(root)) {
            err.println("ContentCheck: no content folder at " + root.toAbsolutePath());
            return 2;
        }
        ContentTree tree = ContentLoader.load(root);
        List<Problem> problems = ContentValidator.validate(tree);
        problems.forEach(out::println);
        out.println(ItemCues.of(tree).summary());
        out.println(summary(tree, problems));
        return problems.stream().anyMatch(Problem::isError) ? 1 : 0;
    }

    static String summary(ContentTree tree, List<Problem> problems) {
        long errors = problems.stream().filter(Problem::isError).count();
        long warnings = problems.size() - errors;
        return tree.root().getFileName() + ": "
                + count(tree.modules().size(), "module", "modules") + ", "
                + count(tree.quizzes().size(), "quiz", "quizzes") + ", "
                + count(tree.guides().size(), "shadowing guide", "shadowing guides") + ", "
                + count(tree.curricula().size(), "curriculum", "curricula") + ", "
                + count(tree.refreshers().size(), "refresher", "refreshers") + " — "
                + count(errors, "error", "errors") + ", " + count(warnings, "warning", "warnings");
    }

    private static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
