package dev.gauntlet.harness.trial;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;

/** Ends a trial as an error of a given kind; thrown inside the trial's stages and recorded, never escapes. */
final class TrialFailure extends RuntimeException {

    private final ErrorKind kind;
    private final transient AgentUsage usage;

    TrialFailure(ErrorKind kind, String message) {
        this(kind, message, null);
    }

    /** @param usage what the agent's model cost before the failure, or null when the agent was not reached */
    TrialFailure(ErrorKind kind, String message, AgentUsage usage) {
        super(message, null, false, false);
        this.kind = kind;
        this.usage = usage;
    }

    ErrorKind kind() {
        return kind;
    }

    AgentUsage usage() {
        return usage;
    }
}
