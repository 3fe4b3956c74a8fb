package dev.gauntlet.sandbox;

import java.lang.management.ManagementFactory;
import java.util.concurrent.Semaphore;

/**
 * The global bound on sandboxes alive at once (running in a trial or waiting in a pool). Blocking here is
 * meant for virtual threads.
 */
public final class LiveSandboxes {

    /** Memory set aside per live sandbox when deriving the default bound (an idle container takes 6–13 MB). */
    static final long MEMORY_PER_SANDBOX = 24L * 1024 * 1024;

    private final int max;
    private final Semaphore permits;
    private final java.util.Set<Runnable> waiting = java.util.concurrent.ConcurrentHashMap.newKeySet();

    public LiveSandboxes(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("the live sandbox limit must be at least 1, got " + max);
        }
        this.max = max;
        this.permits = new Semaphore(max, true);
    }

    /** The bound for this machine: {@link #capacity} of its memory and processors. */
    public static int defaultMax() {
        long memory = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getTotalMemorySize();
        return capacity(memory, Runtime.getRuntime().availableProcessors());
    }

    /** How many sandboxes a machine holds: one per 24 MiB of its memory, at most 500 per CPU, at least 8. */
    public static int capacity(long memoryBytes, int cpus) {
        return (int) Math.max(8, Math.min(500L * Math.max(1, cpus), memoryBytes / MEMORY_PER_SANDBOX));
    }

    public int max() {
        return max;
    }

    public int inUse() {
        return max - permits.availablePermits();
    }

    void acquire() throws InterruptedException {
        permits.acquire();
    }

    boolean tryAcquire() {
        return permits.tryAcquire();
    }

    void release() {
        permits.release();
        waiting.forEach(Runnable::run);
    }

    /** Called after every release, so a pool that could not refill for want of permits tries again. */
    void onRelease(Runnable refill) {
        waiting.add(refill);
    }

    void removeOnRelease(Runnable refill) {
        waiting.remove(refill);
    }
}
