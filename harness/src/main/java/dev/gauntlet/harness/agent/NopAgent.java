package dev.gauntlet.harness.agent;

import dev.gauntlet.records.AgentUsage;

/** Does nothing: the verifier sees the untouched environment, so every task should fail. */
public final class NopAgent implements Agent {

    @Override
    public String name() {
        return "nop";
    }

    @Override
    public AgentResult run(AgentContext context) {
        return new AgentResult.Finished("", AgentUsage.NONE);
    }
}
