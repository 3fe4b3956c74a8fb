package dev.gauntlet.datasets;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Something wrong with a task on disk.
 *
 * @param file     the file at fault (or the task directory)
 * @param field    the field at fault, such as {@code [verifier] timeout_sec}, or null for the whole file
 * @param reason   what is wrong and what is allowed
 * @param severity an error skips the task; a warning does not
 */
public record TaskProblem(Path file, String field, String reason, Severity severity) {

    public enum Severity { ERROR, WARNING }

    public TaskProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(severity, "severity");
    }

    public static TaskProblem error(Path file, String field, String reason) {
        return new TaskProblem(file, field, reason, Severity.ERROR);
    }

    public static TaskProblem warning(Path file, String field, String reason) {
        return new TaskProblem(file, field, reason, Severity.WARNING);
    }

    public boolean isError() {
        return severity == Severity.ERROR;
    }

    @Override
    public String toString() {
        return (severity == Severity.WARNING ? "warning: " : "") + file + (field == null ? "" : ": " + field) + ": " + reason;
    }
}
