package dev.gauntlet.harness.agent;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import java.nio.file.Files;

/** Runs the task's reference solution: copies {@code solution/} to {@code /solution} and runs {@code solve.sh}. */
public final class OracleAgent implements Agent {

    @Override
    public String name() {
        return "oracle";
    }

    @Override
    public AgentResult run(AgentContext context) {
        Task task = context.task();
        if (!Files.isRegularFile(task.solutionDir().resolve("solve.sh"))) {
            return new AgentResult.Finished("oracle: " + task.solutionDir().resolve("solve.sh") + " does not exist; nothing to run", AgentUsage.NONE);
        }
        context.sandbox().copyIn(task.solutionDir(), "/solution");
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
