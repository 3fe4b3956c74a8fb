package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.agent.Agent;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.model.ModelClient;
import dev.gauntlet.records.StepRecord;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * The agent side of a run's trials.
 *
 * @param agents the agent of each name the run uses
 * @param models the model of a spec for a task's trial (null for agents without one)
 * @param limits limits of a model-driven agent
 * @param steps  receives every agent step's record
 */
public record TrialAgent(Map<String, Agent> agents, BiFunction<String, Task, ModelClient> models, AgentLimits limits,
                         Consumer<StepRecord> steps) {

    public TrialAgent {
        agents = Map.copyOf(agents);
        Objects.requireNonNull(models, "models");
        Objects.requireNonNull(limits, "limits");
        Objects.requireNonNull(steps, "steps");
    }
}
