package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import java.util.Objects;

/**
 * One planned trial.
 *
 * @param runId   the run
 * @param trialId stable hash of task, task content, agent, model and attempt
 * @param dataset the dataset's name
 * @param task    the task
 * @param agent   the agent's name
 * @param model   the model spec, or null for agents without a model
 * @param attempt 1-based attempt number
 * @param datasetFingerprint the fingerprint of the dataset the task was loaded from, or null if unknown
 */
public record TrialSpec(String runId, String trialId, String dataset, Task task, String agent, String model, int attempt,
                        String datasetFingerprint) {

    /** A trial of a dataset whose fingerprint is not known. */
    public TrialSpec(String runId, String trialId, String dataset, Task task, String agent, String model, int attempt) {
        this(runId, trialId, dataset, task, agent, model, attempt, null);
    }

    public TrialSpec {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(dataset, "dataset");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(agent, "agent");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
    }
}
