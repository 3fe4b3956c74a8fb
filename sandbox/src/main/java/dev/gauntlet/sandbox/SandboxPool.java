package dev.gauntlet.sandbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Warm sandboxes of one spec: created, started and with a shell open before anyone asks, handed out by
 * {@link #acquire()} (each to one caller only; the caller closes it) and refilled in the background on
 * virtual threads. A caller takes the oldest sandbox made or being made for the pool, waiting for it to be ready,
 * and makes one itself only when none is on the way, so a crowd of callers never starts more sandboxes than it
 * takes. The pool keeps at most {@link #target(int)} sandboxes ready or on the way, and every sandbox it makes holds
 * a permit of the shared {@link LiveSandboxes} until it is closed. {@link #close()} removes the idle ones.
 */
public final class SandboxPool implements AutoCloseable {

    private static final Duration CLOSE_WAIT = Duration.ofMinutes(1);

    private final SandboxBackend backend;
    private final SandboxSpec spec;
    private final LiveSandboxes live;
    /** Sandboxes made or being made for whoever asks next, oldest first. */
    private final ConcurrentLinkedDeque<CompletableFuture<Sandbox>> unclaimed = new ConcurrentLinkedDeque<>();
    /** How many entries {@link #unclaimed} has or is about to have; what the target is held against. */
    private final AtomicInteger reserved = new AtomicInteger();
    /** One entry per sandbox being made in the background, done once it is handed on or removed. */
    private final Set<CompletableFuture<Void>> making = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile int target;
    private final Runnable refill = this::refill;

    public SandboxPool(SandboxBackend backend, SandboxSpec spec, LiveSandboxes live, int target) {
        this.backend = backend;
        this.spec = spec;
        this.live = live;
        live.onRelease(refill);
        target(target);
    }

    /** How many sandboxes to keep ready or on the way, e.g. the trials still waiting for this spec; refills toward it. */
    public void target(int sandboxes) {
        this.target = Math.max(0, sandboxes);
        refill();
    }

    /** Sandboxes made and waiting for a caller. */
    public int ready() {
        return (int) unclaimed.stream().filter(f -> f.isDone() && !f.isCompletedExceptionally()).count();
    }

    /**
     * A running sandbox with its default shell open: the oldest warm one or one on the way, else one made now
     * (waiting for a live-sandbox permit if the limit is reached). A closed pool still makes one for the caller.
     * Call from a virtual thread.
     *
     * @throws SandboxException when one cannot be made
     */
    public Sandbox acquire() {
        try {
            for (CompletableFuture<Sandbox> next = claim(); next != null; next = claim()) {
                try {
                    return next.get();
                } catch (InterruptedException e) {
                    next.thenAccept(Sandbox::close); // claimed, so nobody else removes it
                    Thread.currentThread().interrupt();
                    throw new SandboxException("interrupted while waiting for a sandbox of " + spec.image(), e);
                } catch (ExecutionException | CancellationException e) {
                    // that one did not start; the next one, or one of the caller's own
                }
            }
            try {
                live.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException("interrupted while waiting for a sandbox of " + spec.image(), e);
            }
            return make();
        } finally {
            refill();
        }
    }

    private CompletableFuture<Sandbox> claim() {
        CompletableFuture<Sandbox> next = unclaimed.pollFirst();
        if (next != null) {
            reserved.decrementAndGet();
        }
        return next;
    }

    private void refill() {
        while (!closed.get() && reserve()) {
            if (!live.tryAcquire()) {
                reserved.decrementAndGet();
                return;
            }
            CompletableFuture<Sandbox> made = new CompletableFuture<>();
            CompletableFuture<Void> job = new CompletableFuture<>();
            making.add(job);
            unclaimed.addLast(made);
            if (closed.get()) { // close() may have looked at what is being made before this one was added
                if (unclaimed.remove(made)) {
                    reserved.decrementAndGet();
                }
                made.cancel(false);
                live.release();
                done(job);
                return;
            }
            Thread.ofVirtual().name("pool-refill").start(() -> {
                try {
                    made.complete(make());
                    if (closed.get() && unclaimed.remove(made)) {
                        reserved.decrementAndGet();
                        made.join().close(); // made for a pool that closed meanwhile
                    }
                } catch (RuntimeException e) {
                    if (unclaimed.remove(made)) {
                        reserved.decrementAndGet();
                    }
                    made.completeExceptionally(e); // a caller waiting on it makes its own and reports that one's failure
                } finally {
                    done(job);
                }
            });
        }
    }

    private void done(CompletableFuture<Void> job) {
        making.remove(job);
        job.complete(null);
    }

    /** Counts one more sandbox on the way if that stays within the target; safe against concurrent refills. */
    private boolean reserve() {
        while (true) {
            int now = reserved.get();
            if (now >= target) {
                return false;
            }
            if (reserved.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Makes a sandbox that already holds a permit; the permit goes back when it is closed. */
    private Sandbox make() {
        Sandbox sandbox;
        try {
            sandbox = backend.create(spec);
        } catch (RuntimeException e) {
            live.release();
            throw e;
        }
        Sandbox counted = new PermitReleasingSandbox(sandbox, live);
        try {
            counted.exec(ExecRequest.of("true", Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            counted.close();
            throw e;
        }
        return counted;
    }

    /**
     * Makes no more and removes the idle sandboxes, waiting (up to a minute) for those still being made; sandboxes
     * already handed out are their holders' to close.
     */
    @Override
    public void close() {
        closed.set(true);
        live.removeOnRelease(refill);
        List<CompletableFuture<?>> closing = new ArrayList<>(making);
        for (CompletableFuture<Sandbox> idle = claim(); idle != null; idle = claim()) {
            closing.add(idle.thenAcceptAsync(Sandbox::close, task -> Thread.ofVirtual().name("pool-close").start(task)));
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new)).get(CLOSE_WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // one that failed to start left nothing to remove; one still starting after a minute removes itself
        }
    }
}
