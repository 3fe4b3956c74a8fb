package dev.gauntlet.reports.compare;

import dev.gauntlet.reports.leaderboard.TaskMatrix.TaskKey;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Prints a {@link RunComparison} for a terminal or a CI log. */
public final class ComparisonText {

    /** Flipped tasks named per direction; the rest are counted. */
    static final int MAX_NAMED = 20;

    private ComparisonText() {
    }

    public static void print(RunComparison c, PrintStream out) {
        out.printf(Locale.ROOT, "baseline:  %s (run %s)%n", c.baseline().label(), c.baseline().runId());
        out.printf(Locale.ROOT, "candidate: %s (run %s)%n", c.candidate().label(), c.candidate().runId());
        if (c.overlap().needsWarning()) {
            out.println(c.overlap().warning());
        }
        if (c.unscored() > 0) {
            out.println("left out: " + c.unscored() + " shared task(s) that a run scored in no attempt (every attempt errored)");
        }
        out.printf(Locale.ROOT, "score: baseline %.3f, candidate %.3f over %d task(s); difference %+.3f (%d%% CI %s, s.e. %.3f)%n",
            c.baselineScore(), c.candidateScore(), c.pairs().size(), c.difference().mean(), Math.round(c.options().level() * 100),
            Double.isNaN(c.difference().low()) ? "-" : String.format(Locale.ROOT, "%+.3f to %+.3f", c.difference().low(), c.difference().high()),
            c.difference().stderr());
        out.printf(Locale.ROOT, "paired test: p = %s (%s; %d task(s) differ)%n", RegressionGate.p(c.test().pValue()), c.test().method(), c.test().nonZero());
        out.printf(Locale.ROOT, "flips: %d pass→fail, %d fail→pass%n", c.passToFail().size(), c.failToPass().size());
        named(out, "pass→fail", c.passToFail());
        named(out, "fail→pass", c.failToPass());
    }

    private static void named(PrintStream out, String what, List<TaskKey> tasks) {
        if (tasks.isEmpty()) {
            return;
        }
        out.println("  " + what + ": " + tasks.stream().limit(MAX_NAMED).map(t -> t.dataset() + "/" + t.taskId()).collect(Collectors.joining(", "))
            + (tasks.size() > MAX_NAMED ? " and " + (tasks.size() - MAX_NAMED) + " more" : ""));
    }
}
