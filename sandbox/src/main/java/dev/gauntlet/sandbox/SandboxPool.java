package dev.gauntlet.sandbox;

import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Warm sandboxes of one spec: created, started and with a shell open before anyone asks, handed out by
 * {@link #acquire()} (each to one caller only; the caller closes it) and refilled in the background on
 * virtual threads. The pool keeps at most {@link #target(int)} sandboxes ready, and every sandbox it makes
 * holds a permit of the shared {@link LiveSandboxes} until it is closed. {@link #close()} removes the idle ones.
 */
public final class SandboxPool implements AutoCloseable {

    private final SandboxBackend backend;
    private final SandboxSpec spec;
    private final LiveSandboxes live;
    private final LinkedBlockingDeque<Sandbox> ready = new LinkedBlockingDeque<>();
    private final AtomicInteger creating = new AtomicInteger();
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

    /** How many sandboxes to keep ready, e.g. the trials still waiting for this spec; refills toward it. */
    public void target(int sandboxes) {
        this.target = Math.max(0, sandboxes);
        refill();
    }

    public int ready() {
        return ready.size();
    }

    /**
     * A running sandbox with its default shell open: a warm one if there is one, else one made now (waiting
     * for a live-sandbox permit if the limit is reached). Call from a virtual thread.
     *
     * @throws SandboxException when one cannot be made
     */
    public Sandbox acquire() {
        if (closed.get()) {
            throw new IllegalStateException("the pool for " + spec.image() + " is closed");
        }
        Sandbox warm = ready.poll();
        if (warm == null) {
            try {
                live.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SandboxException("interrupted while waiting for a sandbox of " + spec.image(), e);
            }
            warm = make();
        }
        refill();
        return warm;
    }

    private void refill() {
        while (!closed.get() && reserveCreation()) {
            if (!live.tryAcquire()) {
                creating.decrementAndGet();
                return;
            }
            Thread.ofVirtual().name("pool-refill").start(() -> {
                try {
                    Sandbox made = make();
                    if (closed.get()) {
                        made.close();
                    } else {
                        ready.add(made);
                    }
                } catch (RuntimeException e) {
                    // acquire() makes one itself and reports the failure to its trial
                } finally {
                    creating.decrementAndGet();
                }
            });
        }
    }

    /** Counts one more sandbox in the making if that stays within the target; safe against concurrent refills. */
    private boolean reserveCreation() {
        while (true) {
            int making = creating.get();
            if (ready.size() + making >= target) {
                return false;
            }
            if (creating.compareAndSet(making, making + 1)) {
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
            counted.exec(ExecRequest.of("true", java.time.Duration.ofSeconds(30)));
        } catch (RuntimeException e) {
            counted.close();
            throw e;
        }
        return counted;
    }

    /**
     * Removes the idle sandboxes, makes no more, and waits (up to a minute) for those being made, which remove
     * themselves; sandboxes already handed out are their holders' to close.
     */
    @Override
    public void close() {
        closed.set(true);
        live.removeOnRelease(refill);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(1);
        do {
            for (Sandbox idle = ready.poll(); idle != null; idle = ready.poll()) {
                idle.close();
            }
            if (creating.get() > 0) {
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        } while (creating.get() > 0 && System.nanoTime() < deadline);
    }
}
