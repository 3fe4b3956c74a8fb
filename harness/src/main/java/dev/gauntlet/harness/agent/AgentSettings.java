package dev.gauntlet.harness.agent;

import dev.gauntlet.harness.model.Prices;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a run's agents are configured with.
 *
 * @param prices      the price table for the cost of model-driven agents
 * @param textMode    the bash agent asks for fenced commands instead of tool calls
 * @param command     the command line of {@code --agent command}, or null
 * @param forwardEnv  names of Gauntlet's environment variables passed to {@code --agent command}
 * @param env         Gauntlet's environment
 */
public record AgentSettings(Prices prices, boolean textMode, String command, List<String> forwardEnv, Map<String, String> env) {

    public AgentSettings {
        Objects.requireNonNull(prices, "prices");
        forwardEnv = List.copyOf(forwardEnv);
        env = Map.copyOf(env);
    }
}
