package dev.gauntlet.harness.trial;

import dev.gauntlet.harness.agent.Agent;
import dev.gauntlet.harness.agent.AgentContext;
import dev.gauntlet.harness.agent.AgentResult;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.sandbox.Sandbox;
import java.time.Duration;

/** Stage 2: the agent acts, then every process in the sandbox is stopped so none can touch the verifier. */
final class AgentStage {

    private final Agent agent;
    private final TrialLogs logs;

    AgentStage(Agent agent, TrialLogs logs) {
        this.agent = agent;
        this.logs = logs;
    }

    void run(TrialSpec trial, Sandbox sandbox) {
        Duration timeout = trial.task().agent().timeout();
        AgentResult result = agent.run(new AgentContext(trial.task(), sandbox, timeout));
        logs.write(trial.trialId(), "agent.log", result.log());
        logs.collect(trial.trialId(), sandbox, "/logs/agent", "agent");
        if (result instanceof AgentResult.TimedOut) {
            throw new TrialFailure(ErrorKind.AGENT_TIMEOUT, "the agent was still running after its timeout of "
                + timeout.toSeconds() + " s ([agent] timeout_sec)");
        }
        sandbox.stopProcesses();
    }
}
