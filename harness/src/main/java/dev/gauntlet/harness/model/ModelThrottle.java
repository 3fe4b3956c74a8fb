package dev.gauntlet.harness.model;

import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;

/**
 * Paces the requests of every trial to one model: at most {@link ModelQuota#concurrency()} in flight, requests and
 * tokens per minute from token buckets (a request reserves the mean tokens of the replies so far, and the difference
 * is settled when its reply arrives, so a large one delays the next), and concurrency that adapts to the provider: a 429 halves the requests allowed in flight (once per round:
 * only a request sent after the last cut can cut again), and every {@code limit} successful replies in a row let one more in, up to the quota. Requests wait in
 * a queue, on Vert.x timers; no thread is held. Sits under {@link RetryingModel}, so every retry is paced too.
 */
public final class ModelThrottle implements ModelClient {

    private record Pending(ModelRequest request, Promise<ModelReply> promise) {
    }

    private record Started(Pending pending, double reserved, long sequence) {
    }

    private final Vertx vertx;
    private final ModelClient delegate;
    private final int maxLimit;
    private final TokenBucket requests;
    private final TokenBucket tokens;
    private final Deque<Pending> queue = new ArrayDeque<>();
    // Guarded by this.
    private int limit;
    private int inFlight;
    private int successesInARow;
    private long sent;
    private long cutBarrier;
    private boolean timerSet;
    private int throttled;
    private int lowestLimit = Integer.MAX_VALUE;
    private long replies;
    private long repliedTokens;

    public ModelThrottle(Vertx vertx, ModelClient delegate, ModelQuota quota) {
        this.vertx = Objects.requireNonNull(vertx, "vertx");
        this.delegate = Objects.requireNonNull(delegate, "delegate");
        this.maxLimit = quota.concurrency() > 0 ? quota.concurrency() : Integer.MAX_VALUE;
        this.limit = maxLimit;
        this.requests = TokenBucket.perMinute(quota.requestsPerMinute());
        this.tokens = TokenBucket.perMinute(quota.tokensPerMinute());
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
        synchronized (this) {
            queue.add(new Pending(request, promise));
        }
        drain();
        return promise.future();
    }

    /** How many replies were 429s, and the lowest number of requests in flight that was allowed since. */
    public synchronized String report() {
        return throttled == 0 ? "" : throttled + " request(s) were refused with 429; requests in flight were cut to as few as "
            + lowestLimit + " and grew back to " + (limit == Integer.MAX_VALUE ? "no limit" : limit);
    }

    synchronized int limit() {
        return limit;
    }

    synchronized int throttled() {
        return throttled;
    }

    synchronized int lowestLimit() {
        return lowestLimit;
    }

    private void drain() {
        List<Started> start = new ArrayList<>();
        synchronized (this) {
            long now = System.currentTimeMillis();
            while (!queue.isEmpty() && inFlight < limit && requests.allows(now, 1) && tokens.allows(now, 0)) {
                double reserved = estimate();
                requests.take(1);
                tokens.take(reserved);
                start.add(new Started(queue.poll(), reserved, sent++));
                inFlight++;
            }
            if (!queue.isEmpty() && inFlight < limit && !timerSet) {
                long wait = Math.max(requests.millisUntil(now, 1), tokens.millisUntil(now, 0));
                timerSet = true;
                vertx.setTimer(Math.max(1, wait), id -> {
                    synchronized (this) {
                        timerSet = false;
                    }
                    drain();
                });
            }
        }
        start.forEach(this::send);
    }

    /** Tokens a request is expected to use: the mean of the replies so far. */
    private double estimate() {
        return replies == 0 ? 0 : (double) repliedTokens / replies;
    }

    private void send(Started started) {
        Pending pending = started.pending();
        Future<ModelReply> reply;
        try {
            reply = delegate.complete(pending.request());
        } catch (RuntimeException e) {
            reply = Future.failedFuture(e);
        }
        reply.onComplete(result -> {
            synchronized (this) {
                inFlight--;
                tokens.take(-started.reserved());
                if (result.succeeded()) {
                    Usage usage = result.result().usage();
                    long used = usage.inputTokens() + usage.outputTokens();
                    tokens.take(used);
                    replies++;
                    repliedTokens += used;
                    grow();
                } else if (result.cause() instanceof ModelException e && e.status() == 429) {
                    shrink(started.sequence());
                }
            }
            pending.promise().handle(result);
            drain();
        });
    }

    private void grow() {
        if (limit < maxLimit && ++successesInARow >= limit) {
            limit++;
            successesInARow = 0;
        }
    }

    private void shrink(long sequence) {
        throttled++;
        successesInARow = 0;
        if (sequence >= cutBarrier) {
            cutBarrier = sent;
            limit = Math.max(1, Math.min(limit, inFlight + 1) / 2);
            lowestLimit = Math.min(lowestLimit, limit);
        }
    }

    @Override
    public void close() {
        delegate.close();
    }

    /** Tokens that refill continuously up to one second's worth; a negative balance is a debt to wait out. */
    private static final class TokenBucket {
        private final double perMs;
        private final double capacity;
        private double balance;
        private long refilledAt = System.currentTimeMillis();

        private TokenBucket(double perMinute) {
            this.perMs = perMinute / 60_000.0;
            this.capacity = Math.max(1, perMinute / 60.0);
            this.balance = capacity;
        }

        static TokenBucket perMinute(long perMinute) {
            return new TokenBucket(perMinute > 0 ? perMinute : Double.POSITIVE_INFINITY);
        }

        boolean allows(long now, double needed) {
            refill(now);
            return balance >= needed;
        }

        void take(double amount) {
            balance -= amount;
        }

        long millisUntil(long now, double needed) {
            refill(now);
            return balance >= needed ? 0 : (long) Math.ceil((needed - balance) / perMs);
        }

        private void refill(long now) {
            if (Double.isInfinite(perMs)) {
                balance = Double.POSITIVE_INFINITY;
                return;
            }
            balance = Math.min(capacity, balance + (now - refilledAt) * perMs);
            refilledAt = now;
        }
    }
}
