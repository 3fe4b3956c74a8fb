package dev.gauntlet.harness.trial;

import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.TaskEnvironment;
import dev.gauntlet.sandbox.ImageSpec;
import dev.gauntlet.sandbox.LiveSandboxes;
import dev.gauntlet.sandbox.OnceByKey;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.SandboxBackend;
import dev.gauntlet.sandbox.SandboxException;
import dev.gauntlet.sandbox.SandboxPool;
import dev.gauntlet.sandbox.SandboxSpec;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sandboxes for a run's trials, ready before they are asked for. Trials start in plan order; looking
 * {@code window} trials ahead, each upcoming task's image and snapshot are made in the background and its
 * warm pool is sized to the number of its trials in the window. A pool closes (drains) when its task has no
 * trial left; {@link #close()} drains them all.
 */
public final class WarmSandboxes implements AutoCloseable {

    /** Margin on top of the phase timeouts before an orphaned sandbox stops on its own. */
    private static final Duration LIFETIME_MARGIN = Duration.ofMinutes(10);

    private final SandboxBackend backend;
    private final NetworkPolicy network;
    private final LiveSandboxes live;
    private final List<TrialSpec> order;
    private final int window;
    private final Duration setupTimeout;
    private final TaskSnapshots snapshots;
    private final Map<String, CompletableFuture<Prepared>> prepared = new ConcurrentHashMap<>();
    private final Map<String, Integer> remaining = new HashMap<>();
    /** Trials of each task that started here and are still waiting for their sandbox. */
    private final Map<String, Integer> claiming = new HashMap<>();
    private int started;
    private boolean closed;

    /** What a task's trials start from: the environment image, the snapshot, and the pool of warm sandboxes. */
    record Prepared(String image, String snapshot, SandboxPool pool) {
    }

    /**
     * @param setupTimeout how long making a task's starting state may take, and how long a trial waits for its
     *                     sandbox on top of the image's build timeout
     */
    public WarmSandboxes(SandboxBackend backend, NetworkPolicy network, LiveSandboxes live, List<TrialSpec> order, int window,
                         Duration setupTimeout) {
        this.backend = backend;
        this.network = network;
        this.live = live;
        this.order = List.copyOf(order);
        this.window = window;
        this.setupTimeout = setupTimeout;
        this.snapshots = new TaskSnapshots(backend, setupTimeout);
        order.forEach(t -> remaining.merge(t.task().id(), 1, Integer::sum));
    }

    /** Starts preparing the first trials' sandboxes. */
    public synchronized void start() {
        lookAhead();
    }

    /**
     * A sandbox for this trial, from its task's warm pool. Records which trial started, so the window moves on.
     *
     * @return the environment image and a running sandbox that only this trial uses
     */
    Acquired acquire(TrialSpec trial) {
        CompletableFuture<Prepared> future;
        synchronized (this) {
            started++;
            remaining.merge(trial.task().id(), -1, Integer::sum);
            claiming.merge(trial.task().id(), 1, Integer::sum);
            future = prepare(trial);
            lookAhead();
        }
        try {
            Prepared ready = await(future, trial);
            return new Acquired(ready.image(), ready.pool().acquire());
        } finally {
            synchronized (this) {
                claiming.merge(trial.task().id(), -1, Integer::sum);
                retireIfDone(trial);
            }
        }
    }

    /** Records that this trial started on another engine, so the window moves on and a finished task's pool drains. */
    synchronized void startedElsewhere(TrialSpec trial) {
        started++;
        remaining.merge(trial.task().id(), -1, Integer::sum);
        retireIfDone(trial);
        lookAhead();
    }

    /**
     * Once every trial of the task has started and taken its sandbox, the pool's warm ones are surplus: they are removed
     * in the background, freeing their capacity for other tasks.
     */
    private void retireIfDone(TrialSpec trial) {
        String task = trial.task().id();
        CompletableFuture<Prepared> future = prepared.get(task);
        if (future != null && remaining.get(task) <= 0 && claiming.getOrDefault(task, 0) <= 0) {
            future.thenAccept(p -> Thread.ofVirtual().name("retire-" + task).start(p.pool()::close));
        }
    }

    /** Whether this task's image and snapshot are ready here. */
    boolean ready(TrialSpec trial) {
        CompletableFuture<Prepared> future = prepared.get(trial.task().id());
        return future != null && future.isDone() && !future.isCompletedExceptionally();
    }

    /** A trial's sandbox and the image it came from. */
    record Acquired(String image, Sandbox sandbox) {
    }

    /** A fresh sandbox for a trial that runs again after an error: made now from its task's snapshot, not pooled. */
    Acquired acquireAgain(TrialSpec trial) {
        CompletableFuture<Prepared> future = prepare(trial);
        Prepared ready = await(future, trial);
        if (backend.imageId(ready.snapshot()).isEmpty()) {
            ready = await(remake(trial, future, ready), trial);
        }
        return new Acquired(ready.image(), backend.create(spec(trial, ready.snapshot(), trial.trialId())));
    }

    /**
     * The task's snapshot was removed while the run was on (e.g. by {@code gauntlet cleanup --snapshots}): it is made
     * again, with a new pool, once however many trials notice at the same time.
     */
    private synchronized CompletableFuture<Prepared> remake(TrialSpec trial, CompletableFuture<Prepared> stale, Prepared gone) {
        if (prepared.remove(trial.task().id(), stale)) {
            snapshots.forget(gone.snapshot());
            gone.pool().close();
        }
        return prepare(trial);
    }

    private void lookAhead() {
        Map<String, Integer> demand = new HashMap<>();
        for (int i = started; i < Math.min(order.size(), started + window); i++) {
            TrialSpec next = order.get(i);
            demand.merge(next.task().id(), 1, Integer::sum);
            prepare(next);
        }
        prepared.forEach((task, future) -> future.thenAccept(p -> p.pool().target(demand.getOrDefault(task, 0))));
    }

    private CompletableFuture<Prepared> prepare(TrialSpec trial) {
        if (closed) {
            return CompletableFuture.failedFuture(new SandboxException("the run is over; no sandbox for " + trial.task().id()));
        }
        return prepared.computeIfAbsent(trial.task().id(), id -> CompletableFuture.supplyAsync(() -> make(trial),
            task -> Thread.ofVirtual().name("prepare-" + id).start(task)));
    }

    /** A new sandbox (not from a pool) for this trial from another image, e.g. a snapshot of its agent's work. */
    Sandbox create(TrialSpec trial, String image) {
        return backend.create(spec(trial, image, trial.trialId()));
    }

    /** Removes a snapshot made for a trial. */
    void removeSnapshot(String name) {
        backend.removeSnapshot(name);
    }

    private Prepared make(TrialSpec trial) {
        Task task = trial.task();
        TaskEnvironment env = task.environment();
        ImageSpec imageSpec = env.dockerImage() != null
            ? new ImageSpec(env.dockerImage(), null, null, task.id(), env.buildTimeout())
            : ImageSpec.build(env.buildContext(), env.buildContextHash(), task.id(), env.buildTimeout());
        String image = backend.ensureImage(imageSpec);
        String snapshot = snapshots.snapshot(task, image, trial.runId());
        return new Prepared(image, snapshot, new SandboxPool(backend, spec(trial, snapshot, "pool"), live, 0));
    }

    private SandboxSpec spec(TrialSpec trial, String image, String trialLabel) {
        Task task = trial.task();
        TaskEnvironment env = task.environment();
        Duration lifetime = task.agent().timeout().plus(task.verifier().timeout()).plus(LIFETIME_MARGIN);
        return new SandboxSpec(image, trial.runId(), trialLabel, network.sandboxNetwork(task),
            env.cpus() > 0 ? env.cpus() : SandboxSpec.DEFAULT_CPUS,
            env.memoryMb() > 0 ? env.memoryMb() : SandboxSpec.DEFAULT_MEMORY_MB,
            SandboxSpec.DEFAULT_PIDS_LIMIT, env.env(), env.workdir(), lifetime);
    }

    private Prepared await(CompletableFuture<Prepared> future, TrialSpec trial) {
        Duration limit = trial.task().environment().buildTimeout().plus(setupTimeout);
        try {
            return OnceByKey.await(future.copy().orTimeout(limit.toMillis(), TimeUnit.MILLISECONDS));
        } catch (SandboxException e) {
            throw e;
        } catch (RuntimeException e) {
            if (e.getCause() instanceof TimeoutException) {
                throw new SandboxException("the sandbox of " + trial.task().id() + " was not ready after " + limit.toSeconds()
                    + " s (build timeout + --setup-timeout)");
            }
            throw new SandboxException("preparing the task's sandboxes failed: " + e, e);
        }
    }

    /** Drains every pool; waits up to 30 s in all for tasks being prepared, so nothing is made after the run ends. */
    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (CompletableFuture<Prepared> future : prepared.values()) {
            try {
                future.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS).pool().close();
            } catch (ExecutionException e) {
                // that task never got a pool
            } catch (TimeoutException e) {
                future.thenAccept(p -> p.pool().close());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                future.thenAccept(p -> p.pool().close());
            }
        }
    }
}
