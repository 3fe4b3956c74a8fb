package dev.gauntlet.harness.run;

import dev.gauntlet.harness.agent.Agents;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One agent with one model (or none, for agents that ask no model): what a run compares.
 *
 * @param agent the agent's name
 * @param model the model spec, or null
 */
public record Contender(String agent, String model) {

    public Contender {
        Objects.requireNonNull(agent, "agent");
    }

    /**
     * Every agent with every model it can use: each model-driven agent once per model, the others once. Refuses a
     * model-driven agent without a model.
     */
    public static List<Contender> of(List<String> agents, List<String> models) {
        List<Contender> contenders = new ArrayList<>();
        for (String agent : agents) {
            if (!Agents.needsModel(agent)) {
                contenders.add(new Contender(agent, null));
            } else if (models.isEmpty()) {
                throw new IllegalArgumentException("--agent " + agent + " needs --model (openai/MODEL, anthropic/MODEL, oracle or scripted:FILE)");
            } else {
                models.forEach(model -> contenders.add(new Contender(agent, model)));
            }
        }
        if (contenders.stream().distinct().count() < contenders.size()) {
            throw new IllegalArgumentException("an agent or model is named twice: " + agents + " x " + models);
        }
        return contenders;
    }

    @Override
    public String toString() {
        return model == null ? agent : agent + " with " + model;
    }
}
