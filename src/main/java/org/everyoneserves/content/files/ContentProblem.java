package org.everyoneserves.content.files;


/**
 * One thing wrong with the content, pointing at the file, line and column (1-based) where it is.
 * {@code path} is relative to the content root's parent, e.g. {@code content/tracks/finance/x.quiz.yaml}.
 */
public record ContentProblem(String path, int line, int column, Severity severity, String message, String fix) implements java.io.Serializable {

    public enum Severity { ERROR, WARNING }

    public static ContentProblem error(Location at, String message, String fix) {
        return new ContentProblem(at.path(), at.line(), at.column(), Severity.ERROR, message, fix);
    }

    public static ContentProblem warning(Location at, String message, String fix) {
        return new ContentProblem(at.path(), at.line(), at.column(), Severity.WARNING, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column + ": " + message + " — " + fix;
    }
}
