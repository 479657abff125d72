package org.everyoneserves.content;

/**
 * One thing wrong with the content, pointing at the file, line and column (1-based) where it is.
 * {@code path} is relative to the content root's parent, e.g. {@code content/tracks/finance/x.quiz.yaml}.
 */
public record Problem(String path, int line, int column, Severity severity, String message, String fix) implements java.io.Serializable {

    public enum Severity { ERROR, WARNING }

    static Problem error(Location at, String message, String fix) {
        return new Problem(at.path(), at.line(), at.column(), Severity.ERROR, message, fix);
    }

    static Problem warning(Location at, String message, String fix) {
        return new Problem(at.path(), at.line(), at.column(), Severity.WARNING, message, fix);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return path + ":" + line + ":" + column + ": " + message + " — " + fix;
    }
}
