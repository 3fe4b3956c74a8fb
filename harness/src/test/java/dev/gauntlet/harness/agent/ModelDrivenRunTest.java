package dev.gauntlet.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.RemovesSnapshots;
import dev.gauntlet.harness.Runs;
import dev.gauntlet.harness.model.Message;
import dev.gauntlet.harness.model.ModelRequest;
import dev.gauntlet.harness.model.OracleModel;
import dev.gauntlet.harness.model.ToolSpec;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepRecordReader;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bash agent against local servers that speak the OpenAI and Anthropic wire formats: two example tasks
 * solved, a third failed, with the right steps, tokens and cost; a third of requests failing with 429/500 and
 * retried; and no API key anywhere in the run directory.
 */
@ExtendWith(RemovesSnapshots.class)
class ModelDrivenRunTest {

    static final List<String> SOLVED = List.of("log-analysis-awk", "regex-order-ids");
    static final String FAILED = "jq-events-summary";

    @TempDir
    static Path dataset;
    static Map<String, Task> tasks;

    @BeforeAll
    static void linkThreeExamples() throws Exception {
        for (String name : Stream.concat(SOLVED.stream(), Stream.of(FAILED)).toList()) {
            Files.createSymbolicLink(dataset.resolve(name), Path.of("../datasets/examples", name).toAbsolutePath().normalize());
        }
        tasks = Dataset.load(dataset).tasks().stream().collect(Collectors.toMap(t -> t.dir().getFileName().toString(), Function.identity()));
    }

    Map<String, Task> toSolve() {
        return SOLVED.stream().collect(Collectors.toMap(Function.identity(), tasks::get));
    }

    @Test
    void anOpenAiCompatibleServerSolvesTwoTasksAndFailsTheThird(@TempDir Path out) throws Exception {
        try (FakeModelServer server = new FakeModelServer(false, toSolve(), 0)) {
            Runs.Finished run = run(server, "openai/gpt-4o", Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", FakeModelServer.KEY), out);

            checkRecords(run, 100, 20, 10, (80 * 2.50 + 20 * 1.25 + 10 * 10.00) / 1e6);
            assertThat(server.authHeaders).isNotEmpty().allMatch(h -> h.equals("Bearer " + FakeModelServer.KEY));
            assertNoKeyIn(run.result().dir().root(), run.output());
        }
    }

    @Test
    void anAnthropicServerDoesTheSame(@TempDir Path out) throws Exception {
        try (FakeModelServer server = new FakeModelServer(true, toSolve(), 0)) {
            Runs.Finished run = run(server, "anthropic/claude-sonnet-4-5",
                Map.of("ANTHROPIC_BASE_URL", server.baseUrl(), "ANTHROPIC_API_KEY", FakeModelServer.KEY), out);

            checkRecords(run, 100, 20, 10, (80 * 3.00 + 20 * 0.30 + 10 * 15.00) / 1e6);
            assertThat(server.authHeaders).isNotEmpty().allMatch(FakeModelServer.KEY::equals);
            assertNoKeyIn(run.result().dir().root(), run.output());
        }
    }

    @Test
    void aServerFailingAThirdOfRequestsIsRetriedAndEveryTrialRecorded(@TempDir Path out) throws Exception {
        try (FakeModelServer server = new FakeModelServer(false, toSolve(), 3)) {
            Runs.Finished run = run(server, "openai/gpt-4o", Map.of("OPENAI_BASE_URL", server.baseUrl(), "OPENAI_API_KEY", FakeModelServer.KEY), out);

            List<TrialRecord> records = checkRecords(run, 100, 20, 10, (80 * 2.50 + 20 * 1.25 + 10 * 10.00) / 1e6);
            assertThat(server.failures.get()).isPositive().isEqualTo(server.requests.get() / 3);
            assertThat(records.stream().mapToInt(r -> r.usage().modelRetries()).sum()).isEqualTo(server.failures.get());
        }
    }

    private static Runs.Finished run(FakeModelServer server, String model, Map<String, String> env, Path out) {
        return Runs.run(dataset, "bash", model, 1, out.resolve("run"), TrialOptions.defaults(), AgentLimits.defaults(), env);
    }

    private static List<TrialRecord> checkRecords(Runs.Finished run, long input, long cached, long output, double costPerStep) throws Exception {
        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        List<StepRecord> steps = StepRecordReader.readAll(run.result().dir().steps());
        assertThat(records).as(run.output()).hasSize(3);
        for (TrialRecord r : records) {
            String name = tasks.entrySet().stream().filter(e -> e.getValue().id().equals(r.taskId())).findFirst().orElseThrow().getKey();
            boolean solved = SOLVED.contains(name);
            int expectedSteps = solved ? oracleCommands(tasks.get(name)) + 1 : 2;
            assertThat(r.status()).as(name + "\n" + run.output()).isEqualTo(solved ? TrialStatus.PASSED : TrialStatus.FAILED);
            assertThat(r.usage().steps()).as(name).isEqualTo(expectedSteps);
            assertThat(r.usage().inputTokens()).isEqualTo(input * expectedSteps);
            assertThat(r.usage().cachedInputTokens()).isEqualTo(cached * expectedSteps);
            assertThat(r.usage().outputTokens()).isEqualTo(output * expectedSteps);
            assertThat(r.usage().costUsd()).isCloseTo(costPerStep * expectedSteps, org.assertj.core.data.Offset.offset(1e-12));
            assertThat(r.usage().limitHit()).isNull();
            List<StepRecord> mine = steps.stream().filter(s -> s.trialId().equals(r.trialId())).sorted(java.util.Comparator.comparingInt(StepRecord::step)).toList();
            assertThat(mine).extracting(StepRecord::step).isEqualTo(java.util.stream.IntStream.rangeClosed(1, expectedSteps).boxed().toList());
            assertThat(mine.getLast().command()).isEqualTo("submit");
            assertThat(mine.subList(0, expectedSteps - 1)).allSatisfy(s -> {
                assertThat(s.exitCode()).isEqualTo(0);
                assertThat(s.inputTokens()).isEqualTo(input);
            });
            if (!solved) {
                assertThat(mine.getFirst().command()).isEqualTo("echo I give up");
                assertThat(mine.getFirst().output()).isEqualTo("I give up\n");
            }
        }
        return records;
    }

    private static int oracleCommands(Task task) {
        OracleModel oracle = new OracleModel(task);
        int n = 0;
        while (!oracle.complete(new ModelRequest(java.util.Collections.nCopies(n, Message.assistant("", List.of())),
            List.of(new ToolSpec("bash", "", "{}")), 10)).result().toolCalls().getFirst().name().equals("submit")) {
            n++;
        }
        return n;
    }

    static void assertNoKeyIn(Path runDir, String printed) throws Exception {
        assertThat(printed).doesNotContain(FakeModelServer.KEY);
        try (Stream<Path> files = Files.walk(runDir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertThat(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1)).as(file.toString()).doesNotContain(FakeModelServer.KEY);
            }
        }
    }
}
