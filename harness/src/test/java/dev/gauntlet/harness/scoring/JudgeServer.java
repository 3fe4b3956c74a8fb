package dev.gauntlet.harness.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A judge model on a local port, speaking OpenAI chat completions: it grades C when the answer to grade contains the
 * reference answer, else I, explaining which, and keeps every prompt it was sent.
 */
final class JudgeServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern SECTIONS = Pattern.compile("\\[Reference answer]\\n(.*?)\\n\\n\\[Answer to grade]\\n(.*?)\\n\\n\\[Rubric]", Pattern.DOTALL);

    private final HttpServer server;
    final List<String> prompts = java.util.Collections.synchronizedList(new ArrayList<>());

    JudgeServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/v1/chat/completions", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    private void handle(HttpExchange exchange) throws IOException {
        JsonNode body = JSON.readTree(exchange.getRequestBody());
        String prompt = body.path("messages").path(0).path("content").asText();
        prompts.add(prompt);
        Matcher m = SECTIONS.matcher(prompt);
        String text;
        if (!m.find()) {
            text = "I cannot find the sections.";
        } else if (m.group(2).contains(m.group(1).strip())) {
            text = "The answer contains the reference '" + m.group(1).strip() + "'.\nGRADE: C";
        } else {
            text = "The answer lacks the reference '" + m.group(1).strip() + "'.\nGRADE: I";
        }
        ObjectNode reply = JSON.createObjectNode();
        reply.put("id", "chatcmpl-judge").put("object", "chat.completion").put("model", "judge-1");
        ObjectNode choice = reply.putArray("choices").addObject();
        choice.put("index", 0).put("finish_reason", "stop");
        choice.putObject("message").put("role", "assistant").put("content", text);
        reply.putObject("usage").put("prompt_tokens", 50).put("completion_tokens", 10).put("total_tokens", 60);
        byte[] bytes = reply.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, bytes.length);
        try (var out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
