package dev.gauntlet.harness.run;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Collects trial records and writes them to Parquet part files in batches (each part appears atomically),
 * at the latest every {@code maxDelayMillis} after the first record of a batch, and on {@link #flush()}.
 * Thread-safe.
 */
public final class RecordSink implements Consumer<TrialRecord> {

    private final Path dir;
    private final int batchSize;
    private final long maxDelayMillis;
    private final List<TrialRecord> pending = new ArrayList<>();
    private final List<TrialRecord> all = new ArrayList<>();
    private final List<Consumer<TrialRecord>> listeners = new ArrayList<>();
    private long firstPendingAt;

    public RecordSink(Path dir, int batchSize, long maxDelayMillis) {
        this.dir = dir;
        this.batchSize = batchSize;
        this.maxDelayMillis = maxDelayMillis;
    }

    /** Called with each record as it arrives, after it is queued for writing. */
    public synchronized void onRecord(Consumer<TrialRecord> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized void accept(TrialRecord record) {
        if (pending.isEmpty()) {
            firstPendingAt = System.currentTimeMillis();
        }
        pending.add(record);
        all.add(record);
        listeners.forEach(l -> l.accept(record));
        if (pending.size() >= batchSize || System.currentTimeMillis() - firstPendingAt >= maxDelayMillis) {
            flush();
        }
    }

    /** Writes what is pending as one part file. */
    public synchronized void flush() {
        if (!pending.isEmpty()) {
            try {
                TrialRecordWriter.writePart(dir, List.copyOf(pending));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write trial records to " + dir, e);
            }
            pending.clear();
        }
    }

    /** Every record accepted so far. */
    public synchronized List<TrialRecord> records() {
        return List.copyOf(all);
    }
}
