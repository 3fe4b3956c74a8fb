package dev.gauntlet.reports.output;

import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.TestRuns;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.metrics.MetricOptions;
import java.nio.file.Path;
import java.util.List;

/** Two runs of four tasks, two attempts each, with passes, fails and an error: the input of the golden files. */
final class SampleBoard {

    private SampleBoard() {
    }

    static List<Path> runs(Path tmp) {
        List<String> tasks = List.of("fix-bug", "hello-world", "parse-csv", "sql-join");
        Path strong = TestRuns.write(tmp.resolve("strong"), new TestRuns.Spec("run-strong", "bash", "openai/gpt-4.1", tasks, 2,
            (task, attempt) -> task == 3 && attempt == 2 ? TrialStatus.FAILED : TrialStatus.PASSED));
        Path weak = TestRuns.write(tmp.resolve("weak"), new TestRuns.Spec("run-weak", "bash", "openai/gpt-weak", tasks, 2,
            (task, attempt) -> switch (task) {
                case 0 -> TrialStatus.PASSED;
                case 1 -> attempt == 1 ? TrialStatus.PASSED : TrialStatus.ERROR;
                case 2 -> attempt == 1 ? TrialStatus.FAILED : TrialStatus.PASSED;
                default -> TrialStatus.FAILED;
            }));
        return List.of(weak, strong);
    }

    static Leaderboard board(Path tmp) {
        return Leaderboard.of(runs(tmp).stream().map(RunRecords::read).toList(), MetricOptions.defaults());
    }
}
