package dev.gauntlet.harness.model;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.sandbox.ShellQuoting;
import io.vertx.core.Future;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A model that knows the answer: it replays the task's reference solution as bash commands, one per reply
 * (write each file of {@code solution/} to {@code /solution}, run {@code solve.sh}), then submits. The whole
 * agent loop runs, with no network and no tokens. In text mode the same commands come as fenced blocks.
 */
public final class OracleModel implements ModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final List<String> commands;

    public OracleModel(Task task) {
        this.commands = commands(task.solutionDir());
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

    private static List<String> commands(Path solution) {
        List<String> commands = new ArrayList<>();
        if (!Files.isRegularFile(solution.resolve("solve.sh"))) {
            return commands;
        }
        try (Stream<Path> files = Files.walk(solution)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                String target = "/solution/" + solution.relativize(file).toString().replace('\\', '/');
                String content = Files.readString(file, StandardCharsets.UTF_8);
                commands.add("mkdir -p " + ShellQuoting.quote(target.substring(0, target.lastIndexOf('/')))
                    + " && printf '%s' " + ShellQuoting.quote(content) + " > " + ShellQuoting.quote(target)
                    + (Files.isExecutable(file) ? " && chmod +x " + ShellQuoting.quote(target) : ""));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the solution in " + solution, e);
        }
        commands.add("bash /solution/solve.sh");
        return commands;
    }
}
