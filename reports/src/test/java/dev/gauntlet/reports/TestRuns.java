package dev.gauntlet.reports;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepRecordWriter;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordWriter;
import dev.gauntlet.records.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.Set;
import java.util.function.IntPredicate;

/**
 * Run directories made of records written with the real writers, as a run writes them, without Docker: tasks of
 * even number have {@code difficulty = easy}, the others {@code hard}; each trial has two steps (a command that lists files, then one that runs the tests with the trial's outcome as exit code).
 */
public final class TestRuns {

    public static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");

    private TestRuns() {
    }

    /**
     * How a run is made: who ran, on which tasks, how many attempts, how each trial ends, and which tasks ran with
     * other contents than usual (a different task hash).
     */
    public record Spec(String runId, String agent, String model, List<String> tasks, int attempts, Outcome outcome, Set<String> changed) {

        public Spec(String runId, String agent, String model, List<String> tasks, int attempts, Outcome outcome) {
            this(runId, agent, model, tasks, attempts, outcome, Set.of());
        }
    }

    /** How trial {@code attempt} of task number {@code task} ends. */
    @FunctionalInterface
    public interface Outcome {
        TrialStatus of(int task, int attempt);

        /** Passes where {@code passes} says, else fails. */
        static Outcome passWhere(IntPredicate passes) {
            return (task, attempt) -> passes.test(task) ? TrialStatus.PASSED : TrialStatus.FAILED;
        }

        /** Passes with probability {@code p}, drawn from {@code seed}. */
        static Outcome random(double p, long seed) {
            return (task, attempt) -> new SplittableRandom(seed * 1_000_003L + task * 101L + attempt).nextDouble() < p ? TrialStatus.PASSED : TrialStatus.FAILED;
        }
    }

    public static List<String> tasks(int count) {
        List<String> tasks = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            tasks.add(String.format("task-%03d", i));
        }
        return tasks;
    }

    /** Writes the run {@code spec} describes into {@code dir} and returns it. */
    public static Path write(Path dir, Spec spec) {
        List<TrialRecord> trials = new ArrayList<>();
        List<StepRecord> steps = new ArrayList<>();
        for (int t = 0; t < spec.tasks().size(); t++) {
            for (int a = 1; a <= spec.attempts(); a++) {
                TrialRecord trial = trial(spec, t, a);
                trials.add(trial);
                if (trial.usage().steps() > 0) {
                    Instant at = trial.startedAt();
                    steps.add(new StepRecord(spec.runId(), trial.trialId(), 1, at, 800, 20, 1_000, 40, "ls /app", 0, "main.py\nREADME.md\n", null));
                    int exit = trial.status() == TrialStatus.PASSED ? 0 : 1;
                    steps.add(new StepRecord(spec.runId(), trial.trialId(), 2, at.plusSeconds(1), 900, 1_500, 1_200, 60,
                        "python -m pytest -q tests/ && echo '<done> & \"ok\"'", exit, exit == 0 ? "3 passed\n<done> & \"ok\"\n" : "1 failed, 2 passed\n", null));
                }
            }
        }
        try {
            TrialRecordWriter.writePart(dir.resolve("trials"), trials);
            StepRecordWriter.writePart(dir.resolve("steps"), steps);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }

    static TrialRecord trial(Spec spec, int task, int attempt) {
        TrialStatus status = spec.outcome().of(task, attempt);
        boolean error = status == TrialStatus.ERROR;
        Double reward = error ? null : status == TrialStatus.PASSED ? 1.0 : 0.0;
        Instant start = T0.plusSeconds(task * 60L + attempt);
        long setup = 200 + task * 10L;
        long agent = error ? 0 : 3_000 + attempt * 100L;
        long verifier = error ? 0 : 500;
        AgentUsage usage = error ? AgentUsage.NONE : new AgentUsage(2, 2_200, 200, 100, 0.0125 * (1 + task % 3), null, 0);
        String taskId = spec.tasks().get(task);
        return new TrialRecord(spec.runId(), taskId + "-" + spec.agent() + "-" + attempt, "examples", taskId,
            "hash-" + taskId + (spec.changed().contains(taskId) ? "-changed" : ""),
            spec.agent(), spec.model(), attempt, status, error ? ErrorKind.AGENT_TIMEOUT : null,
            error ? "agent ran out of time after 600 s" : null, reward, reward == null ? Map.of() : Map.of("reward", reward), start,
            start.plusMillis(setup + agent + verifier), setup, agent, verifier, setup + agent + verifier, "gauntlet-env:abc", "c-" + task,
            usage, 0).withTaskInfo(Map.of("difficulty", task % 2 == 0 ? "easy" : "hard"), null);
    }
}
