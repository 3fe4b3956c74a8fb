package dev.gauntlet.harness.agent;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.sandbox.Sandbox;
import java.time.Duration;
import java.util.Objects;

/**
 * What an agent gets for one trial.
 *
 * @param task    the task
 * @param sandbox the sandbox, already started
 * @param timeout how long the agent phase may take
 */
public record AgentContext(Task task, Sandbox sandbox, Duration timeout) {

    public AgentContext {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(sandbox, "sandbox");
        Objects.requireNonNull(timeout, "timeout");
    }
}
