package dev.gauntlet.harness.agent;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The agents Gauntlet knows, by name. */
public final class Agents {

    private static final Map<String, Agent> KNOWN = new TreeMap<>(
        List.of(new OracleAgent(), new NopAgent()).stream().collect(Collectors.toMap(Agent::name, Function.identity())));

    private Agents() {
    }

    /** The agent called {@code name}; the error lists the known names. */
    public static Agent named(String name) {
        Agent agent = KNOWN.get(name);
        if (agent == null) {
            throw new IllegalArgumentException("unknown agent '" + name + "'; known agents: " + String.join(", ", KNOWN.keySet()));
        }
        return agent;
    }
}
