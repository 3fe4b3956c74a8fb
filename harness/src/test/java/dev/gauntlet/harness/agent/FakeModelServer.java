package dev.gauntlet.harness.agent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.model.Message;
import dev.gauntlet.harness.model.ModelRequest;
import dev.gauntlet.harness.model.OracleModel;
import dev.gauntlet.harness.model.ToolSpec;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A local model server speaking OpenAI chat completions ({@code /v1/chat/completions}) or Anthropic messages
 * ({@code /v1/messages}). For the tasks it is told to solve it replays their reference solution; for the
 * others it runs a harmless command and submits. Every reply reports 100 input (20 of them cached) and 10
 * output tokens. With {@code failEvery = n}, every n-th request fails with 429 (Retry-After: 0) or 500 in turn.
 */
final class FakeModelServer implements AutoCloseable {

    static final String KEY = "sk-test-SECRET-0123456789";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final boolean anthropic;
    private final Map<String, Task> solve;
    private final int failEvery;
    final AtomicInteger requests = new AtomicInteger();
    final AtomicInteger failures = new AtomicInteger();
    final List<String> authHeaders = java.util.Collections.synchronizedList(new ArrayList<>());

    FakeModelServer(boolean anthropic, Map<String, Task> solve, int failEvery) throws IOException {
        this.anthropic = anthropic;
        this.solve = solve;
        this.failEvery = failEvery;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext(anthropic ? "/v1/messages" : "/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + (anthropic ? "" : "/v1");
    }

    private void handle(HttpExchange exchange) throws IOException {
        int n = requests.incrementAndGet();
        authHeaders.add(anthropic ? exchange.getRequestHeaders().getFirst("x-api-key") : exchange.getRequestHeaders().getFirst("Authorization"));
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        if (failEvery > 0 && n % failEvery == 0) {
            failures.incrementAndGet();
            boolean throttle = (n / failEvery) % 2 == 1;
            if (throttle) {
                exchange.getResponseHeaders().add("Retry-After", "0");
            }
            send(exchange, throttle ? 429 : 500, "{\"error\":{\"message\":\"" + (throttle ? "rate limited" : "overloaded") + "\"}}");
            return;
        }
        String conversation = body.toString();
        int step = 0;
        for (JsonNode message : body.path("messages")) {
            if (message.path("role").asText().equals("assistant")) {
                step++;
            }
        }
        Task task = solve.values().stream().filter(t -> conversation.contains(firstLine(t.instruction()))).findFirst().orElse(null);
        String command = task == null ? (step == 0 ? "echo I give up" : null) : commandFor(task, step);
        send(exchange, 200, (anthropic ? anthropicReply(command, step) : openAiReply(command, step)).toString());
    }

    /** The oracle's n-th command for a task, or null when it would submit. */
    private static String commandFor(Task task, int step) {
        ModelRequest request = new ModelRequest(java.util.Collections.nCopies(step, Message.assistant("", List.of())),
            List.of(new ToolSpec("bash", "", "{}")), 100);
        var reply = new OracleModel(task).complete(request).result();
        var call = reply.toolCalls().getFirst();
        return call.name().equals("submit") ? null : readCommand(call.arguments());
    }

    private static String readCommand(String arguments) {
        try {
            return JSON.readTree(arguments).get("command").asText();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ObjectNode openAiReply(String command, int step) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-" + step).put("object", "chat.completion").put("model", "gpt-4o");
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "tool_calls");
        ObjectNode message = choice.putObject("message");
        message.put("role", "assistant").putNull("content");
        ObjectNode call = message.putArray("tool_calls").addObject();
        call.put("id", "call_" + step).put("type", "function");
        ObjectNode function = call.putObject("function");
        function.put("name", command == null ? "submit" : "bash");
        ObjectNode args = JSON.createObjectNode();
        if (command != null) {
            args.put("command", command);
        }
        function.put("arguments", args.toString());
        ObjectNode usage = reply.putObject("usage");
        usage.put("prompt_tokens", 100).put("completion_tokens", 10).put("total_tokens", 110);
        usage.putObject("prompt_tokens_details").put("cached_tokens", 20);
        return reply;
    }

    private static ObjectNode anthropicReply(String command, int step) {
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "msg_" + step).put("type", "message").put("role", "assistant").put("model", "claude-sonnet-4-5");
        ArrayNode content = reply.putArray("content");
        content.addObject().put("type", "text").put("text", "Next step.");
        ObjectNode use = content.addObject();
        use.put("type", "tool_use").put("id", "toolu_" + step).put("name", command == null ? "submit" : "bash");
        ObjectNode input = use.putObject("input");
        if (command != null) {
            input.put("command", command);
        }
        reply.put("stop_reason", "tool_use");
        ObjectNode usage = reply.putObject("usage");
        usage.put("input_tokens", 80).put("cache_read_input_tokens", 20).put("cache_creation_input_tokens", 0).put("output_tokens", 10);
        return reply;
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse(text);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
