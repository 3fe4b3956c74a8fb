package dev.gauntlet.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.Vertx;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SchedulerTest {

    final Vertx vertx = Vertx.vertx();

    @AfterEach
    void close() {
        vertx.close().await();
    }

    /** Records how many trials run at once; each waits until released or interrupted. */
    static final class Probe implements TrialRunner<Integer, String> {
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final CountDownLatch release;
        final AtomicInteger onEventLoop = new AtomicInteger();

        Probe(CountDownLatch release) {
            this.release = release;
        }

        @Override
        public String run(Integer trial) {
            if (Thread.currentThread().getName().contains("eventloop")) {
                onEventLoop.incrementAndGet();
            }
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                if (trial == 13) {
                    throw new IllegalStateException("boom");
                }
                release.await();
                return "done " + trial;
            } catch (InterruptedException e) {
                return "cancelled " + trial;
            } finally {
                inFlight.decrementAndGet();
            }
        }

        @Override
        public String crashed(Integer trial, Throwable error) {
            return "crashed " + trial + ": " + error.getMessage();
        }
    }

    @Test
    void runsEveryTrialWithinTheConcurrencyBoundAndRecordsCrashes() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Probe probe = new Probe(release);
        ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
        List<Integer> trials = IntStream.rangeClosed(1, 40).boxed().toList();

        var future = new Scheduler(vertx, 5).run(trials, probe, results::add);
        Thread.sleep(200);
        assertThat(probe.inFlight.get()).isEqualTo(5);
        release.countDown();
        RunStats stats = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(stats.planned()).isEqualTo(40);
        assertThat(stats.finished()).isEqualTo(40);
        assertThat(stats.notStarted()).isZero();
        assertThat(results).hasSize(40).contains("done 1", "done 40", "crashed 13: boom");
        assertThat(probe.maxInFlight.get()).isEqualTo(5);
        assertThat(probe.onEventLoop.get()).isZero();
    }

    @Test
    void cancelInterruptsRunningTrialsAndStartsNoMore() throws Exception {
        Probe probe = new Probe(new CountDownLatch(1));
        ConcurrentLinkedQueue<String> results = new ConcurrentLinkedQueue<>();
        Scheduler scheduler = new Scheduler(vertx, 3);

        var future = scheduler.run(IntStream.rangeClosed(1, 10).boxed().toList(), probe, results::add);
        Thread.sleep(200);
        scheduler.cancel();
        RunStats stats = future.toCompletionStage().toCompletableFuture().get(30, TimeUnit.SECONDS);

        assertThat(results).containsExactlyInAnyOrder("cancelled 1", "cancelled 2", "cancelled 3");
        assertThat(stats.finished()).isEqualTo(3);
        assertThat(stats.notStarted()).isEqualTo(7);
        scheduler.close();
    }

    @Test
    void anEmptyRunCompletesAtOnce() throws Exception {
        RunStats stats = new Scheduler(vertx, 2).run(List.<Integer>of(), new Probe(new CountDownLatch(0)), r -> { })
            .toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(stats.finished()).isZero();
    }
}
