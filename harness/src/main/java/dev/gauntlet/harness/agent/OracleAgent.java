package dev.gauntlet.harness.agent;

import dev.gauntlet.datasets.Solution;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.Verification;
import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;

/**
 * Runs the task's reference solution: places its files under {@code /solution} and runs {@code solve.sh}, or, for an
 * answer-style sample, writes the first target to {@link Verification#ANSWER_FILE}.
 */
public final class OracleAgent implements Agent {

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public AgentResult run(AgentContext context) {
        Task task = context.task();
        return switch (task.solution()) {
            case Solution.None none -> new AgentResult.Finished("oracle: " + none.reason() + "; nothing to run", AgentUsage.NONE);
            case Solution.Answer answer -> {
                context.sandbox().writeFile(Verification.ANSWER_FILE, answer.text());
                yield new AgentResult.Finished("oracle: wrote the answer to " + Verification.ANSWER_FILE + "\n", AgentUsage.NONE);
            }
            case Solution.Script script -> runScript(context, script);
        };
    }

    private static AgentResult runScript(AgentContext context, Solution.Script script) {
        Task task = context.task();
        SolutionFiles.copyIn(context.sandbox(), script);
        ExecRequest request = ExecRequest.of("bash /solution/solve.sh", context.timeout())
            .withWorkdir(task.environment().workdir())
            .withUser(task.agent().user())
            .withEnv(task.solutionEnv());
        ExecResult result = context.sandbox().exec(request);
        return switch (result) {
            case ExecResult.Completed done -> new AgentResult.Finished(done.output() + "\n[solve.sh exited with " + done.exitCode() + "]\n", AgentUsage.NONE);
            case ExecResult.TimedOut late -> new AgentResult.TimedOut(late.output(), AgentUsage.NONE);
        };
    }
}
