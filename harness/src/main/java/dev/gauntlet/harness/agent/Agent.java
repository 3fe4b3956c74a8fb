package dev.gauntlet.harness.agent;

/** Acts on a task inside its sandbox. Implementations are stateless and shared by all trials. */
public interface Agent {

    /** The name users pick it by ({@code --agent NAME}). */
    String name();

    /**
     * Runs until done or the context's timeout. Throws {@link dev.gauntlet.sandbox.SandboxException} when the
     * sandbox fails; a failing command of the agent's own is part of its log, not an error.
     */
    AgentResult run(AgentContext context);
}
