package dev.gauntlet.reports.metrics;

import java.util.Comparator;
import java.util.Objects;

/**
 * What is being compared: an agent with a model.
 *
 * @param agent the agent's name
 * @param model the model spec, or {@code null} for agents without one
 */
public record AgentModel(String agent, String model) implements Comparable<AgentModel> {

    private static final Comparator<AgentModel> ORDER = Comparator.comparing(AgentModel::agent)
        .thenComparing(AgentModel::model, Comparator.nullsFirst(Comparator.naturalOrder()));

    public AgentModel {
        Objects.requireNonNull(agent, "agent");
    }

    /** {@code agent} alone, or {@code agent (model)}. */
    public String label() {
        return model == null ? agent : agent + " (" + model + ")";
    }

    @Override
    public int compareTo(AgentModel other) {
        return ORDER.compare(this, other);
    }
}
