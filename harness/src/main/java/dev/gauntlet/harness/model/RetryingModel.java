package dev.gauntlet.harness.model;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * The one place model requests are retried. It asks its delegate again when the delegate fails with a
 * {@linkplain ModelException#retryable() retryable} {@link ModelException}, up to {@link Policy#maxRetries()}
 * times, waiting between attempts with exponential backoff and full jitter (a random wait between zero and
 * {@code min(maxDelay, baseDelay * 2^retry)}), and at least as long as the server's {@code Retry-After}. It waits
 * on Vert.x timers and never blocks a thread.
 *
 * <p>A reply carries in {@link ModelReply#retries()} how many attempts failed before it. A failure that is not
 * retryable, or not a {@link ModelException}, ends the request at once; when the retries run out, the request
 * fails with a {@link ModelException} like the last one whose message says how many attempts were made.
 */
public final class RetryingModel implements ModelClient {

    /**
     * How hard to try.
     *
     * @param maxRetries most retries after the first attempt (0: no retry)
     * @param baseDelay  the backoff's ceiling for the first retry, doubled for each further one
     * @param maxDelay   the most the backoff's ceiling grows to (a server's {@code Retry-After} may ask for more)
     */
    public record Policy(int maxRetries, Duration baseDelay, Duration maxDelay) {

        public static final int DEFAULT_MAX_RETRIES = 6;
        public static final Duration DEFAULT_BASE_DELAY = Duration.ofSeconds(1);
        public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(60);
        public static final Policy DEFAULT = new Policy(DEFAULT_MAX_RETRIES, DEFAULT_BASE_DELAY, DEFAULT_MAX_DELAY);

        public Policy {
            if (maxRetries < 0) {
                throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
            }
            Objects.requireNonNull(baseDelay, "baseDelay");
            Objects.requireNonNull(maxDelay, "maxDelay");
            if (baseDelay.isNegative() || maxDelay.isNegative()) {
                throw new IllegalArgumentException("delays must not be negative, got " + baseDelay + " and " + maxDelay);
            }
        }

        public Policy withMaxRetries(int value) {
            return new Policy(value, baseDelay, maxDelay);
        }

        public Policy withBaseDelay(Duration value) {
            return new Policy(maxRetries, value, maxDelay);
        }

        public Policy withMaxDelay(Duration value) {
            return new Policy(maxRetries, baseDelay, value);
        }

        /**
         * The wait before retry number {@code retry} (0 for the first).
         *
         * @param random     a number in [0, 1) that picks the point within the backoff window
         * @param retryAfter the server's {@code Retry-After}, or null
         */
        public Duration delay(int retry, double random, Duration retryAfter) {
            double ceiling = Math.min(maxDelay.toMillis(), baseDelay.toMillis() * Math.pow(2, Math.min(retry, 40)));
            long millis = (long) (ceiling * random);
            if (retryAfter != null) {
                millis = Math.max(millis, retryAfter.toMillis());
            }
            return Duration.ofMillis(millis);
        }
    }

    private final Vertx vertx;
    private final ModelClient delegate;
    private final Policy policy;
    private final DoubleSupplier random;

    public RetryingModel(Vertx vertx, ModelClient delegate) {
        this(vertx, delegate, Policy.DEFAULT);
    }

    /** The default policy with {@code maxRetries} retries. */
    public RetryingModel(Vertx vertx, ModelClient delegate, int maxRetries) {
        this(vertx, delegate, Policy.DEFAULT.withMaxRetries(maxRetries));
    }

    public RetryingModel(Vertx vertx, ModelClient delegate, Policy policy) {
        this(vertx, delegate, policy, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** @param random numbers in [0, 1) for the jitter */
    public RetryingModel(Vertx vertx, ModelClient delegate, Policy policy, DoubleSupplier random) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.policy = Objects.requireNonNull(policy, "policy");
        this.random = Objects.requireNonNull(random, "random");
    }

    @Override
    public String spec() {
        return delegate.spec();
    }

    @Override
    public String model() {
        return delegate.model();
    }

    @Override
    public Future<ModelReply> complete(ModelRequest request) {
        Promise<ModelReply> promise = Promise.promise();
        attempt(request, 0, promise);
        return promise.future();
    }

    private void attempt(ModelRequest request, int failures, Promise<ModelReply> promise) {
        Future<ModelReply> reply;
        try {
            reply = delegate.complete(request);
        } catch (RuntimeException e) {
            reply = Future.failedFuture(e);
        }
        reply.onComplete(result -> {
            if (result.succeeded()) {
                promise.complete(result.result().withRetries(failures));
                return;
            }
            if (!(result.cause() instanceof ModelException error)) {
                promise.fail(result.cause());
                return;
            }
            int attempts = failures + 1;
            if (!error.retryable()) {
                promise.fail(failures == 0 ? error : annotated(error, "failed on attempt " + attempts + ", not retryable"));
            } else if (failures >= policy.maxRetries()) {
                promise.fail(annotated(error, "gave up after " + attempts + (attempts == 1 ? " attempt" : " attempts")));
            } else {
                long delay = Math.max(1, policy.delay(failures, random.getAsDouble(), error.retryAfter()).toMillis());
                vertx.setTimer(delay, id -> attempt(request, attempts, promise));
            }
        });
    }

    private static ModelException annotated(ModelException error, String what) {
        return new ModelException(what + ": " + error.getMessage(), error.retryable(), error.status(),
            error.retryAfter(), error);
    }

    @Override
    public void close() {
        delegate.close();
    }
}
