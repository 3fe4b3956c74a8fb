package dev.gauntlet.harness.model;

import static dev.gauntlet.harness.model.FakeModelServer.await;
import static dev.gauntlet.harness.model.FakeModelServer.dropConnection;
import static dev.gauntlet.harness.model.FakeModelServer.failure;
import static dev.gauntlet.harness.model.FakeModelServer.json;
import static dev.gauntlet.harness.model.FakeModelServer.raw;
import static dev.gauntlet.harness.model.FakeModelServer.slow;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;




import org.junit.jupiter.api.Test;

class AnthropicClientTest extends ModelServerTest<AnthropicClient> {

    static final String KEY = "sk-ant-api03-secret-key-value";
    static final String BASH_SCHEMA = """
        {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]}""";

    static final String TOOL_REPLY = """
        {"id": "msg_01", "type": "message", "role": "assistant", "model": "claude-sonnet-4-5-20250929",
         "content": [{"type": "thinking", "thinking": "hmm", "signature": "abc"},
                     {"type": "text", "text": "I'll look."},
                     {"type": "tool_use", "id": "toolu_01", "name": "bash", "input": {"command": "ls -la"}}],
         "stop_reason": "tool_use", "stop_sequence": null,
         "usage": {"input_tokens": 30, "cache_creation_input_tokens": 100, "cache_read_input_tokens": 2000,
                   "output_tokens": 45}}""";

    static final String TEXT_REPLY = """
        {"id": "msg_02", "type": "message", "role": "assistant", "model": "claude-haiku-4-5",
         "content": [{"type": "text", "text": "All done."}],
         "stop_reason": "end_turn", "stop_sequence": null,
         "usage": {"input_tokens": 12, "output_tokens": 3}}""";

    @Override
    AnthropicClient newClient() {
        return client(Duration.ofSeconds(10));
    }

    AnthropicClient client(Duration timeout) {
        return new AnthropicClient(vertx, "claude-sonnet-4-5",
            HttpModelSettings.anthropic(server.baseUrl(), KEY, timeout, Map.of()));
    }

    @Test
    void sendsSystemOnTopAndToolResultsMergedIntoOneUserMessage() throws Exception {
        server.then(json(200, new JsonObject(TEXT_REPLY)));
        ModelRequest request = new ModelRequest(List.of(
            Message.system("You are a careful engineer."),
            Message.user("List the files."),
            Message.assistant("Let me look.", List.of(
                new ToolCall("toolu_a", "bash", "{\"command\": \"ls\"}"),
                new ToolCall("toolu_b", "bash", "{\"command\": \"cat"))),
            Message.tool("toolu_a", "README"),
            Message.tool("toolu_b", "error: malformed arguments"),
            Message.user("And now?")),
            List.of(new ToolSpec("bash", "Runs a shell command.", BASH_SCHEMA)), 2048);

        await(client.complete(request));

        FakeModelServer.Received sent = server.request(0);
        assertThat(sent.path()).isEqualTo("/v1/messages");
        assertThat(sent.headers().get("x-api-key")).isEqualTo(KEY);
        assertThat(sent.headers().get("anthropic-version")).isEqualTo("2023-06-01");
        assertThat(sent.headers().contains("authorization")).isFalse();
        JsonObject body = sent.body();
        assertThat(body.getString("model")).isEqualTo("claude-sonnet-4-5");
        assertThat(body.getInteger("max_tokens")).isEqualTo(2048);
        assertThat(body.getString("system")).isEqualTo("You are a careful engineer.");
        assertThat(body.getJsonArray("tools")).isEqualTo(new JsonArray().add(new JsonObject()
            .put("name", "bash").put("description", "Runs a shell command.")
            .put("input_schema", new JsonObject(BASH_SCHEMA))));
        assertThat(body.getJsonArray("messages")).isEqualTo(new JsonArray("""
            [{"role": "user", "content": [{"type": "text", "text": "List the files."}]},
             {"role": "assistant", "content": [
               {"type": "text", "text": "Let me look."},
               {"type": "tool_use", "id": "toolu_a", "name": "bash", "input": {"command": "ls"}},
               {"type": "tool_use", "id": "toolu_b", "name": "bash", "input": {"_raw": "{\\"command\\": \\"cat"}}]},
             {"role": "user", "content": [
               {"type": "tool_result", "tool_use_id": "toolu_a", "content": "README"},
               {"type": "tool_result", "tool_use_id": "toolu_b", "content": "error: malformed arguments"},
               {"type": "text", "text": "And now?"}]}]"""));
    }

    @Test
    void mergesConsecutiveMessagesOfOneRoleAndPutsToolResultsFirst() throws Exception {
        server.then(json(200, new JsonObject(TEXT_REPLY)));
        ModelRequest request = new ModelRequest(List.of(
            Message.system("Rule one."),
            Message.user("First."),
            Message.user("Second."),
            Message.assistant("", List.of(new ToolCall("t1", "bash", ""))),
            Message.user("A note before the result."),
            Message.tool("t1", "out"),
            Message.system("Rule two.")),
            List.of(), 100);

        await(client.complete(request));

        JsonObject body = server.request(0).body();
        assertThat(body.getString("system")).isEqualTo("Rule one.\n\nRule two.");
        assertThat(body.containsKey("tools")).isFalse();
        assertThat(body.getJsonArray("messages")).isEqualTo(new JsonArray("""
            [{"role": "user", "content": [{"type": "text", "text": "First."}, {"type": "text", "text": "Second."}]},
             {"role": "assistant", "content": [{"type": "tool_use", "id": "t1", "name": "bash", "input": {}}]},
             {"role": "user", "content": [
               {"type": "tool_result", "tool_use_id": "t1", "content": "out"},
               {"type": "text", "text": "A note before the result."}]}]"""));
    }

    @Test
    void readsTextToolUseStopReasonAndUsageWithCacheTokens() throws Exception {
        server.then(json(200, new JsonObject(TOOL_REPLY)));

        ModelReply reply = await(client.complete(new ModelRequest(List.of(Message.user("hi")), List.of(), 10)));

        assertThat(reply.text()).isEqualTo("I'll look.");
        assertThat(reply.toolCalls()).hasSize(1);
        ToolCall call = reply.toolCalls().getFirst();
        assertThat(call.id()).isEqualTo("toolu_01");
        assertThat(call.name()).isEqualTo("bash");
        assertThat(new JsonObject(call.arguments())).isEqualTo(new JsonObject().put("command", "ls -la"));
        assertThat(reply.stopReason()).isEqualTo("tool_use");
        assertThat(reply.usage()).isEqualTo(new Usage(30 + 2000 + 100, 2000, 45));
    }

    @Test
    void readsAPlainTextReply() throws Exception {
        server.then(json(200, new JsonObject(TEXT_REPLY)));

        ModelReply reply = await(client.complete(new ModelRequest(List.of(Message.user("hi")), List.of(), 10)));

        assertThat(reply.text()).isEqualTo("All done.");
        assertThat(reply.toolCalls()).isEmpty();
        assertThat(reply.stopReason()).isEqualTo("end_turn");
        assertThat(reply.usage()).isEqualTo(new Usage(12, 0, 3));
    }

    @Test
    void classifiesFailures() throws Exception {
        server.then(
            json(529, new JsonObject("{\"type\": \"error\", \"error\": {\"type\": \"overloaded_error\", \"message\": \"Overloaded\"}}")),
            json(429, new JsonObject("{\"type\": \"error\", \"error\": {\"type\": \"rate_limit_error\", \"message\": \"slow down\"}}"),
                Map.of("retry-after", "7")),
            dropConnection(),
            slow(Duration.ofSeconds(5), json(200, new JsonObject(TEXT_REPLY))),
            raw(200, "application/json", "{\"truncated\": ", Map.of()),
            json(400, new JsonObject("{\"type\": \"error\", \"error\": {\"type\": \"invalid_request_error\", \"message\": \"messages: roles must alternate\"}}")));
        ModelRequest request = new ModelRequest(List.of(Message.user("hi")), List.of(), 10);
        AnthropicClient quick = client(Duration.ofMillis(500));

        ModelException overloaded = (ModelException) failure(client.complete(request));
        ModelException limited = (ModelException) failure(client.complete(request));
        ModelException dropped = (ModelException) failure(client.complete(request));
        ModelException slow = (ModelException) failure(quick.complete(request));
        quick.close();
        ModelException garbled = (ModelException) failure(client.complete(request));
        ModelException invalid = (ModelException) failure(client.complete(request));

        assertThat(overloaded.retryable()).isTrue();
        assertThat(overloaded.getMessage()).contains("HTTP 529").contains("Overloaded");
        assertThat(limited.retryable()).isTrue();
        assertThat(limited.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(limited.getMessage()).contains("slow down");
        assertThat(dropped.retryable()).isTrue();
        assertThat(dropped.status()).isZero();
        assertThat(slow.retryable()).isTrue();
        assertThat(slow.getMessage()).contains("within 500 ms");
        assertThat(garbled.retryable()).isTrue();
        assertThat(garbled.status()).isEqualTo(200);
        assertThat(invalid.retryable()).isFalse();
        assertThat(invalid.getMessage()).contains("HTTP 400").contains("roles must alternate");
    }

    @Test
    void unauthorizedIsNotRetryableAndTheEchoedKeyIsScrubbed() throws Exception {
        server.then(json(401, new JsonObject().put("type", "error").put("error", new JsonObject()
            .put("type", "authentication_error").put("message", "invalid x-api-key " + KEY))));

        ModelException e = (ModelException) failure(client.complete(
            new ModelRequest(List.of(Message.user("hi")), List.of(), 10)));

        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("invalid x-api-key ***").contains("ANTHROPIC_API_KEY").doesNotContain(KEY);
    }

    @Test
    void aMissingKeyIsAClearError() {
        assertThatThrownBy(() -> HttpModelSettings.anthropic(Map.of("OPENAI_API_KEY", "sk-x")))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANTHROPIC_API_KEY");
        HttpModelSettings keyless = HttpModelSettings.openAi(Map.of()).withBaseUrl(server.baseUrl());
        assertThatThrownBy(() -> new AnthropicClient(vertx, "claude-haiku-4-5", keyless))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ANTHROPIC_API_KEY");
    }
}
