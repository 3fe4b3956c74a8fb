package dev.gauntlet.harness.trial;

import dev.gauntlet.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;

/**
 * Each trial's logs under {@code RUN_DIR/logs/TRIAL_ID/}: {@code agent.log} and {@code verifier.log} (what
 * their commands printed) and {@code agent/} and {@code verifier/} (what they wrote to {@code /logs/agent}
 * and {@code /logs/verifier} in the sandbox, at most {@value #MAX_COPY_BYTES} bytes each).
 */
public final class TrialLogs {

    static final long MAX_COPY_BYTES = 16L * 1024 * 1024;
    private static final Set<String> REWARD_FILES = Set.of("/logs/verifier/reward.txt", "/logs/verifier/reward.json");
    private static final String LIST_END = "--gauntlet-list-end--";

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
        if (!copiedRewardsOnly(trialId, sandbox)) {
            sandbox.copyOut("/logs", dir(trialId), MAX_COPY_BYTES);
        }
    }

    /**
     * Most verifiers leave nothing in {@code /logs} but a small reward file: then it is read through the root shell
     * (two commands, no archive, which costs the engine a process of its own). False when there is more to copy.
     */
    private boolean copiedRewardsOnly(String trialId, Sandbox sandbox) {
        ExecResult listed = sandbox.exec(ExecRequest.of("find /logs -type f; echo " + LIST_END + "; find /logs -type f -size +4k",
            Duration.ofSeconds(30)).withUser("0"));
        if (!(listed instanceof ExecResult.Completed done) || done.exitCode() != 0) {
            return false;
        }
        List<String> lines = done.output().lines().toList();
        int end = lines.indexOf(LIST_END);
        if (end < 0 || end != lines.size() - 1 || !REWARD_FILES.containsAll(lines.subList(0, end))) {
            return false;
        }
        for (String file : lines.subList(0, end)) {
            ExecResult read = sandbox.exec(ExecRequest.of("cat " + file, Duration.ofSeconds(30)).withUser("0"));
            if (!(read instanceof ExecResult.Completed ok) || ok.exitCode() != 0) {
                return false;
            }
            write(trialId, file.substring("/logs/".length()), ok.output());
        }
        return true;
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
            Path file = dir(trialId).resolve(name);
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the " + name + " of trial " + trialId, e);
        }
    }
}
