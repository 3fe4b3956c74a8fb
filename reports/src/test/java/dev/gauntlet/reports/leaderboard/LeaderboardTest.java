package dev.gauntlet.reports.leaderboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.TestRuns;
import dev.gauntlet.reports.TestRuns.Outcome;
import dev.gauntlet.reports.TestRuns.Spec;
import dev.gauntlet.reports.metrics.MetricOptions;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeaderboardTest {

    @TempDir
    Path tmp;

    RunRecords run(String runId, String model, List<String> tasks, Outcome outcome) {
        return RunRecords.read(TestRuns.write(tmp.resolve(runId), new Spec(runId, "bash", model, tasks, 2, outcome)));
    }

    @Test
    void contendersAreRankedByScoreAndTwoRunsOfOneModelAreToldApartByRun() {
        List<String> tasks = TestRuns.tasks(4);
        Leaderboard board = Leaderboard.of(List.of(
            run("monday", "m", tasks, Outcome.passWhere(t -> t < 1)),
            run("tuesday", "m", tasks, Outcome.passWhere(t -> t < 3)),
            run("other", "n", tasks, (t, a) -> TrialStatus.ERROR)), MetricOptions.defaults());

        assertThat(board.standings()).extracting(s -> s.contender().label()).containsExactly("bash (m) @ tuesday", "bash (m) @ monday", "bash (n)");
        assertThat(board.standings()).extracting(s -> s.score().mean()).containsExactly(0.75, 0.25, Double.NaN);
        assertThat(board.maxAttempts()).isEqualTo(2);
    }

    @Test
    void theMatrixSaysHowEachContendersAttemptsAtEachTaskEnded() {
        List<String> tasks = TestRuns.tasks(4);
        Outcome mixed = (t, a) -> switch (t) {
            case 0 -> TrialStatus.PASSED;
            case 1 -> a == 1 ? TrialStatus.PASSED : TrialStatus.FAILED;
            case 2 -> TrialStatus.FAILED;
            default -> TrialStatus.ERROR;
        };
        Leaderboard board = Leaderboard.of(List.of(run("a", "m", tasks, mixed), run("b", "n", tasks.subList(0, 1), Outcome.passWhere(t -> false))),
            MetricOptions.defaults());

        TaskMatrix m = board.matrix();
        assertThat(m.tasks()).extracting(TaskMatrix.TaskKey::taskId).containsExactlyElementsOf(tasks);
        assertThat(m.cells()).extracting(row -> row.get(0).outcome()).containsExactly("pass", "mixed", "fail", "error");
        assertThat(m.cells()).extracting(row -> row.get(1).outcome()).containsExactly("fail", "none", "none", "none");
        assertThat(m.cells().get(1).get(0)).isEqualTo(new TaskMatrix.Cell(1, 1, 0));
        assertThat(m.passedByNone()).extracting(TaskMatrix.TaskKey::taskId).containsExactly("task-002", "task-003");
    }

    @Test
    void distributionsAreOrderStatisticsWithAHistogramFromZeroToTheMaximum() {
        Distribution d = Distribution.of(new double[] {4, 1, 2, 3, 10, 0, 5, 6, 7, 8}, 2);

        assertThat(d.count()).isEqualTo(10);
        assertThat(d.missing()).isEqualTo(2);
        assertThat(d.mean()).isEqualTo(4.6);
        assertThat(d.p50()).isEqualTo(4);
        assertThat(d.p90()).isEqualTo(8);
        assertThat(d.max()).isEqualTo(10);
        assertThat(d.bins()).hasSize(Distribution.BINS);
        assertThat(d.bins().stream().mapToInt(Integer::intValue).sum()).isEqualTo(10);
        assertThat(d.bins().getLast()).as("the maximum falls in the last bin").isEqualTo(1);
        assertThat(Distribution.of(new double[0], 3).mean()).isNaN();
    }
}
