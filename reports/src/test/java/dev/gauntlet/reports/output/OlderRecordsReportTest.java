package dev.gauntlet.reports.output;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.records.StepRecordReader;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.leaderboard.Leaderboard;
import dev.gauntlet.reports.metrics.MetricOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reports over runs recorded by every earlier schema version: the records module's fixtures, as part files of runs. */
class OlderRecordsReportTest {

    static final Path FIXTURES = Path.of("../records/src/test/resources/fixtures");

    @TempDir
    Path tmp;

    @Test
    void runsOfSchemaVersionsOneAndTwoMakeAFullReport() throws Exception {
        Path v1 = run("v1", "trials-v1.parquet", "steps-v1.parquet");
        Path v2 = run("v2", "trials-v2.parquet", null);
        List<TrialRecord> v1Trials = TrialRecordReader.read(FIXTURES.resolve("trials-v1.parquet"));
        List<TrialRecord> v2Trials = TrialRecordReader.read(FIXTURES.resolve("trials-v2.parquet"));

        Leaderboard board = Leaderboard.of(List.of(RunRecords.read(v1), RunRecords.read(v2)), MetricOptions.defaults());
        ReportFiles.Written written = ReportFiles.write(board, tmp.resolve("report"), HtmlReport.DEFAULT_TRAJECTORY_BUDGET);

        assertThat(board.standings().stream().mapToInt(s -> s.trials().size()).sum()).isEqualTo(v1Trials.size() + v2Trials.size());
        JunitXmlTest.validate(Files.readString(written.junit()));
        String html = Files.readString(written.html());
        v1Trials.forEach(r -> assertThat(html).contains(r.taskId()));
        v2Trials.forEach(r -> assertThat(html).contains(r.taskId()));
        String firstCommand = StepRecordReader.read(FIXTURES.resolve("steps-v1.parquet")).stream()
            .filter(s -> s.command() != null).findFirst().orElseThrow().command();
        assertThat(html).contains(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(firstCommand)
            .replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026"));
        assertThat(Files.readString(written.markdown())).contains("| 1 |");
    }

    private Path run(String name, String trials, String steps) throws Exception {
        Path dir = tmp.resolve(name);
        Files.createDirectories(dir.resolve("trials"));
        Files.copy(FIXTURES.resolve(trials), dir.resolve("trials/part-00000-00000000.parquet"));
        if (steps != null) {
            Files.createDirectories(dir.resolve("steps"));
            Files.copy(FIXTURES.resolve(steps), dir.resolve("steps/part-00000-00000000.parquet"));
        }
        return dir;
    }
}
