package dev.gauntlet.harness.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;

/**
 * A run's directory: {@code run.json} (what was asked and the summary), {@code trials/} (Parquet part
 * files, one row per trial), {@code steps/} (one row per agent step) and {@code logs/TRIAL_ID/} (agent and
 * verifier output).
 */
public record RunDirectory(Path root) {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    /** Creates the directory; refuses one that already holds a run's records. */
    public static RunDirectory create(Path root) {
        RunDirectory dir = new RunDirectory(root.toAbsolutePath().normalize());
        if (Files.isDirectory(dir.trials())) {
            try (Stream<Path> parts = Files.list(dir.trials())) {
                if (parts.findAny().isPresent()) {
                    throw new IllegalArgumentException(root + " already holds a run's records; choose another --out");
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        try {
            Files.createDirectories(dir.trials());
            Files.createDirectories(dir.steps());
            Files.createDirectories(dir.logs());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run directory " + root, e);
        }
        return dir;
    }

    public Path trials() {
        return root.resolve("trials");
    }

    public Path steps() {
        return root.resolve("steps");
    }

    public Path logs() {
        return root.resolve("logs");
    }

    public Path runJson() {
        return root.resolve("run.json");
    }

    public static ObjectNode newJson() {
        return JSON.createObjectNode();
    }

    /** Writes {@code run.json} atomically. */
    public void writeRunJson(ObjectNode json) {
        try {
            Path tmp = root.resolve(".run.json.tmp");
            JSON.writeValue(tmp.toFile(), json);
            Files.move(tmp, runJson(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + runJson(), e);
        }
    }
}
