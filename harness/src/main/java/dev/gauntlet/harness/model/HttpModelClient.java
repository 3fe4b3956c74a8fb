package dev.gauntlet.harness.model;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.util.Objects;

/**
 * What the HTTP model clients share: a spec, a model name and a {@link JsonEndpoint}; a request body is built,
 * posted, and the reply parsed. A body that cannot be built (a malformed tool schema) fails before anything is
 * sent, and is not retryable.
 */
abstract class HttpModelClient implements ModelClient {

    private final String spec;
    private final String model;
    private final JsonEndpoint endpoint;

    HttpModelClient(String spec, String model, JsonEndpoint endpoint) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.model = Objects.requireNonNull(model, "model");
        this.endpoint = endpoint;
    }

    @Override
    public final String spec() {
        return spec;
    }

    @Override
    public final String model() {
        return model;
    }

    @Override
    public final Future<ModelReply> complete(ModelRequest request) {
        JsonObject body;
        try {
            body = body(request);
        } catch (IllegalArgumentException e) {
            return Future.failedFuture(new ModelException(e.getMessage(), false, 0, null, null));
        }
        return endpoint.post(body).map(this::reply);
    }

    /** A retryable failure for a 2xx reply that is not what the API promises. */
    final ModelException malformed(String what, JsonObject body) {
        return endpoint.malformed(what, body);
    }

    /** The request body in the provider's wire format. */
    abstract JsonObject body(ModelRequest request);

    /** The reply parsed from the provider's response body. */
    abstract ModelReply reply(JsonObject body);

    @Override
    public final void close() {
        endpoint.close();
    }
}
