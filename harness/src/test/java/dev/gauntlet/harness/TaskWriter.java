package dev.gauntlet.harness;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small tasks on the base image for tests: task.toml, solve.sh and test.sh given, the rest fixed. */
public final class TaskWriter {

    private TaskWriter() {
    }

    public static Path task(Path dataset, String name, String toml, String solve, String test) {
        Path dir = dataset.resolve(name);
        write(dir.resolve("task.toml"), "[task]\nname = \"" + name + "\"\n" + toml);
        write(dir.resolve("instruction.md"), "Task " + name + ".\n");
        write(dir.resolve("environment/Dockerfile"), "FROM debian:bookworm-slim\nWORKDIR /app\n");
        write(dir.resolve("solution/solve.sh"), solve);
        if (test != null) {
            write(dir.resolve("tests/test.sh"), test);
        }
        return dir;
    }

    public static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
