package dev.gauntlet.reports;

import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepRecordReader;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * A run read back from its directory: the trial records of {@code trials/}, and the step records of
 * {@code steps/}, which are streamed rather than held because a large run has millions.
 *
 * @param dir    the run directory
 * @param trials its trial records, of any schema version
 */
public record RunRecords(Path dir, List<TrialRecord> trials) {

    public RunRecords {
        Objects.requireNonNull(dir, "dir");
        trials = List.copyOf(trials);
    }

    /**
     * Reads the trial records of the run in {@code dir}.
     *
     * @throws IllegalArgumentException if {@code dir} is not a run directory (it has no {@code trials/}) or holds no
     *     trial record
     * @throws UncheckedIOException if a part file cannot be read; the message names it
     */
    public static RunRecords read(Path dir) {
        Path trials = dir.resolve("trials");
        if (!Files.isDirectory(trials)) {
            throw new IllegalArgumentException(dir + " is not a run directory: it has no trials/ folder");
        }
        try {
            List<TrialRecord> records = TrialRecordReader.readAll(trials);
            if (records.isEmpty()) {
                throw new IllegalArgumentException(dir + " holds no trial record yet");
            }
            return new RunRecords(dir, records);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    /** Hands every step record of the run to {@code action}, part by part; nothing if the run has no steps. */
    public void forEachStep(Consumer<? super StepRecord> action) {
        Path steps = dir.resolve("steps");
        if (!Files.isDirectory(steps)) {
            return;
        }
        try {
            StepRecordReader.forEach(steps, action);
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }
}
