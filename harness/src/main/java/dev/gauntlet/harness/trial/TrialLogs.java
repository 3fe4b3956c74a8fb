package dev.gauntlet.harness.trial;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Each trial's logs ({@code agent.log}, {@code verifier.log}) under {@code RUN_DIR/logs/TRIAL_ID/}. */
public final class TrialLogs {

    private final Path root;

    public TrialLogs(Path root) {
        this.root = root;
    }

    public Path dir(String trialId) {
        return root.resolve(trialId);
    }

    void write(String trialId, String name, String text) {
        try {
            Path dir = Files.createDirectories(dir(trialId));
            Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + name + " of trial " + trialId, e);
        }
    }
}
