package dev.gauntlet.harness.trial;

import dev.gauntlet.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Each trial's logs under {@code RUN_DIR/logs/TRIAL_ID/}: {@code agent.log} and {@code verifier.log} (what
 * their commands printed) and {@code agent/} and {@code verifier/} (what they wrote to {@code /logs/agent}
 * and {@code /logs/verifier} in the sandbox, at most {@value #MAX_COPY_BYTES} bytes each).
 */
public final class TrialLogs {

    static final long MAX_COPY_BYTES = 16L * 1024 * 1024;

    private final Path root;

    public TrialLogs(Path root) {
        this.root = root;
    }

    public Path dir(String trialId) {
        return root.resolve(trialId);
    }

    /**
     * Copies the sandbox's {@code /logs} (the agent's and the verifier's) next to the trial's logs, in one call,
     * replacing what an earlier run of the trial (a retry, a resumed run) left there.
     */
    void collectAll(String trialId, Sandbox sandbox) {
        for (String earlier : new String[] {"agent", "verifier"}) {
            deleteTree(dir(trialId).resolve(earlier));
        }
        sandbox.copyOut("/logs", dir(trialId), MAX_COPY_BYTES);
    }

    private static void deleteTree(Path dir) {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (var files = Files.walk(dir)) {
            for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + dir, e);
        }
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
