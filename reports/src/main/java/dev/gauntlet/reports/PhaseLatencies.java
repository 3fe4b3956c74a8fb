package dev.gauntlet.reports;

import dev.gauntlet.records.TrialRecord;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.ToLongFunction;
import org.HdrHistogram.Histogram;

/**
 * How long the phases of a run's trials took: percentiles of {@link TrialRecord#setupMs()},
 * {@link TrialRecord#agentMs()}, {@link TrialRecord#verifierMs()} and {@link TrialRecord#totalMs()}.
 *
 * <p>A trial whose setup, agent or verifier time is 0 did not reach that phase and is left out of it; every trial
 * counts in {@code total}. Percentiles come from an HdrHistogram with 3 significant digits: exact below 2,048 ms,
 * above that the top of the value's bucket (at most 0.1% higher). The maximum is exact.
 *
 * @param setup    preparing the sandbox
 * @param agent    running the agent
 * @param verifier running the verifier
 * @param total    the whole trial
 */
public record PhaseLatencies(Latency setup, Latency agent, Latency verifier, Latency total) {

    /**
     * One phase's figures, in milliseconds; all 0 when no trial reached the phase.
     *
     * @param count the trials that reached the phase
     * @param p50   median
     * @param p90   90th percentile
     * @param p99   99th percentile
     * @param max   the longest
     */
    public record Latency(long count, long p50, long p90, long p99, long max) {

        /** No trial reached the phase. */
        public static final Latency NONE = new Latency(0, 0, 0, 0, 0);

        static Latency of(Histogram h, long max) {
            if (h.getTotalCount() == 0) {
                return NONE;
            }
            // a percentile is the top of its bucket, which can lie past the exact maximum: never report more
            return new Latency(h.getTotalCount(), Math.min(max, h.getValueAtPercentile(50)), Math.min(max, h.getValueAtPercentile(90)),
                Math.min(max, h.getValueAtPercentile(99)), max);
        }
    }

    /** @throws NullPointerException if a phase is {@code null}, naming it */
    public PhaseLatencies {
        Objects.requireNonNull(setup, "setup");
        Objects.requireNonNull(agent, "agent");
        Objects.requireNonNull(verifier, "verifier");
        Objects.requireNonNull(total, "total");
    }

    /** The latencies of {@code records}' phases. */
    public static PhaseLatencies of(List<TrialRecord> records) {
        return new PhaseLatencies(phase(records, TrialRecord::setupMs, true), phase(records, TrialRecord::agentMs, true),
            phase(records, TrialRecord::verifierMs, true), phase(records, TrialRecord::totalMs, false));
    }

    /** The phases by name ({@code setup}, {@code agent}, {@code verifier}, {@code total}), in that order. */
    public Map<String, Latency> byName() {
        Map<String, Latency> phases = new LinkedHashMap<>();
        phases.put("setup", setup);
        phases.put("agent", agent);
        phases.put("verifier", verifier);
        phases.put("total", total);
        return phases;
    }

    private static Latency phase(List<TrialRecord> records, ToLongFunction<TrialRecord> ms, boolean skipZero) {
        Histogram histogram = new Histogram(3);
        long max = 0;
        for (TrialRecord r : records) {
            long value = ms.applyAsLong(r);
            if (value > 0 || !skipZero) {
                histogram.recordValue(value);
                max = Math.max(max, value);
            }
        }
        // The histogram's own maximum is the top of the largest value's bucket, not the value.
        return Latency.of(histogram, max);
    }
}
