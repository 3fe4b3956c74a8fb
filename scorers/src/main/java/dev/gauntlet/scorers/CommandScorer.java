package dev.gauntlet.scorers;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.Verification;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.Sandbox;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A user's script scores the trial inside its sandbox. After the agent finished, the host file is copied to
 * {@code /scorer/NAME} and run with {@code bash}, with the task's verifier timeout, user and working directory, and
 * {@code GAUNTLET_ANSWER_FILE} (where the answer is), {@code GAUNTLET_TARGET} (the first target) and
 * {@code GAUNTLET_TARGETS} (all, one per line) in its environment. If it writes {@code /logs/verifier/reward.json}
 * or {@code reward.txt}, that is the reward; otherwise exit code 0 is reward 1 and any other 0.
 */
public final class CommandScorer implements Scorer {

    private static final int OUTPUT_TAIL = 400;
    private final Path script;

    public CommandScorer(Path script) {
        if (!Files.isRegularFile(script)) {
            throw new IllegalArgumentException("command scorer: " + script + " is not a file; give the path of a script on this machine");
        }
        this.script = script.toAbsolutePath().normalize();
    }

    @Override
    public String name() {
        return "command:" + script.getFileName();
    }

    @Override
    public Score score(Submission submission) {
        Task task = submission.task();
        Sandbox sandbox = submission.sandbox();
        copyIn(sandbox);
        ExecResult result = sandbox.exec(ExecRequest.of("bash /scorer/" + script.getFileName(), task.verifier().timeout())
            .withWorkdir(task.environment().workdir())
            .withUser(task.verifier().user())
            .withEnv(Map.of("GAUNTLET_ANSWER_FILE", Verification.ANSWER_FILE,
                "GAUNTLET_TARGET", submission.targets().isEmpty() ? "" : submission.targets().getFirst(),
                "GAUNTLET_TARGETS", String.join("\n", submission.targets()))));
        if (result instanceof ExecResult.TimedOut) {
            return new Score.Unscored("the scorer script " + script.getFileName() + " was still running after "
                + task.verifier().timeout().toSeconds() + " s");
        }
        int code = ((ExecResult.Completed) result).exitCode();
        Score fromFile = RewardFileScorer.read(sandbox);
        if (fromFile instanceof Score.Value value) {
            return new Score.Value(value.reward(), value.rewards(), tail(result.output()));
        }
        return code == 0 ? Score.Value.of(1, tail(result.output()))
            : Score.Value.of(0, "the scorer script exited with " + code + (tail(result.output()) == null ? "" : ": " + tail(result.output())));
    }

    private void copyIn(Sandbox sandbox) {
        Path staging = null;
        try {
            staging = Files.createTempDirectory("gauntlet-scorer");
            Files.copy(script, staging.resolve(script.getFileName()), StandardCopyOption.COPY_ATTRIBUTES);
            sandbox.copyIn(staging, "/scorer");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot stage the scorer script " + script, e);
        } finally {
            delete(staging);
        }
    }

    private static String tail(String output) {
        String text = output.strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() <= OUTPUT_TAIL ? text : "..." + text.substring(text.length() - OUTPUT_TAIL);
    }

    private static void delete(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
