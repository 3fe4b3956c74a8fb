package dev.gauntlet.sandbox;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Makes each key's value at most once however many threads ask at the same time (an image per content hash,
 * a snapshot per key): the first caller makes it, the others wait for its result or its exception.
 *
 * @param <V> the value
 */
public final class OnceByKey<V> {

    private final Map<String, CompletableFuture<V>> made = new ConcurrentHashMap<>();
    private final boolean rememberFailures;

    /**
     * @param rememberFailures whether a failure is kept (later callers get it at once, e.g. a broken Dockerfile) or
     *                         forgotten (the next caller tries again)
     */
    public OnceByKey(boolean rememberFailures) {
        this.rememberFailures = rememberFailures;
    }

    /** The value for {@code key}, made by {@code make} if no one has made it or is making it. */
    public V get(String key, Supplier<V> make) {
        CompletableFuture<V> mine = new CompletableFuture<>();
        CompletableFuture<V> existing = made.putIfAbsent(key, mine);
        if (existing != null) {
            return await(existing);
        }
        try {
            mine.complete(make.get());
        } catch (RuntimeException e) {
            if (!rememberFailures) {
                made.remove(key);
            }
            mine.completeExceptionally(e);
        }
        return await(mine);
    }

    /** Forgets {@code key}'s value, so the next caller makes it again (e.g. after it was deleted from outside). */
    public void forget(String key) {
        made.remove(key);
    }

    /**
     * The future's value, or the exception it failed with (a checked one wrapped in a {@link CompletionException});
     * an interrupt while waiting ends the wait with a {@link SandboxException}.
     */
    public static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SandboxException("interrupted while waiting for a sandbox image", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : new CompletionException(e.getCause());
        }
    }
}
