package dev.gauntlet.harness.agent;

/** How an agent phase ended; the log is what the agent's commands printed. */
public sealed interface AgentResult {

    String log();

    /** The agent stopped on its own. */
    record Finished(String log) implements AgentResult {
    }

    /** The agent was still working at its timeout. */
    record TimedOut(String log) implements AgentResult {
    }
}
