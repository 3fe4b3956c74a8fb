package dev.gauntlet.reports.output;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.gauntlet.records.OutputCap;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.StepLatencies;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Streams every run's step records into the HTML report as one JSON array, one row per step
 * ({@code [trial, step, model_ms, exec_ms, command, exit_code, output, error]}), without holding them, and
 * measures step latencies on the way.
 *
 * <p>The report's size is bounded: outputs are cut to {@link #OUTPUT_CHARS} (head and tail kept), and each
 * contender gets an equal share of {@code budgetChars} of step text, so the runs streamed last are not left without
 * trajectories. Within a share, steps of trials that did not pass come first: those of passed trials are embedded
 * only while less than half of it is used.
 */
final class Trajectories {

    /** The most chars of one step's output the report embeds. */
    static final int OUTPUT_CHARS = 4_000;

    private final TrialIndex index;
    private final long budgetChars;
    private final int[] embedded;
    private final int[] omitted;
    private final List<StepLatencies> latencies = new ArrayList<>();
    private final long[] usedChars;

    Trajectories(TrialIndex index, int contenders, long budgetChars) {
        this.index = index;
        this.budgetChars = budgetChars;
        this.embedded = new int[index.size()];
        this.omitted = new int[index.size()];
        this.usedChars = new long[contenders];
        for (int i = 0; i < contenders; i++) {
            latencies.add(new StepLatencies());
        }
    }

    /** Writes the steps of {@code runs} as a JSON array to {@code json}. */
    void write(List<RunRecords> runs, JsonGenerator json) throws IOException {
        json.writeStartArray();
        try {
            for (RunRecords run : runs) {
                run.forEachStep(step -> {
                    try {
                        add(step, json);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        json.writeEndArray();
    }

    /** Steps of trial {@code trial} in the report. */
    int embedded(int trial) {
        return embedded[trial];
    }

    /** Steps of trial {@code trial} left out for the size budget. */
    int omitted(int trial) {
        return omitted[trial];
    }

    /** Steps left out of the report for its size budget, over all trials. */
    long omittedTotal() {
        long total = 0;
        for (int n : omitted) {
            total += n;
        }
        return total;
    }

    StepLatencies latencies(int contender) {
        return latencies.get(contender);
    }

    private void add(StepRecord step, JsonGenerator json) throws IOException {
        int trial = index.find(step.runId(), step.trialId());
        if (trial < 0) {
            return;
        }
        int contender = index.contender(trial);
        latencies.get(contender).add(step);
        String output = step.output() == null ? null : OutputCap.cap(step.output(), OUTPUT_CHARS);
        long chars = 40 + length(step.command()) + length(output) + length(step.error());
        long share = budgetChars / usedChars.length;
        long allowed = index.trial(trial).status() == TrialStatus.PASSED ? share / 2 : share;
        if (usedChars[contender] + chars > allowed) {
            omitted[trial]++;
            return;
        }
        usedChars[contender] += chars;
        embedded[trial]++;
        json.writeStartArray();
        json.writeNumber(trial);
        json.writeNumber(step.step());
        json.writeNumber(step.modelMs());
        json.writeNumber(step.execMs());
        json.writeString(step.command());
        if (step.exitCode() == null) {
            json.writeNull();
        } else {
            json.writeNumber(step.exitCode());
        }
        json.writeString(output);
        json.writeString(step.error());
        json.writeEndArray();
        json.writeRaw('\n');
    }

    private static int length(String text) {
        return text == null ? 0 : text.length();
    }
}
