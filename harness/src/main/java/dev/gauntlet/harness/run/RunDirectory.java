package dev.gauntlet.harness.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
        return create(root, false);
    }

    private static RunDirectory create(Path root, boolean resuming) {
        RunDirectory dir = new RunDirectory(root.toAbsolutePath().normalize());
        if (!resuming && Files.isDirectory(dir.trials())) {
            try (Stream<Path> parts = Files.list(dir.trials())) {
                if (parts.findAny().isPresent()) {
                    throw new IllegalArgumentException(root + " already holds a run's records; choose another --out, or `gauntlet resume " + root + "` to continue it");
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

    /** An existing run's directory, to resume it. */
    public static RunDirectory open(Path root) {
        RunDirectory dir = new RunDirectory(root.toAbsolutePath().normalize());
        if (!Files.isRegularFile(dir.runJson())) {
            throw new IllegalArgumentException(root + " is not a run directory: it has no run.json");
        }
        return create(dir.root(), true);
    }

    /** The run's lock; closing it releases it. */
    public interface Lock extends AutoCloseable {
        @Override
        void close();
    }

    /**
     * Takes the run's lock, held until it is closed or the process ends, so two processes never write one run's
     * records; the operating system releases it when a process dies, even by {@code kill -9}.
     */
    public Lock lock() {
        try {
            FileChannel channel = FileChannel.open(root.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            if (channel.tryLock() == null) {
                channel.close();
                throw new IllegalArgumentException("another Gauntlet process is running " + root + "; wait for it or stop it first");
            }
            return () -> {
                try {
                    channel.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            };
        } catch (IOException e) {
            throw new UncheckedIOException("cannot lock " + root, e);
        }
    }

    /** Deletes the hidden temporary files that part writers interrupted by a crash left behind. */
    public void removeTempFiles() {
        for (Path dir : java.util.List.of(trials(), steps(), root)) {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.filter(f -> f.getFileName().toString().startsWith(".")
                    && f.getFileName().toString().endsWith(".tmp")).toList()) {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot clean temporary files in " + dir, e);
            }
        }
    }

    /** Reads {@code run.json}. */
    public ObjectNode readRunJson() {
        try {
            JsonNode json = JSON.readTree(runJson().toFile());
            if (!(json instanceof ObjectNode object)) {
                throw new IllegalArgumentException(runJson() + " does not hold a JSON object");
            }
            return object;
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + runJson() + ": " + e.getMessage(), e);
        }
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
