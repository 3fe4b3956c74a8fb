package dev.gauntlet.harness.run;

import dev.gauntlet.records.TrialRecord;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * A run's progress as trials start and finish: on a terminal a one-line bar redrawn in place with {@code \r} at
 * most every {@value #REDRAW_EVERY_MS} ms, elsewhere (CI logs) a plain line at most every {@code plainEvery}, never
 * {@code \r}. Both show trials done of the total, passed (with the pass rate over scored trials), failed, errors,
 * in flight, trials/s and the time left at that rate:
 * <pre>[###.......] 12/40  passed 9 (82%)  failed 2  errors 1  in flight 4  1.3 trials/s  ETA 21s</pre>
 *
 * <p>Lines are printed only when a trial starts or finishes, and once more by {@link #close()}. Thread-safe: trials
 * finish on many threads.
 */
public final class Progress implements AutoCloseable {

    /** How often a plain line is printed at most, unless the constructor says otherwise. */
    public static final Duration DEFAULT_PLAIN_EVERY = Duration.ofSeconds(5);
    /** How often the terminal bar is redrawn at most. */
    public static final long REDRAW_EVERY_MS = 200;
    private static final int BAR_WIDTH = 10;

    private final int total;
    private final PrintStream out;
    private final boolean terminal;
    private final long everyNanos;
    private final LongSupplier nanoTime;
    private final long startNanos;
    private final Object lock = new Object();
    // Guarded by lock.
    private int inFlight;
    private int passed;
    private int failed;
    private int errors;
    private long lastPrintNanos;
    private boolean printed;
    private int barLength;
    private boolean closed;
    private java.util.function.LongSupplier enginesUp;
    private int engines;

    /** Progress of {@code total} trials on {@code out}, as a bar if {@link #isTerminal()}, else a line every 5 s. */
    public Progress(int total, PrintStream out) {
        this(total, out, isTerminal(), DEFAULT_PLAIN_EVERY, System::nanoTime);
    }

    /**
     * @param total      the trials the run will finish, not negative
     * @param out        where to print
     * @param terminal   whether {@code out} is an interactive terminal: a bar redrawn in place, else plain lines
     * @param plainEvery how often a plain line is printed at most, positive; unused on a terminal
     * @param nanoTime   the clock, {@link System#nanoTime()} but in tests
     * @throws IllegalArgumentException if {@code total} is negative or {@code plainEvery} not positive
     */
    public Progress(int total, PrintStream out, boolean terminal, Duration plainEvery, LongSupplier nanoTime) {
        if (total < 0) {
            throw new IllegalArgumentException("total must not be negative, was " + total);
        }
        if (plainEvery.isNegative() || plainEvery.isZero()) {
            throw new IllegalArgumentException("plainEvery must be positive, was " + plainEvery);
        }
        this.total = total;
        this.out = Objects.requireNonNull(out, "out");
        this.terminal = terminal;
        this.everyNanos = terminal ? Duration.ofMillis(REDRAW_EVERY_MS).toNanos() : plainEvery.toNanos();
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
        this.startNanos = nanoTime.getAsLong();
        this.lastPrintNanos = startNanos;
    }

    /**
     * Whether standard output looks like an interactive terminal: there is a console and the {@code CI}
     * environment variable is not set.
     */
    public static boolean isTerminal() {
        return System.console() != null && System.getenv("CI") == null;
    }

    /** A trial started: one more in flight. */
    public void started() {
        synchronized (lock) {
            inFlight++;
            maybePrint();
        }
    }

    /** From now on every line says how many of the {@code total} engines are up (for runs on several). */
    public void engines(java.util.function.LongSupplier up, int total) {
        synchronized (lock) {
            this.enginesUp = up;
            this.engines = total;
        }
    }

    /** Prints a line of its own (an engine went down), above the bar on a terminal. */
    public void event(String message) {
        synchronized (lock) {
            if (terminal && printed && !closed) {
                out.print("\r" + " ".repeat(barLength) + "\r");
                barLength = 0;
            }
            out.println(message);
            if (terminal && printed && !closed) {
                print(nanoTime.getAsLong(), false);
            }
            out.flush();
        }
    }

    /** A trial finished with {@code record}: one fewer in flight, one more done, counted by its status. */
    public void finished(TrialRecord record) {
        synchronized (lock) {
            inFlight = Math.max(0, inFlight - 1);
            switch (record.status()) {
                case PASSED -> passed++;
                case FAILED -> failed++;
                case ERROR -> errors++;
            }
            maybePrint();
        }
    }

    /**
     * Prints the figures if the interval has passed, with nothing started or finished: a heartbeat, so a log shows
     * the run is alive while every trial in flight takes long.
     */
    public void tick() {
        synchronized (lock) {
            maybePrint();
        }
    }

    /** Prints the final figures (ending the bar's line on a terminal); later calls do nothing. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            print(nanoTime.getAsLong(), true);
        }
    }

    private void maybePrint() {
        long now = nanoTime.getAsLong();
        // On a terminal the first event draws the bar at once; a plain line waits for the first interval.
        if (!closed && ((terminal && !printed) || now - lastPrintNanos >= everyNanos)) {
            print(now, false);
        }
    }

    private void print(long now, boolean last) {
        String figures = figures(now, last);
        if (terminal) {
            String bar = bar() + " " + figures;
            // Pad over what is left of a longer previous line.
            out.print("\r" + bar + " ".repeat(Math.max(0, barLength - bar.length())) + (last ? System.lineSeparator() : ""));
            barLength = bar.length();
        } else {
            out.println("progress " + figures);
        }
        out.flush();
        lastPrintNanos = now;
        printed = true;
    }

    private String bar() {
        int done = passed + failed + errors;
        int filled = total == 0 ? BAR_WIDTH : (int) Math.min(BAR_WIDTH, (long) done * BAR_WIDTH / total);
        return "[" + "#".repeat(filled) + ".".repeat(BAR_WIDTH - filled) + "]";
    }

    private String figures(long now, boolean last) {
        int done = passed + failed + errors;
        StringBuilder line = new StringBuilder().append(done).append('/').append(total).append("  passed ").append(passed);
        if (passed + failed > 0) {
            line.append(" (").append(Math.round(100.0 * passed / (passed + failed))).append("%)");
        }
        line.append("  failed ").append(failed).append("  errors ").append(errors).append("  in flight ").append(inFlight);
        if (enginesUp != null) {
            line.append("  engines up ").append(enginesUp.getAsLong()).append('/').append(engines);
        }
        double seconds = (now - startNanos) / 1e9;
        if (done > 0 && seconds > 0) {
            double rate = done / seconds;
            line.append(String.format(Locale.ROOT, "  %.1f trials/s", rate));
            if (last) {
                line.append("  took ").append(duration(Math.round(seconds)));
            } else {
                line.append("  ETA ").append(duration(Math.round(Math.max(0, total - done) / rate)));
            }
        }
        return line.toString();
    }

    /** {@code 21s}, {@code 3m05s}, {@code 1h02m}. */
    static String duration(long seconds) {
        if (seconds < 60) {
            return seconds + "s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, seconds % 3600 / 60);
    }
}
