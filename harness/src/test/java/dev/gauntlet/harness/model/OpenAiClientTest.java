package dev.gauntlet.harness.model;

import static dev.gauntlet.harness.model.FakeModelServer.await;
import static dev.gauntlet.harness.model.FakeModelServer.dropConnection;
import static dev.gauntlet.harness.model.FakeModelServer.failure;
import static dev.gauntlet.harness.model.FakeModelServer.json;
import static dev.gauntlet.harness.model.FakeModelServer.raw;
import static dev.gauntlet.harness.model.FakeModelServer.slow;
import static org.assertj.core.api.Assertions.assertThat;


import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;




import org.junit.jupiter.api.Test;

class OpenAiClientTest extends ModelServerTest<OpenAiClient> {

    static final String KEY = "sk-test-0123456789abcdef";
    static final String BASH_SCHEMA = """
        {"type": "object", "properties": {"command": {"type": "string"}}, "required": ["command"]}""";

    static final String TEXT_REPLY = """
        {"id": "chatcmpl-abc", "object": "chat.completion", "created": 1700000000, "model": "gpt-4o-2024-08-06",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "Listing files.", "refusal": null},
                      "logprobs": null, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 120, "completion_tokens": 7, "total_tokens": 127,
                   "prompt_tokens_details": {"cached_tokens": 64, "audio_tokens": 0},
                   "completion_tokens_details": {"reasoning_tokens": 0}}}""";

    static final String TOOL_REPLY = """
        {"id": "chatcmpl-def", "object": "chat.completion", "model": "qwen2.5-coder",
         "choices": [{"index": 0, "finish_reason": "tool_calls",
                      "message": {"role": "assistant", "content": null, "tool_calls": [
                        {"id": "call_1", "type": "function",
                         "function": {"name": "bash", "arguments": "{\\"command\\": \\"ls -la\\"}"}},
                        {"id": "call_2", "type": "function",
                         "function": {"name": "bash", "arguments": "{\\"command\\": \\"cat README\\""}}]}}],
         "usage": {"prompt_tokens": 50, "completion_tokens": 20, "total_tokens": 70}}""";

    @Override
    OpenAiClient newClient() {
        return new OpenAiClient(vertx, "gpt-4o", settings(KEY, Duration.ofSeconds(10)));
    }

    HttpModelSettings settings(String key, Duration timeout) {
        return HttpModelSettings.openAi(server.baseUrl() + "/v1", key, timeout, Map.of());
    }

    static ModelRequest conversation() {
        return new ModelRequest(List.of(
            Message.system("You are a careful engineer."),
            Message.user("List the files."),
            Message.assistant("", List.of(new ToolCall("call_0", "bash", "{\"command\": \"ls\"}"))),
            Message.tool("call_0", "README\nsrc"),
            Message.assistant("Done.", List.of()),
            Message.user("Thanks.")),
            List.of(new ToolSpec("bash", "Runs a shell command.", BASH_SCHEMA)), 1024);
    }

    @Test
    void sendsTheConversationToolsAndKeyAndReadsATextReply() throws Exception {
        server.then(json(200, new JsonObject(TEXT_REPLY)));

        ModelReply reply = await(client.complete(conversation()));

        assertThat(reply.text()).isEqualTo("Listing files.");
        assertThat(reply.toolCalls()).isEmpty();
        assertThat(reply.stopReason()).isEqualTo("stop");
        assertThat(reply.usage()).isEqualTo(new Usage(120, 64, 7));
        assertThat(reply.retries()).isZero();

        FakeModelServer.Received sent = server.request(0);
        assertThat(sent.path()).isEqualTo("/v1/chat/completions");
        assertThat(sent.headers().get("authorization")).isEqualTo("Bearer " + KEY);
        assertThat(sent.headers().get("content-type")).startsWith("application/json");
        JsonObject body = sent.body();
        assertThat(body.getString("model")).isEqualTo("gpt-4o");
        assertThat(body.getInteger("max_tokens")).isEqualTo(1024);
        assertThat(body.containsKey("max_completion_tokens")).isFalse();
        JsonArray messages = body.getJsonArray("messages");
        assertThat(messages.stream().map(m -> ((JsonObject) m).getString("role")))
            .containsExactly("system", "user", "assistant", "tool", "assistant", "user");
        assertThat(messages.getJsonObject(0).getString("content")).isEqualTo("You are a careful engineer.");
        JsonObject call = messages.getJsonObject(2).getJsonArray("tool_calls").getJsonObject(0);
        assertThat(call).isEqualTo(new JsonObject("""
            {"id": "call_0", "type": "function", "function": {"name": "bash", "arguments": "{\\"command\\": \\"ls\\"}"}}"""));
        assertThat(messages.getJsonObject(3)).isEqualTo(new JsonObject("""
            {"role": "tool", "tool_call_id": "call_0", "content": "README\\nsrc"}"""));
        assertThat(messages.getJsonObject(4).containsKey("tool_calls")).isFalse();
        assertThat(body.getJsonArray("tools")).isEqualTo(new JsonArray().add(new JsonObject()
            .put("type", "function")
            .put("function", new JsonObject().put("name", "bash").put("description", "Runs a shell command.")
                .put("parameters", new JsonObject(BASH_SCHEMA)))));
    }

    @Test
    void readsToolCallsKeepingMalformedArgumentsAsWritten() throws Exception {
        server.then(json(200, new JsonObject(TOOL_REPLY)));

        ModelReply reply = await(client.complete(conversation()));

        assertThat(reply.stopReason()).isEqualTo("tool_calls");
        assertThat(reply.text()).isEmpty();
        assertThat(reply.toolCalls()).containsExactly(
            new ToolCall("call_1", "bash", "{\"command\": \"ls -la\"}"),
            new ToolCall("call_2", "bash", "{\"command\": \"cat README\""));
        assertThat(reply.usage()).isEqualTo(new Usage(50, 0, 20));
    }

    @Test
    void sendsNoAuthorizationWithoutAKeyAndNoToolsInTextMode() throws Exception {
        client.close();
        client = new OpenAiClient(vertx, "llama3", settings(null, Duration.ofSeconds(5)));
        server.then(json(200, new JsonObject(TEXT_REPLY)));

        await(client.complete(new ModelRequest(List.of(Message.user("hi")), List.of(), 10)));

        FakeModelServer.Received sent = server.request(0);
        assertThat(sent.headers().contains("authorization")).isFalse();
        assertThat(sent.body().containsKey("tools")).isFalse();
        assertThat(sent.body().getString("model")).isEqualTo("llama3");
    }

    @Test
    void aMissingUsageBlockCostsNothing() throws Exception {
        server.then(json(200, new JsonObject("""
            {"choices": [{"message": {"role": "assistant", "content": "ok"}, "finish_reason": "stop"}]}""")));

        assertThat(await(client.complete(conversation())).usage()).isEqualTo(Usage.NONE);
    }

    @Test
    void rateLimitIsRetryableWithTheServersRetryAfter() throws Exception {
        server.then(json(429, new JsonObject("""
            {"error": {"message": "Rate limit reached for gpt-4o", "type": "requests", "code": "rate_limit_exceeded"}}"""),
            Map.of("Retry-After", "1")));

        ModelException e = (ModelException) failure(client.complete(conversation()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isEqualTo(429);
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(1));
        assertThat(e.getMessage()).contains("HTTP 429").contains("Rate limit reached for gpt-4o");
    }

    @Test
    void serverErrorIsRetryable() throws Exception {
        server.then(raw(500, "text/html", "<html>Internal Server Error</html>", Map.of()));

        ModelException e = (ModelException) failure(client.complete(conversation()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.retryAfter()).isNull();
        assertThat(e.getMessage()).contains("HTTP 500").contains("<html>Internal Server Error</html>");
    }

    @Test
    void droppedConnectionIsRetryable() throws Exception {
        server.then(dropConnection());

        ModelException e = (ModelException) failure(client.complete(conversation()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("no response");
    }

    @Test
    void aReplySlowerThanTheTimeoutIsARetryableTimeout() throws Exception {
        server.then(slow(Duration.ofSeconds(5), json(200, new JsonObject(TEXT_REPLY))));
        client.close();
        client = new OpenAiClient(vertx, "gpt-4o", settings(KEY, Duration.ofMillis(500)));

        ModelException e = (ModelException) failure(client.complete(conversation()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isZero();
        assertThat(e.getMessage()).contains("within 500 ms");
    }

    @Test
    void aSuccessfulStatusWithABodyThatIsNotJsonIsRetryable() throws Exception {
        server.then(raw(200, "text/html", "<html>upstream hiccup</html>", Map.of()));

        ModelException e = (ModelException) failure(client.complete(conversation()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isEqualTo(200);
        assertThat(e.getMessage()).contains("not a JSON object").contains("upstream hiccup");
    }

    @Test
    void aSuccessfulStatusWithoutChoicesIsRetryable() throws Exception {
        server.then(json(200, new JsonObject("{\"id\": \"x\", \"choices\": []}")));

        ModelException e = (ModelException) failure(client.complete(conversation()));

        assertThat(e.retryable()).isTrue();
        assertThat(e.getMessage()).contains("no choices[0]");
    }

    @Test
    void unauthorizedIsNotRetryableAndNeverShowsTheKeyTheServerEchoes() throws Exception {
        server.then(json(401, new JsonObject().put("error", new JsonObject()
            .put("message", "Incorrect API key provided: " + KEY + ". You can find your API key at ...")
            .put("type", "invalid_request_error").put("code", "invalid_api_key"))));

        ModelException e = (ModelException) failure(client.complete(conversation()));

        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).contains("Incorrect API key provided: ***").contains("OPENAI_API_KEY")
            .doesNotContain(KEY);
    }

    @Test
    void otherClientErrorsAreNotRetryable() throws Exception {
        server.then(json(400, new JsonObject("{\"error\": {\"message\": \"context length exceeded\"}}")),
            json(404, new JsonObject("{\"error\": \"model 'gpt-5o' not found\"}")));

        ModelException badRequest = (ModelException) failure(client.complete(conversation()));
        ModelException notFound = (ModelException) failure(client.complete(conversation()));

        assertThat(badRequest.retryable()).isFalse();
        assertThat(badRequest.getMessage()).contains("HTTP 400").contains("context length exceeded");
        assertThat(notFound.retryable()).isFalse();
        assertThat(notFound.getMessage()).contains("HTTP 404").contains("model 'gpt-5o' not found");
    }

    @Test
    void theKeyIsScrubbedFromEveryKindOfErrorBody() throws Exception {
        server.then(raw(500, "text/plain", "proxy saw Authorization: Bearer " + KEY, Map.of()),
            raw(200, "text/plain", "echo " + KEY, Map.of()),
            json(200, new JsonObject().put("choices", new JsonArray()).put("echo", KEY)));

        for (int i = 0; i < 3; i++) {
            Throwable e = failure(client.complete(conversation()));
            assertThat(e.getMessage()).contains("***").doesNotContain(KEY);
            assertThat(String.valueOf(e.getCause())).doesNotContain(KEY);
        }
    }

    @Test
    void aMalformedToolSchemaFailsBeforeSendingAndIsNotRetryable() throws Exception {
        ModelRequest request = new ModelRequest(List.of(Message.user("hi")),
            List.of(new ToolSpec("bash", "Runs a command.", "{not json")), 10);

        ModelException e = (ModelException) failure(client.complete(request));

        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).contains("tool 'bash'");
        assertThat(server.received).isEmpty();
    }
}
