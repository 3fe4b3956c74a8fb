package dev.gauntlet.harness.agent;

import dev.gauntlet.records.AgentUsage;

/** How an agent phase ended; the log is what the agent's commands printed, the usage what its model cost. */
public sealed interface AgentResult {

    String log();

    AgentUsage usage();

    /** The agent stopped on its own, or at one of its limits ({@link AgentUsage#limitHit()}). */
    record Finished(String log, AgentUsage usage) implements AgentResult {
    }

    /** The agent was still working at its timeout. */
    record TimedOut(String log, AgentUsage usage) implements AgentResult {
    }

    /** The model kept failing (after retries) or refused the request. */
    record ModelFailed(String log, AgentUsage usage, String message) implements AgentResult {
    }
}
