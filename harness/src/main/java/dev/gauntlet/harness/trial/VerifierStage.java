package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.scorers.RewardFileScorer;
import dev.gauntlet.scorers.Score;
import dev.gauntlet.scorers.Scorer;
import java.time.Duration;

/**
 * Stage 3: tests are copied in only now, {@code /logs/verifier} starts empty so only the verifier's own
 * reward counts, {@code tests/test.sh} runs with the task's timeout, and the scorer reads the reward.
 */
final class VerifierStage {

    private static final int OUTPUT_TAIL = 600;
    private static final String RESET = "rm -rf /logs/verifier /tests && mkdir -p /logs/verifier && chmod 777 /logs/verifier";

    private final NetworkPolicy network;
    private final Scorer scorer;
    private final TrialLogs logs;

    VerifierStage(NetworkPolicy network, Scorer scorer, TrialLogs logs) {
        this.network = network;
        this.scorer = scorer;
        this.logs = logs;
    }

    Score.Value run(TrialSpec trial, Sandbox sandbox) {
        Task task = trial.task();
        reset(sandbox, task.verifier().user());
        sandbox.copyIn(task.testsDir(), "/tests");
        sandbox.setNetwork(network.verifierNetwork(task));
        Duration timeout = task.verifier().timeout();
        ExecResult result = sandbox.exec(ExecRequest.of("bash /tests/test.sh", timeout)
            .withWorkdir(task.environment().workdir())
            .withUser(task.verifier().user())
            .withEnv(task.verifier().env()));
        logs.write(trial.trialId(), "verifier.log", result.output());
        logs.collectAll(trial.trialId(), sandbox);
        if (result instanceof ExecResult.TimedOut) {
            throw new TrialFailure(ErrorKind.VERIFIER_TIMEOUT, "tests/test.sh was still running after its timeout of "
                + timeout.toSeconds() + " s ([verifier] timeout_sec or --verifier-timeout, times --timeout-multiplier)");
        }
        return switch (scorer.score(sandbox)) {
            case Score.Value value -> value;
            case Score.Unscored unscored -> throw new TrialFailure(ErrorKind.VERIFIER, unscored.reason()
                + "; tests/test.sh exited with " + ((ExecResult.Completed) result).exitCode() + tail(result.output()));
        };
    }

    /**
     * Empties {@code /logs/verifier} and removes any {@code /tests} the agent planted. Tried first in the shell
     * the verifier will use when it runs as the image's default user (usually root, and one shell fewer to start),
     * else as root.
     */
    private static void reset(Sandbox sandbox, String verifierUser) {
        ExecRequest reset = ExecRequest.of(RESET, Duration.ofSeconds(30));
        ExecResult result = sandbox.exec(verifierUser == null ? reset : reset.withUser("0"));
        if (!succeeded(result) && verifierUser == null) {
            result = sandbox.exec(reset.withUser("0"));
        }
        if (!succeeded(result)) {
            throw new SandboxException("cannot reset /logs/verifier and /tests: " + result.output());
        }
    }

    private static boolean succeeded(ExecResult result) {
        return result instanceof ExecResult.Completed done && done.exitCode() == 0;
    }

    static VerifierStage withRewardFiles(NetworkPolicy network, TrialLogs logs) {
        return new VerifierStage(network, new RewardFileScorer(), logs);
    }

    private static String tail(String output) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return " and printed nothing";
        }
        return "; its output ends: " + (trimmed.length() > OUTPUT_TAIL ? "..." + trimmed.substring(trimmed.length() - OUTPUT_TAIL) : trimmed);
    }
}
