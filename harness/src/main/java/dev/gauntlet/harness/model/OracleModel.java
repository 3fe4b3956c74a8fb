package dev.gauntlet.harness.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.datasets.Solution;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.Verification;
import dev.gauntlet.sandbox.ShellQuoting;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A model that knows the answer: it replays the task's reference solution as bash commands, one per reply
 * (write each file of the solution to {@code /solution}, run {@code solve.sh}; for an answer-style sample, write the
 * answer to its file), then submits. The whole
 * agent loop runs, with no network and no tokens. In text mode the same commands come as fenced blocks.
 */
public final class OracleModel implements ModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> commands;

    public OracleModel(Task task) {
        this.commands = switch (task.solution()) {
            case Solution.Script script -> commands(script);
            case Solution.Answer answer -> List.of("mkdir -p " + ShellQuoting.quote(parent(Verification.ANSWER_FILE)) + " && printf '%s' "
                + ShellQuoting.quote(answer.text()) + " > " + ShellQuoting.quote(Verification.ANSWER_FILE));
            case Solution.None none -> List.of();
        };
    }

    private static String parent(String path) {
        return path.substring(0, path.lastIndexOf('/'));
    }

    @Override
    public String spec() {
        return "oracle";
    }

    @Override
    public String model() {
        return "oracle";
    }

    @Override
    public Future<ModelReply> complete(ModelRequest request) {
        int step = (int) request.messages().stream().filter(m -> m.role() == Message.Role.ASSISTANT).count();
        String command = step < commands.size() ? commands.get(step) : null;
        boolean tools = !request.tools().isEmpty();
        if (!tools) {
            return Future.succeededFuture(new ModelReply("```bash\n" + (command == null ? "submit" : command) + "\n```", List.of(),
                Usage.NONE, "stop", 0));
        }
        ToolCall call = command == null ? new ToolCall("call_" + step, "submit", "{}")
            : new ToolCall("call_" + step, "bash", arguments(command));
        return Future.succeededFuture(new ModelReply("", List.of(call), Usage.NONE, "tool_calls", 0));
    }

    private static String arguments(String command) {
        ObjectNode args = JSON.createObjectNode();
        args.put("command", command);
        return args.toString();
    }

    private static List<String> commands(Solution.Script script) {
        List<String> commands = new ArrayList<>();
        try {
            for (Map.Entry<String, Path> file : script.files().entrySet()) {
                String target = "/solution/" + file.getKey();
                String content = Files.readString(file.getValue(), StandardCharsets.UTF_8);
                commands.add("mkdir -p " + ShellQuoting.quote(parent(target))
                    + " && printf '%s' " + ShellQuoting.quote(content) + " > " + ShellQuoting.quote(target)
                    + (Files.isExecutable(file.getValue()) ? " && chmod +x " + ShellQuoting.quote(target) : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the solution files " + script.files().values(), e);
        }
        commands.add("bash /solution/solve.sh");
        return commands;
    }
}
