package dev.gauntlet.harness.agent;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.ShellQuoting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent installed in the sandbox, run as one command ({@code --agent command --agent-cmd '...'}): the task's
 * instruction is in {@code /logs/agent/instruction.md} and in {@code $GAUNTLET_INSTRUCTION}; of the harness's
 * environment, only the variables named with {@code --agent-env} are passed in. It runs in the task's working
 * directory with the agent timeout; what it prints is the agent log.
 */
public final class CommandAgent implements Agent {

    static final String INSTRUCTION_FILE = "/logs/agent/instruction.md";

    private final String command;
    private final Map<String, String> forwarded;

    /**
     * @param command   the command line, run with {@code sh -c}
     * @param names     environment variables to forward
     * @param harnessEnv the harness's environment to take them from
     */
    public CommandAgent(String command, List<String> names, Map<String, String> harnessEnv) {
        if (command == null || command.isBlank()) {
            throw new IllegalArgumentException("--agent command needs --agent-cmd 'COMMAND'");
        }
        this.command = command;
        Map<String, String> env = new LinkedHashMap<>();
        for (String name : names) {
            String value = harnessEnv.get(name);
            if (value == null) {
                throw new IllegalArgumentException("--agent-env " + name + ": no such variable in Gauntlet's environment");
            }
            env.put(name, value);
        }
        this.forwarded = Map.copyOf(env);
    }

    @Override
    public String name() {
        return "command";
    }

    @Override
    public AgentResult run(AgentContext context) {
        String instruction = context.task().instruction();
        context.sandbox().exec(ExecRequest.of("mkdir -p /logs/agent && printf '%s' " + ShellQuoting.quote(instruction)
            + " > " + INSTRUCTION_FILE, java.time.Duration.ofMinutes(1)));
        Map<String, String> env = new LinkedHashMap<>(forwarded);
        env.put("GAUNTLET_INSTRUCTION", instruction);
        env.put("GAUNTLET_INSTRUCTION_FILE", INSTRUCTION_FILE);
        ExecResult result = context.sandbox().exec(new ExecRequest(command, context.timeout(), context.task().agent().user(),
            context.task().environment().workdir() != null ? context.task().environment().workdir() : ".", env, 1 << 20));
        return switch (result) {
            case ExecResult.Completed done -> new AgentResult.Finished(done.output() + "\n[agent exited with " + done.exitCode() + "]\n",
                AgentUsage.NONE);
            case ExecResult.TimedOut late -> new AgentResult.TimedOut(late.output(), AgentUsage.NONE);
        };
    }
}
