package dev.gauntlet.harness.model;

import io.vertx.core.Vertx;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A model behind an OpenAI-compatible chat completions endpoint ({@code POST {base}/chat/completions}): OpenAI
 * itself, or vLLM, Ollama, OpenRouter, LiteLLM and the like. It sends only fields those servers share; without
 * an API key it sends no {@code Authorization} header.
 *
 * <p>The output limit goes in {@code max_completion_tokens} for {@code api.openai.com} (its newer models reject
 * {@code max_tokens}) and in {@code max_tokens} everywhere else.
 *
 * <p>Errors are classified as {@link JsonEndpoint} describes; a 2xx reply without {@code choices[0].message} is a
 * retryable {@link ModelException} (a proxy's hiccup rather than the model's answer). Tool call ids missing from a
 * reply (some local servers omit them) are made up as {@code call_N}.
 */
public final class OpenAiClient extends HttpModelClient {

    private final boolean maxCompletionTokens;

    /** A client for {@code model}, with spec {@code openai/MODEL}. */
    public OpenAiClient(Vertx vertx, String model, HttpModelSettings settings) {
        this(vertx, "openai/" + model, model, settings);
    }

    /**
     * @param spec  what {@link #spec()} answers, e.g. {@code openai/gpt-4o}
     * @param model the model name sent to the server and used for prices
     */
    public OpenAiClient(Vertx vertx, String spec, String model, HttpModelSettings settings) {
        super(spec, model, new JsonEndpoint(vertx, "OpenAI-compatible API", "/chat/completions", headers(settings), settings,
            "OPENAI_API_KEY", Clock.systemUTC()));
        this.maxCompletionTokens = "api.openai.com".equalsIgnoreCase(URI.create(settings.baseUrl()).getHost());
    }

    private static Map<String, String> headers(HttpModelSettings settings) {
        Map<String, String> headers = new HashMap<>();
        if (settings.apiKey() != null) {
            headers.put("authorization", "Bearer " + settings.apiKey());
        }
        return headers;
    }

    @Override
    JsonObject body(ModelRequest request) {
        JsonArray messages = new JsonArray();
        for (Message message : request.messages()) {
            messages.add(message(message));
        }
        JsonObject body = new JsonObject()
            .put("model", model())
            .put("messages", messages)
            .put(maxCompletionTokens ? "max_completion_tokens" : "max_tokens", request.maxOutputTokens());
        if (!request.tools().isEmpty()) {
            JsonArray tools = new JsonArray();
            for (ToolSpec tool : request.tools()) {
                tools.add(new JsonObject().put("type", "function").put("function", new JsonObject()
                    .put("name", tool.name())
                    .put("description", tool.description())
                    .put("parameters", JsonValues.schema(tool))));
            }
            body.put("tools", tools);
        }
        return body;
    }

    private static JsonObject message(Message message) {
        JsonObject json = new JsonObject().put("role", message.role().name().toLowerCase(Locale.ROOT));
        switch (message.role()) {
            case ASSISTANT -> {
                if (message.toolCalls().isEmpty()) {
                    json.put("content", message.text());
                } else {
                    // OpenAI's own replies carry content null beside tool calls; echo that shape back.
                    json.put("content", message.text().isEmpty() ? null : message.text());
                    JsonArray calls = new JsonArray();
                    for (ToolCall call : message.toolCalls()) {
                        calls.add(new JsonObject().put("id", call.id()).put("type", "function").put("function",
                            new JsonObject().put("name", call.name()).put("arguments", call.arguments())));
                    }
                    json.put("tool_calls", calls);
                }
            }
            case TOOL -> json.put("tool_call_id", message.toolCallId()).put("content", message.text());
            default -> json.put("content", message.text());
        }
        return json;
    }

    @Override
    ModelReply reply(JsonObject body) {
        try {
            JsonArray choices = body.getJsonArray("choices");
            if (choices == null || choices.isEmpty() || !(choices.getValue(0) instanceof JsonObject choice)) {
                throw malformed("no choices[0]", body);
            }
            JsonObject message = choice.getJsonObject("message");
            if (message == null) {
                throw malformed("no choices[0].message", body);
            }
            return new ModelReply(content(message.getValue("content")), toolCalls(message.getJsonArray("tool_calls")),
                usage(body.getJsonObject("usage")), choice.getString("finish_reason"), 0);
        } catch (ClassCastException | IllegalArgumentException | NullPointerException e) {
            throw malformed("a field has the wrong type (" + e.getClass().getSimpleName() + ")", body);
        }
    }

    private static String content(Object content) {
        if (content instanceof String text) {
            return text;
        }
        if (content instanceof JsonArray parts) {
            // Some servers answer with content parts: [{"type": "text", "text": "..."}].
            StringBuilder text = new StringBuilder();
            for (Object part : parts) {
                if (part instanceof JsonObject object && object.getValue("text") instanceof String s) {
                    text.append(s);
                }
            }
            return text.toString();
        }
        return "";
    }

    private static List<ToolCall> toolCalls(JsonArray calls) {
        List<ToolCall> result = new ArrayList<>();
        if (calls == null) {
            return result;
        }
        for (int i = 0; i < calls.size(); i++) {
            JsonObject call = calls.getJsonObject(i);
            JsonObject function = call.getJsonObject("function");
            String id = call.getString("id");
            Object arguments = function.getValue("arguments");
            result.add(new ToolCall(id == null || id.isEmpty() ? "call_" + i : id, function.getString("name"),
                arguments instanceof String text ? text : arguments == null ? "" : JsonValues.encode(arguments)));
        }
        return result;
    }

    private static Usage usage(JsonObject usage) {
        if (usage == null) {
            return Usage.NONE;
        }
        long input = JsonValues.count(usage, "prompt_tokens");
        long output = JsonValues.count(usage, "completion_tokens");
        JsonObject details = usage.getJsonObject("prompt_tokens_details");
        long cached = details == null ? 0 : JsonValues.count(details, "cached_tokens");
        return new Usage(input, Math.min(cached, input), output);
    }

}
