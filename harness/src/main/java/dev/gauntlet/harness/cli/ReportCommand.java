package dev.gauntlet.harness.cli;

import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.metrics.ErrorPolicy;
import dev.gauntlet.reports.metrics.MetricOptions;
import dev.gauntlet.reports.output.HtmlReport;
import dev.gauntlet.reports.output.LeaderboardTable;
import dev.gauntlet.reports.output.ReportFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet report RUN_DIR...}: the leaderboard on the terminal, and report.html, summary.md and junit.xml. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = {"Prints a leaderboard of the runs' agents and models, and writes report.html (self-contained), summary.md "
        + "(for a CI job summary) and junit.xml (one test case per task and contender).",
        "With one run the files go into its directory; with several, into --out."})
final class ReportCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "RUN_DIR", description = "A run directory (with trials/ and steps/).")
    List<Path> runs;

    @Option(names = "--out", description = "Where to write the files. Default: the run directory, or ./report for several runs.")
    Path out;

    @Option(names = "--errors", defaultValue = "exclude",
        description = "How errored trials count in scores: exclude (left out) or zero (reward 0). Default: ${DEFAULT-VALUE}.")
    ErrorPolicy errors;

    @Option(names = "--seed", defaultValue = "" + MetricOptions.DEFAULT_SEED, description = "Bootstrap seed. Default: ${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--max-trajectory-mb", defaultValue = "" + (HtmlReport.DEFAULT_TRAJECTORY_BUDGET >> 20),
        description = "Step text embedded in report.html, in millions of chars, shared equally by the contenders; past it, steps are left out, "
            + "those of passed trials first. Default: ${DEFAULT-VALUE}.")
    long maxTrajectoryMb;

    @Override
    public Integer call() {
        MetricOptions options = MetricOptions.defaults().withErrors(errors).withSeed(seed);
        Leaderboard board = Leaderboard.of(runs.stream().map(RunRecords::read).toList(), options);
        Path dir = out != null ? out : runs.size() == 1 ? runs.getFirst() : Path.of("report");
        ReportFiles.Written written = ReportFiles.write(board, dir, maxTrajectoryMb << 20);
        LeaderboardTable.print(board, System.out);
        if (written.stepsOmitted() > 0) {
            System.out.println(written.stepsOmitted() + " step(s) not embedded in report.html (--max-trajectory-mb " + maxTrajectoryMb + ")");
        }
        System.out.println("Wrote " + written.html() + ", " + written.markdown().getFileName() + ", " + written.junit().getFileName());
        return 0;
    }
}
