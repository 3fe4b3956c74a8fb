package dev.gauntlet.reports;

import dev.gauntlet.records.StepRecord;
import dev.gauntlet.reports.PhaseLatencies.Latency;
import org.HdrHistogram.Histogram;

/**
 * How long the steps of an agent loop took, accumulated one step at a time (a run can have millions): waiting for
 * the model, and running the command. Percentiles as in {@link PhaseLatencies}.
 */
public final class StepLatencies {

    private final Histogram model = new Histogram(3);
    private final Histogram command = new Histogram(3);
    private long modelMax;
    private long commandMax;

    /** Counts {@code step}: its model call always, its command when it ran one. */
    public void add(StepRecord step) {
        model.recordValue(step.modelMs());
        modelMax = Math.max(modelMax, step.modelMs());
        if (step.command() != null) {
            command.recordValue(step.execMs());
            commandMax = Math.max(commandMax, step.execMs());
        }
    }

    /** Model calls: one per step. */
    public Latency model() {
        return Latency.of(model, modelMax);
    }

    /** Commands the agent ran. */
    public Latency command() {
        return Latency.of(command, commandMax);
    }
}
