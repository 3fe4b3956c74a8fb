package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.SandboxLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs across two Docker engines on this machine: the local one and a second dockerd started by
 * {@code scripts/second-engine.sh} (its own socket, data root, exec root, pid file and bridge).
 */
@ExtendWith(RemovesSnapshots.class)
class FleetIT {

    private static final String FIRST = "unix:///var/run/docker.sock";
    private static final Path SCRIPT = Path.of("../scripts/second-engine.sh");
    private static final Pattern TRIAL_LINE = Pattern.compile("^\\[\\s*\\d+/\\d+\\] ", Pattern.MULTILINE);
    private static String second;

    @BeforeAll
    static void startSecondEngine() {
        List<String> out = Docker.run("bash", SCRIPT.toString(), "start");
        second = out.getLast();
    }

    @AfterAll
    static void stopSecondEngine() {
        Docker.run("bash", SCRIPT.toString(), "stop");
    }

    @Test
    void theExamplesRunOnBothEnginesAndAllPass(@TempDir Path tmp) throws Exception {
        Path runDir = tmp.resolve("run");
        Path engines = Files.writeString(tmp.resolve("engines.yaml"), "engines:\n  - host: " + second + "\n");
        CliIT.Exit exit = CliIT.gauntlet(tmp, "run", "../datasets/examples", "--docker-host", FIRST, "--engines", engines.toString(),
            "--out", runDir.toString());

        assertThat(exit.code()).as(exit.output()).isZero();
        List<TrialRecord> records = TrialRecordReader.readAll(runDir.resolve("trials"));
        assertThat(records).isNotEmpty().allSatisfy(r -> assertThat(r.status()).as(r.errorMessage()).isEqualTo(TrialStatus.PASSED));
        assertThat(records.stream().map(TrialRecord::sandboxHost).distinct()).containsExactlyInAnyOrder(FIRST, second);
        assertThat(exit.output()).contains("engine ").contains(second).contains("engines up 2/2");
        assertNothingLeft(records.getFirst().runId());

        CliIT.Exit cleanup = CliIT.gauntlet(tmp, "cleanup", "--docker-host", FIRST, "--docker-host", second);
        assertThat(cleanup.code()).as(cleanup.output()).isZero();
        assertThat(cleanup.output()).contains(FIRST + ": Removed 0 sandbox(es)").contains(second + ": Removed 0 sandbox(es)");
    }

    @Test
    void killingAnEngineMidRunLosesNoTrial(@TempDir Path tmp) throws Exception {
        loseTheSecondEngineMidRun(tmp, "kill", "start");
    }

    @Test
    void anEngineThatHangsMidRunIsLeftBehindAndLosesNoTrial(@TempDir Path tmp) throws Exception {
        // SIGSTOP: its connections stay open and nothing answers; the trials on it must not wait for it
        loseTheSecondEngineMidRun(tmp, "freeze", "thaw");
    }

    /**
     * Runs 96 trials on both engines, breaks the second one after six are done, mends it six trials later (enough trials
     * are left for the run to see it come back).
     */
    private static void loseTheSecondEngineMidRun(Path tmp, String breakIt, String mendIt) throws Exception {
        Path dataset = tmp.resolve("set");
        for (int i = 0; i < 6; i++) {
            TaskWriter.task(dataset, "t" + i, "", "sleep 1; echo " + i + " > /app/answer\n",
                "test \"$(cat /app/answer)\" = " + i + " && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        }
        Path runDir = tmp.resolve("run");
        Path output = tmp.resolve("output.txt");
        Process run = CliIT.start(output, "run", dataset.toString(), "--attempts", "16", "--concurrency", "4", "--max-retries", "3",
            "--docker-host", FIRST, "--docker-host", second, "--out", runDir.toString());
        try {
            awaitOutput(run, output, text -> trialLines(text) >= 6);
            Docker.run("bash", SCRIPT.toString(), breakIt);
            awaitOutput(run, output, text -> text.contains("engine " + second + " is down"));
            int linesAtBreak = trialLines(Files.readString(output));
            awaitOutput(run, output, text -> trialLines(text) >= linesAtBreak + 6);
        } finally {
            Docker.run("bash", SCRIPT.toString(), mendIt);
        }

        assertThat(run.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output);
        assertThat(run.exitValue()).as(printed).isZero();
        List<TrialRecord> records = TrialRecordReader.readAll(runDir.resolve("trials"));
        assertThat(records).hasSize(96);
        assertThat(records.stream().map(TrialRecord::trialId).distinct().count()).isEqualTo(96);
        assertThat(records).allSatisfy(r -> assertThat(r.status()).as(r.errorMessage()).isEqualTo(TrialStatus.PASSED));
        assertThat(records.stream().filter(r -> r.retries() > 0).map(TrialRecord::sandboxHost)).as("retried elsewhere")
            .isNotEmpty().allSatisfy(host -> assertThat(host).isEqualTo(FIRST));
        JsonNode json = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(json.get("engine_events").toString()).contains("is down");
        assertThat(json.get("summary").get("engines").has(FIRST)).isTrue();
        // back before the end: the run's leftovers on it were removed when it was taken back, and the rest at the end
        assertThat(json.get("engine_events").toString()).contains("answers again");
        assertNothingLeft(records.getFirst().runId());
    }

    private static void assertNothingLeft(String runId) {
        assertThat(Docker.containersWithLabel(SandboxLabels.RUN + "=" + runId)).isEmpty();
        assertThat(Docker.run("docker", "-H", second, "ps", "-aq", "--filter", "label=" + SandboxLabels.RUN + "=" + runId)).isEmpty();
    }

    private static int trialLines(String text) {
        Matcher m = TRIAL_LINE.matcher(text);
        int seen = 0;
        while (m.find()) {
            seen++;
        }
        return seen;
    }

    private static void awaitOutput(Process process, Path output, java.util.function.Predicate<String> done) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline) {
            String text = Files.readString(output);
            if (done.test(text)) {
                return;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the run did not get there: " + Files.readString(output));
    }
}
