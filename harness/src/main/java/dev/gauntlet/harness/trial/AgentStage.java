package dev.gauntlet.harness.trial;

import dev.gauntlet.harness.agent.Agent;
import dev.gauntlet.harness.agent.AgentContext;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentResult;
import dev.gauntlet.harness.model.ModelClient;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.sandbox.Sandbox;
import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Stage 2: the agent acts, then every process in the sandbox is stopped so none can touch the verifier. Its
 * {@code /logs/agent} is collected with the verifier's logs, or by the executor when the trial ends early.
 */
final class AgentStage {

    private final Agent agent;
    private final Function<Task, ModelClient> models;
    private final AgentLimits limits;
    private final Consumer<StepRecord> steps;
    private final TrialLogs logs;

    AgentStage(Agent agent, Function<Task, ModelClient> models, AgentLimits limits, Consumer<StepRecord> steps, TrialLogs logs) {
        this.agent = agent;
        this.models = models;
        this.limits = limits;
        this.steps = steps;
        this.logs = logs;
    }

    /** Runs the agent; returns what its model cost, or throws a {@link TrialFailure} that carries it. */
    AgentUsage run(TrialSpec trial, Sandbox sandbox) {
        Duration timeout = trial.task().agent().timeout();
        AgentContext context = new AgentContext(trial.runId(), trial.trialId(), trial.task(), sandbox, timeout,
            models.apply(trial.task()), limits, steps);
        AgentResult result = agent.run(context);
        logs.write(trial.trialId(), "agent.log", result.log());
        switch (result) {
            case AgentResult.TimedOut late -> throw new TrialFailure(ErrorKind.AGENT_TIMEOUT, "the agent was still running after its timeout of "
                + timeout.toSeconds() + " s ([agent] timeout_sec or --agent-timeout, times --timeout-multiplier)", late.usage());
            case AgentResult.ModelFailed failed -> throw new TrialFailure(ErrorKind.MODEL, failed.message(), failed.usage());
            case AgentResult.Finished finished -> {
                sandbox.stopProcesses();
                return finished.usage();
            }
        }
    }
}
