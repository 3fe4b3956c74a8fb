package dev.gauntlet.harness.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.datasets.DatasetOptions;
import dev.gauntlet.harness.Docker;
import dev.gauntlet.harness.Runs;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentSettings;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.model.Prices;
import dev.gauntlet.harness.run.ErrorBudget;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.run.ScoringOptions;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.metrics.ErrorPolicy;
import dev.gauntlet.reports.metrics.GroupedMetrics;
import dev.gauntlet.reports.metrics.MetricOptions;
import dev.gauntlet.reports.metrics.RunMetrics;
import dev.gauntlet.sandbox.SandboxLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Terminal-Bench 1 tasks and JSONL samples, end to end on the real engine: each scorer named in the records, the
 * answers and verdicts kept, metrics in run.json equal to those computed from the Parquet records alone.
 */
class ScoredRunsTest {

    static final Path TB1 = Path.of("../datasets/examples/tb1-count-words");
    static final Path ANSWERS = Path.of("../datasets/examples/answers.jsonl");
    static final ObjectMapper JSON = new ObjectMapper();
    static final Set<String> SNAPSHOTS_BEFORE = new HashSet<>();

    @TempDir
    Path tmp;

    /** Task snapshots are a cache a user keeps; the tests remove the ones they made, and only those. */
    @BeforeAll
    static void rememberSnapshots() {
        SNAPSHOTS_BEFORE.addAll(snapshots());
    }

    @AfterAll
    static void removeNewSnapshots() {
        snapshots().stream().filter(s -> !SNAPSHOTS_BEFORE.contains(s)).forEach(s -> Docker.run("sh", "-c", "docker rmi " + s + " >/dev/null 2>&1; true"));
    }

    static List<String> snapshots() {
        return Docker.run("docker", "images", "--filter", "label=" + SandboxLabels.OWNER + "=snapshot", "--format", "{{.Repository}}:{{.Tag}}");
    }

    static Runs.Finished run(List<Path> datasets, String agent, String model, int attempts, Path out, ScoringOptions scoring,
                             Map<String, String> env) {
        return Runs.run(new RunOptions(datasets, List.of(agent), model == null ? List.of() : List.of(model), attempts, 4, out,
            TrialOptions.defaults(), 64,
            new AgentSettings(Prices.builtIn(), false, null, List.of(), env), AgentLimits.defaults(),
            new ModelSettings(null, Duration.ofSeconds(10), 1, env), ErrorBudget.UNLIMITED, RunOptions.DEFAULT_GRACE_PERIOD,
            DatasetOptions.defaults(), scoring));
    }

    static Map<String, TrialRecord> byTask(List<TrialRecord> records) {
        return records.stream().collect(Collectors.toMap(TrialRecord::taskId, Function.identity(), (a, b) -> a));
    }

    @Test
    void theOraclePassesATerminalBenchTaskAndEverySampleAndTheMetricsFollowFromTheRecords() throws Exception {
        Runs.Finished run = run(List.of(TB1, ANSWERS), "oracle", null, 2, tmp.resolve("run"), ScoringOptions.defaults(), Map.of());

        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        assertThat(records).as(run.output()).hasSize(2 * 7).allSatisfy(r -> assertThat(r.status()).as(r.taskId()).isEqualTo(TrialStatus.PASSED));
        Map<String, TrialRecord> byTask = byTask(records);
        assertThat(byTask.get("tb1-count-words").scorer()).isEqualTo("exit_code");
        assertThat(byTask.get("tb1-count-words").metadata()).containsEntry("difficulty", "easy");
        assertThat(byTask.get("tb1-count-words").datasetFingerprint()).isEqualTo(Dataset.load(TB1).fingerprint());
        assertThat(byTask.get("sum").scorer()).isEqualTo("exact");
        assertThat(byTask.get("sum").rewards()).isEqualTo(Map.of("reward", 1.0));
        assertThat(byTask.get("sum").image()).isEqualTo("debian:bookworm-slim");
        assertThat(byTask.get("sum").datasetFingerprint()).isEqualTo(Dataset.load(ANSWERS).fingerprint());
        assertThat(Docker.containersWithLabel(SandboxLabels.RUN + "=" + run.result().runId())).isEmpty();

        JsonNode runJson = JSON.readTree(run.result().dir().runJson().toFile());
        assertThat(runJson.at("/datasets/1/fingerprint").asText()).isEqualTo(Dataset.load(ANSWERS).fingerprint());
        assertThat(runJson.at("/scoring/answer_scorer").asText()).isEqualTo("exact");
        JsonNode metrics = runJson.at("/summary/metrics");
        assertThat(metrics.at("/errors").asText()).isEqualTo("exclude");
        assertThat(metrics.at("/by_agent_model/oracle/pass_at_k/2/mean").asDouble()).isEqualTo(1.0);
        assertThat(metrics.at("/by_agent_model/oracle/tasks").asInt()).isEqualTo(7);
        assertThat(metrics.at("/by_metadata/category/arithmetic/tasks").asInt()).isEqualTo(2);
        RunMetrics fromRecords = RunMetrics.of(records, MetricOptions.defaults());
        assertThat(metrics.at("/by_agent_model/oracle/accuracy/ci_low").asDouble())
            .isEqualTo(fromRecords.byAgentModel().firstEntry().getValue().accuracy().low());
        assertThat(run.output()).contains("pass@2").contains("errored trials excluded").contains("by difficulty");
    }

    @Test
    void withoutAnAnswerOrAWorkingSolutionEveryTrialFailsWithTheReason() throws Exception {
        Runs.Finished run = run(List.of(TB1, ANSWERS), "nop", null, 1, tmp.resolve("run"), ScoringOptions.defaults(), Map.of());

        Map<String, TrialRecord> byTask = byTask(TrialRecordReader.readAll(run.result().dir().trials()));
        assertThat(byTask).as(run.output()).hasSize(7);
        assertThat(byTask.values()).allSatisfy(r -> {
            assertThat(r.status()).as(r.taskId()).isEqualTo(TrialStatus.FAILED);
            assertThat(r.reward()).isEqualTo(0.0);
        });
        assertThat(byTask.get("tb1-count-words").scoreExplanation()).isEqualTo("the verifier script exited with 1");
        assertThat(byTask.get("capital").scoreExplanation()).isEqualTo("no answer: the agent wrote no /logs/agent/answer.txt");
    }

    @Test
    void aNumericScorerReadsTheAgentsAnswerAndAnImpossibleTargetIsAnError() throws Exception {
        Path samples = tmp.resolve("math.jsonl");
        Files.writeString(samples, """
            {"id": "right", "input": "What is 6 times 7?", "target": "42"}
            {"id": "close", "input": "What is 41.99 rounded?", "target": "41.995"}
            {"id": "wrong", "input": "What is 6 times 8?", "target": "48"}
            {"id": "words", "input": "Spell 42.", "target": "forty-two"}
            """);
        Path replies = tmp.resolve("replies.jsonl");
        Files.writeString(replies, "{\"tool_calls\": [{\"name\": \"bash\", \"arguments\": {\"command\": "
            + "\"echo 'I computed it: the answer is 42.' > /logs/agent/answer.txt\"}}]}\n");

        Runs.Finished run = run(List.of(samples), "bash", "scripted:" + replies, 1, tmp.resolve("run"),
            new ScoringOptions("numeric:0.01", null, ErrorPolicy.ZERO), Map.of());

        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        Map<String, TrialRecord> byTask = byTask(records);
        assertThat(byTask.get("right").status()).as(run.output()).isEqualTo(TrialStatus.PASSED);
        assertThat(byTask.get("close").status()).isEqualTo(TrialStatus.PASSED);
        assertThat(byTask.get("wrong").status()).isEqualTo(TrialStatus.FAILED);
        assertThat(byTask.get("wrong").scoreExplanation()).isEqualTo("the answer's number 42 is 6 off 48 (tolerance 0.01)");
        assertThat(byTask.get("right").scorer()).isEqualTo("numeric:0.01");
        assertThat(byTask.get("words").errorKind()).isEqualTo(ErrorKind.VERIFIER);
        assertThat(byTask.get("words").errorMessage()).contains("'forty-two' is not a number");
        JsonNode metrics = JSON.readTree(run.result().dir().runJson().toFile()).at("/summary/metrics/by_agent_model");
        JsonNode bash = metrics.elements().next();
        assertThat(bash.at("/errors").asText()).isEqualTo("zero");
        assertThat(bash.at("/accuracy/mean").asDouble()).as("2 of 4, the error counted as 0").isEqualTo(0.5);
        assertThat(GroupedMetrics.byAgentModel(records, MetricOptions.defaults()).firstEntry().getValue().accuracy().mean())
            .as("2 of 3 with the error excluded").isEqualTo(2.0 / 3);
        assertThat(run.output()).contains("errored trials scored 0");
    }

    @Test
    void aCommandScorerRunsTheUsersScriptInTheSandbox() throws Exception {
        Path samples = tmp.resolve("files.jsonl");
        Files.writeString(samples, """
            {"id": "greeting", "input": "Say hello.", "target": "hello"}
            {"id": "partial", "input": "Say anything.", "target": "partial"}
            """);
        Path script = tmp.resolve("score.sh");
        Files.writeString(script, """
            answer=$(cat "$GAUNTLET_ANSWER_FILE")
            if [ "$GAUNTLET_TARGET" = partial ]; then
              echo '{"reward": 0.5, "style": 1}' > /logs/verifier/reward.json
              exit 0
            fi
            echo "comparing '$answer' with '$GAUNTLET_TARGET'"
            [ "$answer" = "$GAUNTLET_TARGET" ]
            """);

        Runs.Finished run = run(List.of(samples), "oracle", null, 1, tmp.resolve("run"),
            new ScoringOptions("command:" + script, null, ErrorPolicy.EXCLUDE), Map.of());

        Map<String, TrialRecord> byTask = byTask(TrialRecordReader.readAll(run.result().dir().trials()));
        assertThat(byTask.get("greeting").status()).as(run.output()).isEqualTo(TrialStatus.PASSED);
        assertThat(byTask.get("greeting").scorer()).isEqualTo("command:score.sh");
        assertThat(byTask.get("greeting").scoreExplanation()).isEqualTo("comparing 'hello' with 'hello'");
        assertThat(byTask.get("partial").status()).isEqualTo(TrialStatus.FAILED);
        assertThat(byTask.get("partial").reward()).isEqualTo(0.5);
        assertThat(byTask.get("partial").rewards()).isEqualTo(Map.of("reward", 0.5, "style", 1.0));
    }

    @Test
    void aJudgeModelGradesOverHttpAndItsVerdictIsRecorded() throws Exception {
        Path samples = tmp.resolve("qa.jsonl");
        Files.writeString(samples, """
            {"id": "capital", "input": "What is the capital of France?", "target": "Paris"}
            {"id": "river", "input": "Which river flows through Paris?", "target": "Seine"}
            """);
        Path replies = tmp.resolve("replies.jsonl");
        Files.writeString(replies, "{\"tool_calls\": [{\"name\": \"bash\", \"arguments\": {\"command\": "
            + "\"echo 'It is Paris.' > /logs/agent/answer.txt\"}}]}\n");
        Path rubric = tmp.resolve("rubric.md");
        Files.writeString(rubric, "Only the named place matters.");

        try (JudgeServer judge = new JudgeServer()) {
            Runs.Finished run = run(List.of(samples), "bash", "scripted:" + replies, 1, tmp.resolve("run"),
                new ScoringOptions("model:openai/judge-1", rubric, ErrorPolicy.EXCLUDE),
                Map.of("OPENAI_BASE_URL", judge.baseUrl(), "OPENAI_API_KEY", "sk-judge"));

            Map<String, TrialRecord> byTask = byTask(TrialRecordReader.readAll(run.result().dir().trials()));
            assertThat(byTask.get("capital").status()).as(run.output()).isEqualTo(TrialStatus.PASSED);
            assertThat(byTask.get("capital").scorer()).isEqualTo("model:openai/judge-1");
            assertThat(byTask.get("capital").scoreExplanation())
                .isEqualTo("verdict C (correct): The answer contains the reference 'Paris'.\nGRADE: C");
            assertThat(byTask.get("river").status()).isEqualTo(TrialStatus.FAILED);
            assertThat(byTask.get("river").scoreExplanation()).startsWith("verdict I (incorrect): The answer lacks the reference 'Seine'.");
            assertThat(judge.prompts).hasSize(2).allSatisfy(p -> assertThat(p).contains("[Rubric]\nOnly the named place matters.")
                .contains("[Answer to grade]\nIt is Paris."));
        }
    }
}
