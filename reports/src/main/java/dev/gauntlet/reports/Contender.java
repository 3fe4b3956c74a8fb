package dev.gauntlet.reports;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.reports.metrics.AgentModel;
import java.util.Objects;

/**
 * Who is being evaluated: an agent with a model, in one run. Reports put each contender in a column of the
 * leaderboard and compare contenders task by task.
 *
 * @param runId the run its trials come from
 * @param agent the agent's name
 * @param model the model's spec, or {@code null} for an agent without one
 * @param label what reports call it: {@link AgentModel#label()}, with the run id added when two runs evaluate the same
 *              agent and model
 */
public record Contender(String runId, String agent, String model, String label) {

    public Contender {
        Objects.requireNonNull(runId, "runId");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(label, "label");
    }

    /** The contender a record belongs to, labelled without its run. */
    public static Contender of(TrialRecord record) {
        return new Contender(record.runId(), record.agent(), record.model(),
            new AgentModel(record.agent(), record.model()).label());
    }

    /** This contender, its label naming its run too. */
    public Contender withRunInLabel() {
        return new Contender(runId, agent, model, label + " @ " + runId);
    }
}
