package dev.gauntlet.harness.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;

/**
 * Collects records and writes them to Parquet part files in batches (each part appears atomically), at the
 * latest {@code maxDelayMillis} after the first record of a batch, and on {@link #flush()}. Thread-safe.
 *
 * @param <T> the record type
 */
public final class PartSink<T> implements Consumer<T> {

    /** Writes one part file of records into a directory. */
    @FunctionalInterface
    public interface PartWriter<T> {
        void writePart(Path dir, List<T> records) throws IOException;
    }

    private final Path dir;
    private final PartWriter<T> writer;
    private final int batchSize;
    private final long maxDelayMillis;
    private final List<T> pending = new ArrayList<>();
    private final List<Consumer<T>> listeners = new ArrayList<>();
    private long firstPendingAt;

    public PartSink(Path dir, PartWriter<T> writer, int batchSize, long maxDelayMillis) {
        this.dir = dir;
        this.writer = writer;
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelayMillis;
    }

    /** Called with each record as it arrives, after it is queued for writing. */
    public synchronized void onRecord(Consumer<T> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void accept(T record) {
        if (pending.isEmpty()) {
            firstPendingAt = System.currentTimeMillis();
        }
        pending.add(record);
        listeners.forEach(l -> l.accept(record));
        if (pending.size() >= batchSize || System.currentTimeMillis() - firstPendingAt >= maxDelayMillis) {
            flush();
        }
    }

    /**
     * Writes what is pending as one part file, on a thread of its own: the trial thread that happens to flush may be
     * interrupted by a cancelled run, and an interrupt would close the file channel mid-write.
     */
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            List<T> batch = List.copyOf(pending);
            FutureTask<Void> write = new FutureTask<>(() -> {
                writer.writePart(dir, batch);
                return null;
            });
            Thread.ofVirtual().name("write-part").start(write);
            try {
                awaitUninterruptibly(write);
            } catch (ExecutionException e) {
                if (e.getCause() instanceof IOException io) {
                    throw new UncheckedIOException("cannot write records to " + dir, io);
                }
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
            pending.clear();
        }
    }

    private static void awaitUninterruptibly(FutureTask<Void> task) throws ExecutionException {
        boolean interrupted = false;
        while (true) {
            try {
                task.get();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
