package dev.gauntlet.harness.model;

import io.vertx.core.Future;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real HTTP server on a free port that answers each request with the next scripted behaviour (the last one
 * repeats) and records what it was sent.
 */
final class FakeModelServer implements AutoCloseable {

    /** What the server does with one request. */
    interface Behaviour {
        void handle(Vertx vertx, HttpServerRequest request);
    }

    record Received(String path, MultiMap headers, JsonObject body) {
    }

    private final Vertx vertx;
    private final HttpServer server;
    private final ConcurrentLinkedQueue<Behaviour> script = new ConcurrentLinkedQueue<>();
    private volatile Behaviour last = json(200, new JsonObject());
    final List<Received> received = new CopyOnWriteArrayList<>();

    FakeModelServer(Vertx vertx) throws Exception {
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(request -> request.body().onSuccess(body -> {
            JsonObject json = body.length() == 0 ? null : new JsonObject(body);
            received.add(new Received(request.path(), MultiMap.caseInsensitiveMultiMap().addAll(request.headers()), json));
            Behaviour next = script.poll();
            (next == null ? last : next).handle(vertx, request);
        }));
        await(server.listen(0, "127.0.0.1"));
    }

    /** Answers the coming requests with these behaviours in turn, the last one for every request after. */
    FakeModelServer then(Behaviour... behaviours) {
        script.addAll(List.of(behaviours));
        last = behaviours[behaviours.length - 1];
        return this;
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    Received request(int index) {
        return received.get(index);
    }

    static Behaviour json(int status, JsonObject body) {
        return json(status, body, Map.of());
    }

    static Behaviour json(int status, JsonObject body, Map<String, String> headers) {
        return raw(status, "application/json", body.encode(), headers);
    }

    static Behaviour raw(int status, String contentType, String body, Map<String, String> headers) {
        return (vertx, request) -> {
            var response = request.response().setStatusCode(status).putHeader("content-type", contentType);
            headers.forEach(response::putHeader);
            response.end(body);
        };
    }

    /** Closes the connection without a response. */
    static Behaviour dropConnection() {
        return (vertx, request) -> request.connection().close();
    }

    /** Answers with {@code then}, but only after {@code delay}. */
    static Behaviour slow(Duration delay, Behaviour then) {
        return (vertx, request) -> vertx.setTimer(delay.toMillis(), id -> {
            if (!request.response().closed()) {
                then.handle(vertx, request);
            }
        });
    }

    static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);
    }

    /** The exception a future failed with. */
    static Throwable failure(Future<?> future) throws Exception {
        try {
            await(future);
        } catch (java.util.concurrent.ExecutionException e) {
            return e.getCause();
        }
        throw new AssertionError("expected the future to fail");
    }

    @Override
    public void close() throws Exception {
        await(server.close());
    }
}
