package dev.gauntlet.reports.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headless Chromium (Debian's {@code chromium}) driven over its DevTools protocol with the JDK's WebSocket client:
 * opens a page, clicks with real mouse events, takes screenshots, and collects every console error, uncaught
 * exception, log error and network request the page makes. Closing it kills the browser and its children.
 */
final class Chromium implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern LISTENING = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final Process process;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<JsonNode> events = new CopyOnWriteArrayList<>();

    private Chromium(Process process, WebSocket socket) {
        this.process = process;
        this.socket = socket;
    }

    /** Starts a browser with its profile in {@code profile} and connects to its one page. */
    static Chromium start(Path profile) throws Exception {
        Process process;
        try {
            process = new ProcessBuilder("chromium", "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--no-first-run", "--no-default-browser-check", "--window-size=1280,900", "--remote-debugging-port=0",
                "--user-data-dir=" + profile, "about:blank").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            throw new AssertionError("cannot start chromium (" + e.getMessage() + "): install Debian's chromium package; "
                + "scripts/prepare.sh does, as scripts/test and CI run it", e);
        }
        try {
            String browser = browserUrl(process);
            URI base = URI.create(browser.replaceFirst("^ws://([^/]+)/.*$", "http://$1/"));
            HttpClient http = HttpClient.newHttpClient();
            String pageSocket = null;
            for (long deadline = System.nanoTime() + TIMEOUT.toNanos(); pageSocket == null && System.nanoTime() < deadline; ) {
                JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(base.resolve("json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
                for (JsonNode target : targets) {
                    if (target.path("type").asText().equals("page")) {
                        pageSocket = target.path("webSocketDebuggerUrl").asText();
                    }
                }
                if (pageSocket == null) {
                    Thread.sleep(100);
                }
            }
            if (pageSocket == null) {
                throw new IllegalStateException("chromium opened no page");
            }
            Chromium[] self = new Chromium[1];
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), new WebSocket.Listener() {
                private final StringBuilder message = new StringBuilder();

                @Override
                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                    message.append(data);
                    if (last) {
                        self[0].received(message.toString());
                        message.setLength(0);
                    }
                    ws.request(1);
                    return null;
                }
            }).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            self[0] = new Chromium(process, socket);
            for (String domain : List.of("Runtime", "Log", "Page", "Network")) {
                self[0].send(domain + ".enable", JSON.createObjectNode());
            }
            return self[0];
        } catch (Exception | Error e) {
            kill(process);
            throw e;
        }
    }

    /** Opens {@code file} and waits until it has loaded. */
    void open(Path file) throws Exception {
        events.clear();
        send("Page.navigate", JSON.createObjectNode().put("url", file.toUri().toString()));
        await(e -> e.path("method").asText().equals("Page.loadEventFired"), "the page's load event");
    }

    /** Evaluates {@code expression} in the page and returns its value. */
    JsonNode evaluate(String expression) throws Exception {
        JsonNode result = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression).put("returnByValue", true));
        if (result.has("exceptionDetails")) {
            throw new AssertionError("evaluating " + expression + " threw: " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** Scrolls the first element matching {@code selector} into view and clicks its centre with the mouse. */
    void click(String selector) throws Exception {
        JsonNode centre = evaluate("(() => { const e = document.querySelector(" + JSON.writeValueAsString(selector) + ");"
            + " if (!e) return null; e.scrollIntoView({block: 'center'}); const r = e.getBoundingClientRect();"
            + " return [r.x + r.width / 2, r.y + r.height / 2]; })()");
        if (centre.isNull() || centre.isMissingNode()) {
            throw new AssertionError("nothing on the page matches " + selector);
        }
        for (String type : List.of("mouseMoved", "mousePressed", "mouseReleased")) {
            ObjectNode event = JSON.createObjectNode().put("type", type).put("x", centre.get(0).asDouble()).put("y", centre.get(1).asDouble());
            if (!type.equals("mouseMoved")) {
                event.put("button", "left").put("clickCount", 1);
            }
            send("Input.dispatchMouseEvent", event);
        }
    }

    /** Waits until {@code expression} is true in the page. */
    void waitFor(String expression) throws Exception {
        for (long deadline = System.nanoTime() + TIMEOUT.toNanos(); System.nanoTime() < deadline; Thread.sleep(50)) {
            if (evaluate("!!(" + expression + ")").asBoolean()) {
                return;
            }
        }
        throw new AssertionError("timed out waiting for " + expression);
    }

    /** Saves a PNG of the viewport to {@code file}. */
    void screenshot(Path file) throws Exception {
        JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png"));
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(shot.get("data").asText()));
    }

    /** Console errors and warnings, uncaught exceptions and log entries of level error, as lines. */
    List<String> problems() {
        List<String> problems = new ArrayList<>();
        for (JsonNode e : events) {
            JsonNode p = e.path("params");
            switch (e.path("method").asText()) {
                case "Runtime.exceptionThrown" -> problems.add("exception: " + p.path("exceptionDetails"));
                case "Runtime.consoleAPICalled" -> {
                    String type = p.path("type").asText();
                    if (type.equals("error") || type.equals("warning") || type.equals("assert")) {
                        problems.add("console." + type + ": " + p.path("args"));
                    }
                }
                case "Log.entryAdded" -> {
                    if (p.path("entry").path("level").asText().equals("error")) {
                        problems.add("log: " + p.path("entry").path("text").asText() + " " + p.path("entry").path("url").asText());
                    }
                }
                default -> {
                }
            }
        }
        return problems;
    }

    /** The URLs of every request the page made. */
    List<String> requests() {
        return events.stream().filter(e -> e.path("method").asText().equals("Network.requestWillBeSent"))
            .map(e -> e.path("params").path("request").path("url").asText()).toList();
    }

    @Override
    public void close() {
        socket.abort();
        kill(process);
    }

    private JsonNode send(String method, ObjectNode params) throws Exception {
        int id = ids.incrementAndGet();
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params);
        socket.sendText(JSON.writeValueAsString(message), true).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        JsonNode answer = reply.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        if (answer.has("error")) {
            throw new AssertionError(method + " failed: " + answer.get("error"));
        }
        return answer.path("result");
    }

    private void await(Predicate<JsonNode> event, String what) throws InterruptedException {
        for (long deadline = System.nanoTime() + TIMEOUT.toNanos(); System.nanoTime() < deadline; Thread.sleep(20)) {
            if (events.stream().anyMatch(event)) {
                return;
            }
        }
        throw new AssertionError("timed out waiting for " + what);
    }

    private void received(String text) {
        try {
            JsonNode message = JSON.readTree(text);
            if (message.has("id")) {
                CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
                if (reply != null) {
                    reply.complete(message);
                }
            } else {
                events.add(message);
            }
        } catch (IOException e) {
            throw new IllegalStateException("unreadable DevTools message: " + text, e);
        }
    }

    private static String browserUrl(Process process) throws IOException {
        BufferedReader err = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8));
        StringBuilder seen = new StringBuilder();
        for (String line; (line = err.readLine()) != null; ) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                Thread drain = new Thread(() -> err.lines().forEach(l -> { }), "chromium-stderr");
                drain.setDaemon(true);
                drain.start();
                return m.group(1);
            }
            seen.append(line).append('\n');
        }
        throw new IllegalStateException("chromium exited before opening its DevTools port:\n" + seen);
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
