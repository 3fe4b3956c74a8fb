package dev.gauntlet.harness.model;

import static dev.gauntlet.harness.model.FakeModelServer.await;
import static dev.gauntlet.harness.model.FakeModelServer.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Pacing requests to a real local HTTP server that counts what it is sent at once, and refuses past a capacity. */
class ModelThrottleTest extends ModelServerTest<OpenAiClient> {

    private final AtomicInteger atOnce = new AtomicInteger();
    private final AtomicInteger mostAtOnce = new AtomicInteger();
    private final List<Long> arrivals = new CopyOnWriteArrayList<>();

    @Override
    OpenAiClient newClient() {
        return new OpenAiClient(vertx, "gpt-4o-mini", HttpModelSettings.openAi(server.baseUrl(), "sk-test", Duration.ofSeconds(10), Map.of()));
    }

    /** Answers after {@code millis}; with more than {@code capacity} requests open, answers 429 at once instead. */
    private FakeModelServer.Behaviour provider(int capacity, long millis) {
        FakeModelServer.Behaviour ok = json(200, new JsonObject(OpenAiClientTest.TEXT_REPLY));
        FakeModelServer.Behaviour refused = json(429, new JsonObject("{\"error\": {\"message\": \"rate limited\"}}"), Map.of("Retry-After", "0"));
        return (v, request) -> {
            arrivals.add(System.nanoTime());
            int open = atOnce.incrementAndGet();
            mostAtOnce.accumulateAndGet(open, Math::max);
            if (open > capacity) {
                atOnce.decrementAndGet();
                refused.handle(v, request);
                return;
            }
            v.setTimer(Math.max(1, millis), id -> {
                atOnce.decrementAndGet();
                ok.handle(v, request);
            });
        };
    }

    private static List<Future<ModelReply>> burst(ModelClient model, int requests) {
        List<Future<ModelReply>> replies = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            replies.add(model.complete(RetryingModelTest.REQUEST));
        }
        return replies;
    }

    @Test
    void neverHasMoreInFlightThanTheQuota() throws Exception {
        server.then(provider(100, 150));
        ModelThrottle throttle = new ModelThrottle(vertx, client, new ModelQuota(2, 0, 0));

        for (Future<ModelReply> reply : burst(throttle, 8)) {
            assertThat(await(reply).text()).isEqualTo("Listing files.");
        }
        assertThat(mostAtOnce.get()).isEqualTo(2);
    }

    @Test
    void a429HalvesTheRequestsInFlightAndSuccessesGrowThemBack() throws Exception {
        server.then(provider(3, 100));
        ModelThrottle throttle = new ModelThrottle(vertx, client, ModelQuota.NONE);
        RetryingModel model = new RetryingModel(vertx, throttle, new RetryingModel.Policy(30, Duration.ofMillis(5), Duration.ofMillis(50)));

        for (Future<ModelReply> reply : burst(model, 24)) {
            assertThat(await(reply).text()).isEqualTo("Listing files.");
        }
        assertThat(throttle.throttled()).as("the provider refused some").isPositive();
        assertThat(throttle.lowestLimit()).as("cut to what the provider takes").isLessThanOrEqualTo(3);
        int lowered = throttle.limit();
        for (int i = 0; i < 20; i++) {
            await(model.complete(RetryingModelTest.REQUEST));
        }
        assertThat(throttle.limit()).as("grows back after successes").isGreaterThan(lowered);
        assertThat(throttle.report()).contains("refused with 429");
    }

    @Test
    void requestsPerMinuteSpaceTheRequests() throws Exception {
        server.then(provider(100, 0));
        ModelThrottle throttle = new ModelThrottle(vertx, client, new ModelQuota(0, 120, 0));

        for (Future<ModelReply> reply : burst(throttle, 6)) {
            await(reply);
        }
        // two at once (one second's worth), then one every 500 ms
        assertThat(Duration.ofNanos(arrivals.getLast() - arrivals.getFirst())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void tokensPerMinuteMakeALargeReplyDelayTheNextRequest() throws Exception {
        server.then(provider(100, 0));
        ModelThrottle throttle = new ModelThrottle(vertx, client, new ModelQuota(0, 0, 6000));

        for (int i = 0; i < 3; i++) {
            await(throttle.complete(RetryingModelTest.REQUEST));
        }
        // 100 tokens a second, 127 per reply: the 2nd waits for the 1st's debt (0.27 s), the 3rd for the 2nd's (1.27 s)
        assertThat(Duration.ofNanos(arrivals.getLast() - arrivals.getFirst())).isGreaterThanOrEqualTo(Duration.ofMillis(1400));
    }
}
