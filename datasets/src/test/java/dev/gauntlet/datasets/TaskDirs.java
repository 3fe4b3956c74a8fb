package dev.gauntlet.datasets;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small task directories for tests. */
final class TaskDirs {

    private TaskDirs() {
    }

    static Path task(Path parent, String name, String toml) {
        Path dir = parent.resolve(name);
        write(dir.resolve("task.toml"), toml);
        write(dir.resolve("instruction.md"), "Do the thing.\n");
        write(dir.resolve("environment/Dockerfile"), "FROM debian:bookworm-slim\n");
        write(dir.resolve("tests/test.sh"), "echo 1 > /logs/verifier/reward.txt\n");
        write(dir.resolve("solution/solve.sh"), "true\n");
        return dir;
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
