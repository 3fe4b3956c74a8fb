package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.Verification;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.scorers.CommandScorer;
import dev.gauntlet.scorers.ExitCodeScorer;
import dev.gauntlet.scorers.JudgeException;
import dev.gauntlet.scorers.RewardFileScorer;
import dev.gauntlet.scorers.Score;
import dev.gauntlet.scorers.Scorer;
import dev.gauntlet.scorers.Submission;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;

/**
 * Stage 3: {@code /logs/verifier} starts empty so only the verifier's own reward counts, and any {@code /tests} the
 * agent planted is removed. A task with a verifier script gets its tests copied in only now and the script run with
 * the task's timeout; its reward file (Harbor) or exit code (Terminal-Bench 1) decides. An answer-style sample's
 * answer is read from {@link Verification#ANSWER_FILE} and scored by the run's answer scorer.
 */
final class VerifierStage {

    /** What the verifier gave: the score, and the name of the scorer that gave it. */
    record Scored(Score.Value value, String scorer) {
    }

    private static final int OUTPUT_TAIL = 600;
    private static final int MAX_ANSWER_BYTES = 64 * 1024;
    private static final String RESET = "rm -rf /logs/verifier /tests && mkdir -p /logs/verifier && chmod 777 /logs/verifier";
    private static final Scorer REWARD_FILE = new RewardFileScorer();
    private static final Scorer EXIT_CODE = new ExitCodeScorer();

    private final NetworkPolicy network;
    private final Scorer answers;
    private final TrialLogs logs;

    /** @param answers scores the answers of answer-style samples */
    VerifierStage(NetworkPolicy network, Scorer answers, TrialLogs logs) {
        this.network = network;
        this.answers = answers;
        this.logs = logs;
    }

    Scored run(TrialSpec trial, Sandbox sandbox) {
        Task task = trial.task();
        reset(sandbox, task.verifier().user());
        return switch (task.verification()) {
            case Verification.TestScript script -> runScript(trial, sandbox, script);
            case Verification.Answer answer -> scoreAnswer(trial, sandbox);
        };
    }

    private Scored runScript(TrialSpec trial, Sandbox sandbox, Verification.TestScript script) {
        Task task = trial.task();
        if (script.testsDir() != null) {
            sandbox.copyIn(script.testsDir(), "/tests");
        }
        if (script.testsDir() == null || !script.script().startsWith(script.testsDir())) {
            sandbox.writeFile(script.sandboxPath(), read(script));
        }
        sandbox.setNetwork(network.verifierNetwork(task));
        Duration timeout = task.verifier().timeout();
        ExecResult result = sandbox.exec(ExecRequest.of("bash " + script.sandboxPath(), timeout)
            .withWorkdir(task.environment().workdir())
            .withUser(task.verifier().user())
            .withEnv(task.verifier().env()));
        logs.write(trial.trialId(), "verifier.log", result.output());
        logs.collectAll(trial.trialId(), sandbox);
        String name = script.script().getFileName().toString();
        if (result instanceof ExecResult.TimedOut) {
            throw new TrialFailure(ErrorKind.VERIFIER_TIMEOUT, name + " was still running after its timeout of "
                + timeout.toSeconds() + " s (the task's verifier timeout or --verifier-timeout, times --timeout-multiplier)");
        }
        int exitCode = ((ExecResult.Completed) result).exitCode();
        Scorer scorer = script.reward() == Verification.RewardSource.EXIT_CODE ? EXIT_CODE : REWARD_FILE;
        Score score = scorer == REWARD_FILE
            ? RewardFileScorer.fromCopy(logs.dir(trial.trialId()).resolve("verifier")).orElseGet(() -> scorer.score(new Submission(task, sandbox, exitCode, null)))
            : scorer.score(new Submission(task, sandbox, exitCode, null));
        return switch (score) {
            case Score.Value value -> new Scored(value, scorer.name());
            case Score.Unscored unscored -> throw new TrialFailure(ErrorKind.VERIFIER, unscored.reason()
                + "; " + name + " exited with " + exitCode + tail(result.output()));
        };
    }

    private Scored scoreAnswer(TrialSpec trial, Sandbox sandbox) {
        Task task = trial.task();
        String answer = sandbox.readFile(Verification.ANSWER_FILE, MAX_ANSWER_BYTES)
            .map(bytes -> new String(bytes, StandardCharsets.UTF_8)).orElse(null);
        if (answers instanceof CommandScorer) {
            sandbox.setNetwork(network.verifierNetwork(task));
        }
        Score score;
        try {
            score = answers.score(new Submission(task, sandbox, null, answer));
        } catch (JudgeException e) {
            throw new TrialFailure(ErrorKind.MODEL, e.getMessage());
        }
        logs.write(trial.trialId(), "verifier.log", answers.name() + ": " + switch (score) {
            case Score.Value value -> "reward " + value.reward() + (value.explanation() == null ? "" : "\n" + value.explanation());
            case Score.Unscored unscored -> "unscored: " + unscored.reason();
        } + "\n");
        logs.collectAll(trial.trialId(), sandbox);
        return switch (score) {
            case Score.Value value -> new Scored(value, answers.name());
            case Score.Unscored unscored -> throw new TrialFailure(ErrorKind.VERIFIER, answers.name() + ": " + unscored.reason());
        };
    }

    private static String read(Verification.TestScript script) {
        try {
            return Files.readString(script.script(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the verifier script " + script.script(), e);
        }
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

    private static String tail(String output) {
        String trimmed = output.strip();
        if (trimmed.isEmpty()) {
            return " and printed nothing";
        }
        return "; its output ends: " + (trimmed.length() > OUTPUT_TAIL ? "..." + trimmed.substring(trimmed.length() - OUTPUT_TAIL) : trimmed);
    }
}
