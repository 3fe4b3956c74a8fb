package dev.gauntlet.reports.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.reports.leaderboard.Leaderboard;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlReportTest {

    @TempDir
    Path tmp;

    @Test
    void thePageLoadsNothingFromElsewhereAndNoRecordTextCanCloseItsScripts() throws Exception {
        StringWriter html = new StringWriter();
        HtmlReport.write(SampleBoard.board(tmp), html, HtmlReport.DEFAULT_TRAJECTORY_BUDGET);

        String page = html.toString();
        assertThat(page).doesNotContain("<link").doesNotContain(" src=").doesNotContain("https:")
            .doesNotContain("url(").doesNotContain("@import");
        // the command '... echo '<done> & "ok"'' is embedded as JSON with < > & escaped
        assertThat(page).contains("echo '\\u003Cdone\\u003E \\u0026 \\\"ok\\\"'").doesNotContain("<done>");
        assertThat(page.split("</script>", -1)).hasSize(4);
        assertThat(page).contains("id=\"pass-at-k\"").contains("<svg").contains("agent_timeout");
        // per-task means averaged per group: gpt-4.1 easy (1, 1), hard (1, 0.5); gpt-weak easy (1, 0.5), hard (1 with its error left out, 0)
        assertThat(page).contains("<tr><td>easy</td><td class=\"num\">1.000 (2)</td><td class=\"num\">0.750 (2)</td></tr>")
            .contains("<tr><td>hard</td><td class=\"num\">0.750 (2)</td><td class=\"num\">0.500 (2)</td></tr>");
    }

    @Test
    void pastTheBudgetStepsOfPassedTrialsAreLeftOutFirst() throws Exception {
        Leaderboard board = SampleBoard.board(tmp);
        TrialIndex index = new TrialIndex(board);
        // 600 chars per contender, room for a few steps of 65 and 110 chars; passed trials may use only half of it
        Trajectories trajectories = new Trajectories(index, board.standings().size(), 1200);
        StringWriter out = new StringWriter();
        try (var json = new com.fasterxml.jackson.core.JsonFactory().createGenerator(out)) {
            trajectories.write(board.runs(), json);
        }

        // the weak run's steps come first: fix-bug (passed twice), hello-world (passed, then errored), parse-csv (failed,
        // then passed), sql-join (failed twice); passed trials stop being embedded at half the budget
        assertThat(trajectories.omittedTotal()).isPositive();
        assertThat(embedded(index, trajectories, "run-weak", "hello-world-bash-1")).isZero();
        assertThat(embedded(index, trajectories, "run-weak", "parse-csv-bash-1")).isEqualTo(2);
        assertThat(embedded(index, trajectories, "run-weak", "sql-join-bash-1")).isEqualTo(2);
        assertThat(embedded(index, trajectories, "run-strong", "fix-bug-bash-1")).as("the run streamed last has its own share").isEqualTo(2);
        assertThat(trajectories.latencies(1).model().count()).as("every step of gpt-weak (second), embedded or not").isEqualTo(14);
        assertThat(trajectories.latencies(0).model().count()).isEqualTo(16);
    }

    private static int embedded(TrialIndex index, Trajectories trajectories, String run, String trial) {
        return trajectories.embedded(index.find(run, trial));
    }
}
