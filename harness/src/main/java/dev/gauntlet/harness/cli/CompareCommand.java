package dev.gauntlet.harness.cli;

import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.compare.ComparisonText;
import dev.gauntlet.reports.compare.RegressionGate;
import dev.gauntlet.reports.compare.RunComparison;
import dev.gauntlet.reports.metrics.ErrorPolicy;
import dev.gauntlet.reports.metrics.MetricOptions;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet compare BASELINE_RUN CANDIDATE_RUN}: per-task flips, the score difference and a paired test; a regression gate. */
@Command(name = "compare", mixinStandardHelpOptions = true,
    description = {"Pairs the two runs' trials by task: per-task flips, the score difference with its confidence interval, and a "
        + "paired significance test. Runs of different task sets are compared on the tasks they share, with a warning.",
        "Exit code " + CompareCommand.REGRESSION + " when --fail-if-drop is given and the candidate is worse by more than it, significantly."})
final class CompareCommand implements Callable<Integer> {

    /** The exit code of a regression: apart from 1 (could not run) and 3 (a run past its error budget), so a nightly job can tell them apart. */
    static final int REGRESSION = 4;

    @Parameters(index = "0", paramLabel = "BASELINE_RUN", description = "The run to compare against.")
    Path baseline;

    @Parameters(index = "1", paramLabel = "CANDIDATE_RUN", description = "The run being judged.")
    Path candidate;

    @Option(names = "--fail-if-drop", paramLabel = "X",
        description = "Exit " + REGRESSION + " when the candidate's score is lower by more than X (e.g. 0.05) and the drop is significant.")
    Double failIfDrop;

    @Option(names = "--alpha", defaultValue = "" + RegressionGate.DEFAULT_ALPHA, description = "Significance level of the test. Default: ${DEFAULT-VALUE}.")
    double alpha;

    @Option(names = "--errors", defaultValue = "exclude",
        description = "How errored trials count in scores: exclude (left out) or zero (reward 0). Default: ${DEFAULT-VALUE}.")
    ErrorPolicy errors;

    @Option(names = "--seed", defaultValue = "" + MetricOptions.DEFAULT_SEED, description = "Seed of the bootstrap and of resampled tests. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Override
    public Integer call() {
        RegressionGate gate = failIfDrop == null ? null : new RegressionGate(failIfDrop, alpha);
        RunComparison comparison = RunComparison.of(RunRecords.read(baseline), RunRecords.read(candidate),
            MetricOptions.defaults().withErrors(errors).withSeed(seed));
        ComparisonText.print(comparison, System.out);
        if (gate == null) {
            return 0;
        }
        RegressionGate.Verdict verdict = gate.judge(comparison);
        System.out.println(verdict.reason());
        return verdict.regression() ? REGRESSION : 0;
    }
}
