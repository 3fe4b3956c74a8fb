package dev.gauntlet.harness.model;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A Claude model behind Anthropic's messages API ({@code POST {base}/v1/messages}, version {@value #API_VERSION}).
 *
 * <p>The conversation is reshaped as the API requires: system messages (joined by blank lines, wherever they
 * stood) become the top-level {@code system}; a tool result becomes a {@code tool_result} block of a user message;
 * consecutive messages of one role are merged into one, with tool results first; a tool call's arguments go as the
 * parsed {@code input} object, or as {@code {"_raw": text}} when the model wrote malformed JSON. Empty text blocks,
 * which the API rejects, are left out, and a message left with no block says {@code (empty)}.
 *
 * <p>Usage: {@link Usage#inputTokens()} is {@code input_tokens + cache_read_input_tokens +
 * cache_creation_input_tokens}, {@link Usage#cachedInputTokens()} is {@code cache_read_input_tokens}.
 *
 * <p>Errors are classified as {@link JsonEndpoint} describes (529 "overloaded" is a retryable 5xx); a 2xx reply
 * without a {@code content} array is a retryable {@link ModelException}.
 */
public final class AnthropicClient extends HttpModelClient {

    public static final String API_VERSION = "2023-06-01";

    /** A client for {@code model}, with spec {@code anthropic/MODEL}. */
    public AnthropicClient(Vertx vertx, String model, HttpModelSettings settings) {
        this(vertx, "anthropic/" + model, model, settings);
    }

    /**
     * @param spec  what {@link #spec()} answers, e.g. {@code anthropic/claude-sonnet-4-5}
     * @param model the model name sent to the server and used for prices
     * @throws IllegalArgumentException when the settings have no API key
     */
    public AnthropicClient(Vertx vertx, String spec, String model, HttpModelSettings settings) {
        super(spec, model, new JsonEndpoint(vertx, "Anthropic API", "/v1/messages", headers(settings), settings,
            "ANTHROPIC_API_KEY", Clock.systemUTC()));
    }

    private static Map<String, String> headers(HttpModelSettings settings) {
        if (settings.apiKey() == null) {
            throw new IllegalArgumentException("Anthropic models need an API key: set ANTHROPIC_API_KEY in the environment");
        }
        return Map.of("x-api-key", settings.apiKey(), "anthropic-version", API_VERSION);
    }

    @Override
    JsonObject body(ModelRequest request) {
        List<String> system = new ArrayList<>();
        List<Turn> turns = new ArrayList<>();
        for (Message message : request.messages()) {
            if (message.role() == Message.Role.SYSTEM) {
                if (!message.text().isBlank()) {
                    system.add(message.text());
                }
                continue;
            }
            String role = message.role() == Message.Role.ASSISTANT ? "assistant" : "user";
            Turn turn;
            if (!turns.isEmpty() && turns.getLast().role.equals(role)) {
                turn = turns.getLast();
            } else {
                turn = new Turn(role);
                turns.add(turn);
            }
            addBlocks(message, turn);
        }
        JsonArray messages = new JsonArray();
        for (Turn turn : turns) {
            messages.add(turn.json());
        }
        JsonObject body = new JsonObject()
            .put("model", model())
            .put("max_tokens", request.maxOutputTokens())
            .put("messages", messages);
        if (!system.isEmpty()) {
            body.put("system", String.join("\n\n", system));
        }
        if (!request.tools().isEmpty()) {
            JsonArray tools = new JsonArray();
            for (ToolSpec tool : request.tools()) {
                tools.add(new JsonObject()
                    .put("name", tool.name())
                    .put("description", tool.description())
                    .put("input_schema", JsonValues.schema(tool)));
            }
            body.put("tools", tools);
        }
        return body;
    }

    private static void addBlocks(Message message, Turn turn) {
        switch (message.role()) {
            case TOOL -> turn.toolResults.add(new JsonObject()
                .put("type", "tool_result")
                .put("tool_use_id", message.toolCallId())
                .put("content", message.text()));
            case ASSISTANT -> {
                addText(message.text(), turn);
                for (ToolCall call : message.toolCalls()) {
                    turn.blocks.add(new JsonObject()
                        .put("type", "tool_use")
                        .put("id", call.id())
                        .put("name", call.name())
                        .put("input", JsonValues.arguments(call.arguments())));
                }
            }
            default -> addText(message.text(), turn);
        }
    }

    private static void addText(String text, Turn turn) {
        if (!text.isEmpty()) {
            turn.blocks.add(new JsonObject().put("type", "text").put("text", text));
        }
    }

    /** One message of the request: a role and its blocks, tool results kept apart because they must come first. */
    private static final class Turn {
        final String role;
        final List<JsonObject> toolResults = new ArrayList<>();
        final List<JsonObject> blocks = new ArrayList<>();

        Turn(String role) {
            this.role = role;
        }

        JsonObject json() {
            JsonArray content = new JsonArray();
            toolResults.forEach(content::add);
            blocks.forEach(content::add);
            if (content.isEmpty()) {
                content.add(new JsonObject().put("type", "text").put("text", "(empty)"));
            }
            return new JsonObject().put("role", role).put("content", content);
        }
    }

    @Override
    ModelReply reply(JsonObject body) {
        try {
            JsonArray content = body.getJsonArray("content");
            if (content == null) {
                throw malformed("no content", body);
            }
            StringBuilder text = new StringBuilder();
            List<ToolCall> calls = new ArrayList<>();
            for (int i = 0; i < content.size(); i++) {
                JsonObject block = content.getJsonObject(i);
                switch (String.valueOf(block.getString("type"))) {
                    case "text" -> {
                        if (!text.isEmpty()) {
                            text.append('\n');
                        }
                        text.append(block.getString("text", ""));
                    }
                    case "tool_use" -> {
                        Object input = block.getValue("input");
                        calls.add(new ToolCall(block.getString("id"), block.getString("name"),
                            input == null ? "{}" : JsonValues.encode(input)));
                    }
                    default -> {
                        // thinking, redacted_thinking, server tool blocks: not part of the agent's reply
                    }
                }
            }
            return new ModelReply(text.toString(), calls, usage(body.getJsonObject("usage")),
                body.getString("stop_reason"), 0);
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw malformed("a field has the wrong type (" + e.getClass().getSimpleName() + ")", body);
        }
    }

    private static Usage usage(JsonObject usage) {
        if (usage == null) {
            return Usage.NONE;
        }
        long cacheRead = JsonValues.count(usage, "cache_read_input_tokens");
        long input = JsonValues.count(usage, "input_tokens") + cacheRead
            + JsonValues.count(usage, "cache_creation_input_tokens");
        return new Usage(input, cacheRead, JsonValues.count(usage, "output_tokens"));
    }

}
