package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.agent.Agent;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.model.ModelClient;
import dev.gauntlet.records.StepRecord;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The agent side of a run's trials.
 *
 * @param agent  the agent
 * @param models the model for a task's trial (null for agents without one)
 * @param limits limits of a model-driven agent
 * @param steps  receives every agent step's record
 */
public record TrialAgent(Agent agent, Function<Task, ModelClient> models, AgentLimits limits, Consumer<StepRecord> steps) {

    public TrialAgent {
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(steps, "steps");
    }
}
