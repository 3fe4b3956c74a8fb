package dev.gauntlet.harness.agent;

import java.util.List;

/** The agents Gauntlet knows, by name. */
public final class Agents {

    /** Every agent name, for help and errors. */
    public static final List<String> NAMES = List.of("bash", "command", "nop", "oracle");

    private Agents() {
    }

    /** A new agent called {@code name}; the error lists the known names. */
    public static Agent create(String name, AgentSettings settings) {
        return switch (name) {
            case "bash" -> new BashAgent(settings.prices(), settings.textMode());
            case "command" -> new CommandAgent(settings.command(), settings.forwardEnv(), settings.env());
            case "nop" -> new NopAgent();
            case "oracle" -> new OracleAgent();
            default -> throw new IllegalArgumentException("unknown agent '" + name + "'; known agents: " + String.join(", ", NAMES));
        };
    }

    /** Whether the agent asks a model (and so needs {@code --model}). */
    public static boolean needsModel(String name) {
        return name.equals("bash");
    }
}
