package dev.gauntlet.scheduler;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * Runs trials with at most {@code concurrency} in flight. Bookkeeping happens on one Vert.x context; each
 * trial runs on a virtual thread and hands its result to the sink from there.
 *
 * <p>{@link #stop()} starts no more trials; {@link #cancel()} also interrupts those running, which end with
 * whatever result their runner gives for an interrupt. Either way the returned future completes once every
 * started trial has produced its result.
 */
public final class Scheduler implements AutoCloseable {

    private final Vertx vertx;
    private final int concurrency;
    private final ExecutorService threads = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("trial-", 0).factory());
    private final Set<Thread> running = ConcurrentHashMap.newKeySet();
    private volatile boolean stopped;
    private volatile boolean cancelled;

    public Scheduler(Vertx vertx, int concurrency) {
        if (concurrency < 1) {
            throw new IllegalArgumentException("concurrency must be at least 1, got " + concurrency);
        }
        this.vertx = vertx;
        this.concurrency = concurrency;
    }

    /**
     * Runs every trial and passes each result to {@code sink} (called from the trial's thread; it must be
     * thread-safe).
     */
    public <T, R> io.vertx.core.Future<RunStats> run(List<T> trials, TrialRunner<T, R> runner, Consumer<R> sink) {
        Context context = vertx.getOrCreateContext();
        Promise<RunStats> done = Promise.promise();
        context.runOnContext(v -> new Fanout<>(context, trials, runner, sink, done).fill());
        return done.future();
    }

    /** Starts no more trials. */
    public void stop() {
        stopped = true;
    }

    /** Starts no more trials and interrupts those running. */
    public void cancel() {
        stopped = true;
        cancelled = true;
        running.forEach(Thread::interrupt);
    }

    @Override
    public void close() {
        cancel();
        threads.shutdown();
    }

    /** One run's state; touched only on its context. */
    private final class Fanout<T, R> {
        private final Context context;
        private final Deque<T> queue;
        private final TrialRunner<T, R> runner;
        private final Consumer<R> sink;
        private final Promise<RunStats> done;
        private final int planned;
        private final long start = System.nanoTime();
        private int inFlight;
        private int finished;

        Fanout(Context context, List<T> trials, TrialRunner<T, R> runner, Consumer<R> sink, Promise<RunStats> done) {
            this.context = context;
            this.queue = new ArrayDeque<>(trials);
            this.runner = runner;
            this.sink = sink;
            this.done = done;
            this.planned = trials.size();
        }

        void fill() {
            while (!stopped && inFlight < concurrency && !queue.isEmpty()) {
                launch(queue.poll());
            }
            if (inFlight == 0 && (stopped || queue.isEmpty())) {
                done.tryComplete(new RunStats(planned, finished, queue.size(), Duration.ofNanos(System.nanoTime() - start)));
            }
        }

        private void launch(T trial) {
            inFlight++;
            threads.execute(() -> {
                running.add(Thread.currentThread());
                try {
                    if (cancelled) {
                        Thread.currentThread().interrupt();
                    }
                    R result;
                    try {
                        result = runner.run(trial);
                    } catch (Throwable t) {
                        result = runner.crashed(trial, t);
                    }
                    sink.accept(result);
                } finally {
                    running.remove(Thread.currentThread());
                    context.runOnContext(v -> {
                        inFlight--;
                        finished++;
                        fill();
                    });
                }
            });
        }
    }
}
