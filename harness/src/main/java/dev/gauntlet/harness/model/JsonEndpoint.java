package dev.gauntlet.harness.model;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.PoolOptions;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * POSTs JSON to one URL of a model API and classifies what goes wrong, for {@link OpenAiClient} and
 * {@link AnthropicClient}. Every message it makes has the API key scrubbed out.
 *
 * <p>Classification: HTTP 408, 429 and 5xx, a connection refused, reset or closed, and a timeout are retryable;
 * other 4xx, an unknown host and a TLS failure are not. A 2xx body that is not a JSON object, or that carries an
 * {@code error} instead of a reply, is retryable: it is usually a proxy's or gateway's hiccup.
 */
final class JsonEndpoint implements AutoCloseable {

    private static final int BODY_EXCERPT = 500;

    private final Vertx vertx;
    private final WebClient client;
    private final String provider;
    private final String url;
    private final Map<String, String> headers;
    private final HttpModelSettings settings;
    private final String keyVariable;
    private final Clock clock;

    /**
     * @param provider    how messages name the API, e.g. {@code OpenAI}
     * @param path        appended to the settings' base URL
     * @param headers     sent with every request (credentials included)
     * @param keyVariable the environment variable a 401 or 403 message points at
     */
    JsonEndpoint(Vertx vertx, String provider, String path, Map<String, String> headers, HttpModelSettings settings,
                 String keyVariable, Clock clock) {
        this.vertx = vertx;
        this.provider = provider;
        this.url = settings.baseUrl() + path;
        this.headers = Map.copyOf(headers);
        this.settings = settings;
        this.keyVariable = keyVariable;
        this.clock = clock;
        WebClientOptions options = new WebClientOptions()
            .setUserAgent("gauntlet")
            .setDecompressionSupported(true)
            .setConnectTimeout((int) Math.min(Integer.MAX_VALUE, settings.timeout().toMillis()));
        this.client = WebClient.create(vertx, options, new PoolOptions().setHttp1MaxSize(settings.maxConnections()));
    }

    String url() {
        return url;
    }

    /**
     * Sends {@code body} and answers with the reply's JSON object when the status is 2xx; otherwise fails with a
     * classified {@link ModelException}. The whole exchange must finish within the settings' timeout.
     */
    Future<JsonObject> post(JsonObject body) {
        long timeoutMs = settings.timeout().toMillis();
        Promise<JsonObject> promise = Promise.promise();
        HttpRequest<Buffer> request;
        try {
            request = client.postAbs(url).timeout(timeoutMs);
        } catch (RuntimeException e) {
            return Future.failedFuture(error("bad URL: " + e.getMessage(), false, 0, null, null));
        }
        headers.forEach(request::putHeader);
        request.putHeader("content-type", "application/json").putHeader("accept", "application/json");
        // The request's own timeout is an idle timeout; this one bounds the whole exchange.
        long timer = vertx.setTimer(timeoutMs, id -> promise.tryFail(timedOut(null)));
        request.sendBuffer(body.toBuffer()).onComplete(result -> {
            vertx.cancelTimer(timer);
            if (result.failed()) {
                promise.tryFail(transportFailure(result.cause()));
                return;
            }
            try {
                promise.tryComplete(read(result.result()));
            } catch (ModelException e) {
                promise.tryFail(e);
            }
        });
        return promise.future();
    }

    /** A retryable failure for a 2xx reply that lacks what a reply must have. */
    ModelException malformed(String what, JsonObject body) {
        return error("HTTP 200 but " + what + ": " + excerpt(body.encode()), true, 200, null, null);
    }

    private JsonObject read(HttpResponse<Buffer> response) {
        int status = response.statusCode();
        Buffer raw = response.body();
        String text = raw == null ? "" : raw.toString();
        if (status >= 200 && status < 300) {
            JsonObject json = parseObject(text);
            if (json == null) {
                throw error("HTTP " + status + " but the body is not a JSON object: " + excerpt(text), true, status,
                    null, null);
            }
            if (json.getValue("error") != null) {
                throw error("HTTP " + status + " with an error instead of a reply: " + serverMessage(text), true, status,
                    null, null);
            }
            return json;
        }
        boolean retryable = status == 408 || status == 429 || status >= 500;
        Duration retryAfter = RetryAfter.parse(response.getHeader("retry-after-ms"), response.getHeader("retry-after"),
            clock.instant());
        String hint = status == 401 || status == 403 ? " (check the API key in " + keyVariable + ")" : "";
        throw error("HTTP " + status + hint + ": " + serverMessage(text), retryable, status, retryAfter, null);
    }

    private ModelException transportFailure(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t.getClass().getSimpleName().contains("Timeout")) {
                return timedOut(cause);
            }
            if (t instanceof UnknownHostException) {
                return error("unknown host; check the base URL: " + t.getMessage(), false, 0, null, cause);
            }
            if (t instanceof SSLException) {
                return error("TLS failure: " + t.getMessage(), false, 0, null, cause);
            }
        }
        return error("no response: " + describe(cause), true, 0, null, cause);
    }

    private ModelException timedOut(Throwable cause) {
        return error("no complete response within " + settings.timeout().toMillis() + " ms", true, 0, null, cause);
    }

    private ModelException error(String what, boolean retryable, int status, Duration retryAfter, Throwable cause) {
        String message = settings.scrub(provider + " POST " + url + ": " + what);
        return new ModelException(message, retryable, status, retryAfter, cause);
    }

    /** The server's own words: {@code error.message} (or a string {@code error}, or {@code message}), else an excerpt. */
    private static String serverMessage(String body) {
        JsonObject json = parseObject(body);
        if (json != null) {
            Object error = json.getValue("error");
            if (error instanceof JsonObject object && object.getValue("message") instanceof String message) {
                return excerpt(message);
            }
            if (error instanceof String message) {
                return excerpt(message);
            }
            if (json.getValue("message") instanceof String message) {
                return excerpt(message);
            }
        }
        return body.isBlank() ? "(empty body)" : excerpt(body);
    }

    private static JsonObject parseObject(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new JsonObject(text);
        } catch (DecodeException | ClassCastException e) {
            return null;
        }
    }

    private static String excerpt(String text) {
        return text.length() <= BODY_EXCERPT ? text : text.substring(0, BODY_EXCERPT) + "...";
    }

    private static String describe(Throwable t) {
        String message = t.getMessage();
        return t.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    }

    @Override
    public void close() {
        client.close();
    }
}
