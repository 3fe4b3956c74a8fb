package dev.gauntlet.harness.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Plays replies from a JSONL file, one per line, the n-th reply for the n-th step of every trial:
 * {@code {"text": "...", "tool_calls": [{"name": "bash", "arguments": {"command": "ls"}}], "usage": {"input": 10, "output": 5}}}.
 * Past the last line it submits. Zero latency unless a line says {@code "latency_ms": N}, which delays that reply
 * without holding a thread: for benchmarks and tests of the loop.
 */
public final class ScriptedModel implements ModelClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    /**
     * One daemon thread that delays every scripted reply. Not {@code CompletableFuture.delayedExecutor}: on JDK 25, with
     * 1,000 trials waiting on it on two loaded cores, 60 of its delayed replies never came.
     */
    private static final ScheduledExecutorService LATENCY = Executors.newSingleThreadScheduledExecutor(
        Thread.ofPlatform().daemon().name("scripted-model-latency").factory());

    private final Path file;
    private final List<JsonNode> replies;

    public ScriptedModel(Path file) {
        this.file = file;
        this.replies = read(file);
    }

    @Override
    public String spec() {
        return "scripted:" + file;
    }

    @Override
    public String model() {
        return "scripted";
    }

    @Override
    public Future<ModelReply> complete(ModelRequest request) {
        int step = (int) request.messages().stream().filter(m -> m.role() == Message.Role.ASSISTANT).count();
        if (step >= replies.size()) {
            List<ToolCall> submit = request.tools().isEmpty() ? List.of() : List.of(new ToolCall("call_" + step, "submit", "{}"));
            return Future.succeededFuture(new ModelReply(request.tools().isEmpty() ? "```bash\nsubmit\n```" : "", submit, Usage.NONE, "stop", 0));
        }
        JsonNode reply = replies.get(step);
        List<ToolCall> calls = new ArrayList<>();
        int i = 0;
        for (JsonNode call : reply.path("tool_calls")) {
            JsonNode args = call.path("arguments");
            calls.add(new ToolCall("call_" + step + "_" + i++, call.path("name").asText(), args.isTextual() ? args.asText() : args.toString()));
        }
        JsonNode usage = reply.path("usage");
        ModelReply answer = new ModelReply(reply.path("text").asText(""), calls,
            new Usage(usage.path("input").asLong(0), usage.path("cached_input").asLong(0), usage.path("output").asLong(0)),
            calls.isEmpty() ? "stop" : "tool_calls", 0);
        long latency = reply.path("latency_ms").asLong(0);
        if (latency <= 0) {
            return Future.succeededFuture(answer);
        }
        Promise<ModelReply> delayed = Promise.promise();
        LATENCY.schedule(() -> delayed.complete(answer), latency, TimeUnit.MILLISECONDS);
        return delayed.future();
    }

    private static List<JsonNode> read(Path file) {
        List<JsonNode> replies = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("scripted model: cannot read " + file + ": " + e.getMessage(), e);
        }
        for (int n = 0; n < lines.size(); n++) {
            if (lines.get(n).isBlank()) {
                continue;
            }
            try {
                JsonNode reply = JSON.readTree(lines.get(n));
                if (!reply.isObject()) {
                    throw new IOException("not an object");
                }
                replies.add(reply);
            } catch (IOException e) {
                throw new IllegalArgumentException(file + " line " + (n + 1) + ": not a JSON reply object (" + e.getMessage()
                    + "); each line is {\"text\": ..., \"tool_calls\": [{\"name\": ..., \"arguments\": {...}}], \"usage\": {...}}");
            }
        }
        return replies;
    }
}
