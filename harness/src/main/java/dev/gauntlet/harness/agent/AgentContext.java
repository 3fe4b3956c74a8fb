package dev.gauntlet.harness.agent;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.model.ModelClient;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.sandbox.Sandbox;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What an agent gets for one trial.
 *
 * @param runId   the run
 * @param trialId the trial
 * @param task    the task
 * @param sandbox the sandbox, already started
 * @param timeout how long the agent phase may take
 * @param model   the model to ask, or null for agents without one
 * @param limits  limits of a model-driven agent
 * @param steps   receives one record per agent step
 */
public record AgentContext(String runId, String trialId, Task task, Sandbox sandbox, Duration timeout, ModelClient model,
                           AgentLimits limits, Consumer<StepRecord> steps) {

    public AgentContext {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(steps, "steps");
    }
}
