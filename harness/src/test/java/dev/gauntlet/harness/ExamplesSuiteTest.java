package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.SandboxLabels;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled suite (Harbor tasks, a Terminal-Bench 1 task and a JSONL sample file), end to end on the real engine:
 * the oracle passes every task, nop passes none, and the Parquet records read back in DuckDB with one row per trial.
 */
@ExtendWith(RemovesSnapshots.class)
class ExamplesSuiteTest {

    static final Path EXAMPLES = Path.of("../datasets/examples");
    static final Map<String, Task> TASKS = Dataset.load(EXAMPLES).tasks().stream()
        .collect(Collectors.toMap(Task::id, Function.identity()));

    @Test
    void theOraclePassesEveryTaskAndTheRecordsReadBackInDuckDb(@TempDir Path out) throws Exception {
        Runs.Finished run = Runs.run(EXAMPLES, "oracle", 1, out.resolve("run"));

        assertThat(run.result().summary().count(TrialStatus.PASSED)).as(run.output()).isEqualTo(TASKS.size());
        assertThat(Docker.containersWithLabel(SandboxLabels.RUN + "=" + run.result().runId())).isEmpty();
        assertThat(run.output()).contains("Run directory: " + run.result().dir().root());

        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        assertThat(records).hasSize(TASKS.size());
        Map<String, TrialRecord> byTrial = records.stream().collect(Collectors.toMap(TrialRecord::trialId, r -> r));
        assertThat(byTrial).hasSize(TASKS.size());

        try (Connection db = DriverManager.getConnection("jdbc:duckdb:");
             Statement sql = db.createStatement();
             ResultSet rows = sql.executeQuery("SELECT * FROM read_parquet('" + run.result().dir().trials() + "/part-*.parquet') ORDER BY task_id")) {
            Set<String> seenTasks = new HashSet<>();
            int count = 0;
            while (rows.next()) {
                count++;
                TrialRecord expected = byTrial.get(rows.getString("trial_id"));
                Task task = TASKS.get(rows.getString("task_id"));
                seenTasks.add(task.id());
                assertThat(rows.getInt("schema_version")).isEqualTo(TrialRecord.SCHEMA_VERSION);
                assertThat(rows.getString("run_id")).isEqualTo(run.result().runId());
                assertThat(rows.getString("dataset")).isEqualTo("examples");
                assertThat(rows.getString("task_hash")).isEqualTo(task.contentHash());
                assertThat(rows.getString("agent")).isEqualTo("oracle");
                assertThat(rows.getString("model")).isNull();
                assertThat(rows.getInt("attempt")).isEqualTo(1);
                assertThat(rows.getString("status")).isEqualTo("passed");
                assertThat(rows.getString("error_kind")).isNull();
                assertThat(rows.getString("error_message")).isNull();
                assertThat(rows.getDouble("reward")).isEqualTo(1.0);
                assertThat(rewardsOf(rows)).isEqualTo(Map.of("reward", 1.0));
                Instant started = rows.getTimestamp("started_at").toInstant();
                Instant finished = rows.getTimestamp("finished_at").toInstant();
                assertThat(started).isEqualTo(expected.startedAt());
                assertThat(finished).isEqualTo(expected.finishedAt()).isAfterOrEqualTo(started);
                assertThat(rows.getLong("setup_ms")).isEqualTo(expected.setupMs()).isNotNegative();
                assertThat(rows.getLong("agent_ms")).isEqualTo(expected.agentMs()).isPositive();
                assertThat(rows.getLong("verifier_ms")).isEqualTo(expected.verifierMs()).isPositive();
                assertThat(rows.getLong("total_ms")).isEqualTo(expected.totalMs())
                    .isGreaterThanOrEqualTo(expected.setupMs() + expected.agentMs() + expected.verifierMs());
                assertThat(rows.getString("image")).isEqualTo(task.environment().buildContextHash() == null ? task.environment().dockerImage()
                    : "gauntlet-env:" + task.environment().buildContextHash().substring(0, 16));
                assertThat(rows.getString("scorer")).isEqualTo(task.verification() instanceof dev.gauntlet.datasets.Verification.Answer
                    ? "exact" : task.dir().resolve("task.yaml").toFile().exists() ? "exit_code" : "reward_file");
                assertThat(rows.getString("sandbox_id")).matches("[0-9a-f]{64}");
            }
            assertThat(count).isEqualTo(TASKS.size());
            assertThat(seenTasks).isEqualTo(TASKS.keySet());
        }
    }

    @Test
    void nopPassesNoTaskAndEveryTaskIsScoredZero(@TempDir Path out) throws Exception {
        Runs.Finished run = Runs.run(EXAMPLES, "nop", 1, out.resolve("run"));

        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        assertThat(records).as(run.output()).hasSize(TASKS.size()).allSatisfy(r -> {
            assertThat(r.status()).as(r.taskId()).isEqualTo(TrialStatus.FAILED);
            assertThat(r.reward()).as(r.taskId()).isEqualTo(0.0);
        });
        assertThat(Docker.containersWithLabel(SandboxLabels.RUN + "=" + run.result().runId())).isEmpty();
    }

    @Test
    void theBashAgentWithTheOracleModelPassesEveryTaskThroughTheWholeLoop(@TempDir Path out) throws Exception {
        Runs.Finished run = Runs.run(EXAMPLES, "bash", "oracle", 1, out.resolve("run"), dev.gauntlet.harness.trial.TrialOptions.defaults(),
            dev.gauntlet.harness.agent.AgentLimits.defaults(), Map.of());

        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        assertThat(records).as(run.output()).hasSize(TASKS.size()).allSatisfy(r -> {
            assertThat(r.status()).as(r.taskId()).isEqualTo(TrialStatus.PASSED);
            // a sample's answer is one command; a task's solution at least two (write solve.sh, run it); then submit
            assertThat(r.usage().steps()).as(r.taskId()).isGreaterThanOrEqualTo(r.taskId().startsWith("answers/") ? 2 : 3);
        });
        assertThat(dev.gauntlet.records.StepRecordReader.readAll(run.result().dir().steps()))
            .hasSize(records.stream().mapToInt(r -> r.usage().steps()).sum());
    }

    private static Map<String, Double> rewardsOf(ResultSet rows) throws Exception {
        Map<String, Double> rewards = new HashMap<>();
        Object map = rows.getObject("rewards");
        assertThat(map).isInstanceOf(Map.class);
        ((Map<?, ?>) map).forEach((k, v) -> rewards.put(String.valueOf(k), ((Number) v).doubleValue()));
        return rewards;
    }
}
