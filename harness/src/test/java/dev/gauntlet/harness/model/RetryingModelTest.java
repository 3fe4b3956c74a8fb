package dev.gauntlet.harness.model;

import static dev.gauntlet.harness.model.FakeModelServer.await;
import static dev.gauntlet.harness.model.FakeModelServer.dropConnection;
import static dev.gauntlet.harness.model.FakeModelServer.failure;
import static dev.gauntlet.harness.model.FakeModelServer.json;
import static dev.gauntlet.harness.model.FakeModelServer.raw;
import static dev.gauntlet.harness.model.FakeModelServer.slow;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;

import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;




import org.junit.jupiter.api.Test;

class RetryingModelTest extends ModelServerTest<OpenAiClient> {

    static final String KEY = "sk-retry-secret";
    static final RetryingModel.Policy FAST = new RetryingModel.Policy(6, Duration.ofMillis(5), Duration.ofMillis(20));
    static final ModelRequest REQUEST = new ModelRequest(List.of(Message.user("hi")), List.of(), 10);

    @Override
    OpenAiClient newClient() {
        return new OpenAiClient(vertx, "gpt-4o-mini",
            HttpModelSettings.openAi(server.baseUrl(), KEY, Duration.ofMillis(1500), Map.of()));
    }

    static FakeModelServer.Behaviour ok() {
        return json(200, new JsonObject(OpenAiClientTest.TEXT_REPLY));
    }

    static FakeModelServer.Behaviour serverError() {
        return raw(500, "text/plain", "boom", Map.of());
    }

    @Test
    void retriesEachRetryableFailureAndCountsThem() throws Exception {
        server.then(serverError(), dropConnection(), slow(Duration.ofSeconds(4), ok()),
            raw(200, "text/plain", "not json", Map.of()), ok());

        ModelReply reply = await(new RetryingModel(vertx, client, FAST).complete(REQUEST));

        assertThat(reply.text()).isEqualTo("Listing files.");
        assertThat(reply.retries()).isEqualTo(4);
        assertThat(server.received).hasSize(5);
    }

    @Test
    void waitsAtLeastAsLongAsRetryAfter() throws Exception {
        server.then(json(429, new JsonObject("{\"error\": {\"message\": \"rate limited\"}}"), Map.of("Retry-After", "1")),
            ok());

        long start = System.nanoTime();
        ModelReply reply = await(new RetryingModel(vertx, client, FAST).complete(REQUEST));
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(reply.retries()).isEqualTo(1);
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void givesUpAfterMaxRetriesWithTheLastErrorAndTheAttemptCount() throws Exception {
        server.then(serverError());

        ModelException e = (ModelException) failure(new RetryingModel(vertx, client, FAST.withMaxRetries(3)).complete(REQUEST));

        assertThat(server.received).hasSize(4);
        assertThat(e.retryable()).isTrue();
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).startsWith("gave up after 4 attempts").contains("HTTP 500").contains("boom");
    }

    @Test
    void doesNotRetryUnauthorized() throws Exception {
        server.then(json(401, new JsonObject().put("error", new JsonObject().put("message", "bad key " + KEY))), ok());

        ModelException e = (ModelException) failure(new RetryingModel(vertx, client, FAST).complete(REQUEST));

        assertThat(server.received).hasSize(1);
        assertThat(e.retryable()).isFalse();
        assertThat(e.status()).isEqualTo(401);
        assertThat(e.getMessage()).doesNotContain(KEY);
    }

    @Test
    void stopsAtANonRetryableFailureAfterRetries() throws Exception {
        server.then(serverError(), json(403, new JsonObject("{\"error\": {\"message\": \"forbidden\"}}")), ok());

        ModelException e = (ModelException) failure(new RetryingModel(vertx, client, FAST).complete(REQUEST));

        assertThat(server.received).hasSize(2);
        assertThat(e.retryable()).isFalse();
        assertThat(e.getMessage()).startsWith("failed on attempt 2, not retryable").contains("forbidden");
    }

    @Test
    void doesNotRetryFailuresThatAreNotModelExceptions() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ModelClient broken = new ModelClient() {
            public String spec() {
                return "broken/x";
            }

            public String model() {
                return "x";
            }

            public Future<ModelReply> complete(ModelRequest request) {
                calls.incrementAndGet();
                return Future.failedFuture(new IllegalStateException("a bug"));
            }
        };

        RetryingModel retrying = new RetryingModel(vertx, broken, FAST);
        Throwable e = failure(retrying.complete(REQUEST));

        assertThat(e).isInstanceOf(IllegalStateException.class);
        assertThat(calls).hasValue(1);
        assertThat(retrying.spec()).isEqualTo("broken/x");
        assertThat(retrying.model()).isEqualTo("x");
    }

    @Test
    void backoffIsFullJitterUnderAGrowingCappedCeilingAndHonoursRetryAfter() {
        RetryingModel.Policy policy = RetryingModel.Policy.DEFAULT;

        assertThat(policy.maxRetries()).isEqualTo(6);
        assertThat(policy.delay(0, 0.0, null)).isEqualTo(Duration.ZERO);
        assertThat(policy.delay(0, 0.5, null)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.delay(3, 0.5, null)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.delay(10, 0.999, null)).isLessThan(Duration.ofSeconds(60)).isGreaterThan(Duration.ofSeconds(59));
        assertThat(policy.delay(100, 1.0, null)).isEqualTo(Duration.ofSeconds(60));
        assertThat(policy.delay(0, 0.1, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
        assertThat(policy.delay(5, 1.0, Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(32));
    }
}
