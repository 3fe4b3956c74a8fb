package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepRecordReader;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.SandboxLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A run killed with {@code kill -9} and resumed, as a nightly job on a flaky machine would be. */
@ExtendWith(RemovesSnapshots.class)
class ResumeIT {

    private static final int TASKS = 10;
    private static final int ATTEMPTS = 30;
    private static final Pattern TRIAL_LINE = Pattern.compile("^\\[\\s*\\d+/\\d+\\] ", Pattern.MULTILINE);

    @Test
    void aRunKilledThreeTimesAndResumedEndsWithEveryTrialRecordedOnce(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        for (int i = 0; i < TASKS; i++) {
            TaskWriter.task(dataset, "t" + i, "", "echo " + i + " > /app/answer\n",
                "test \"$(cat /app/answer)\" = " + i + " && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        }
        Path runDir = tmp.resolve("run");
        long seed = System.nanoTime();
        Random random = new Random(seed);

        Path output = tmp.resolve("output-0.txt");
        Process process = CliIT.start(output, "run", dataset.toString(), "--agent", "bash", "--model", "oracle",
            "--attempts", String.valueOf(ATTEMPTS), "--concurrency", "8", "--out", runDir.toString());
        String runId = null;
        for (int kill = 1; kill <= 3; kill++) {
            int after = 5 + random.nextInt(40);
            awaitTrialLines(process, output, after);
            runId = runId != null ? runId : runId(output);
            process.destroyForcibly();
            assertThat(process.waitFor(1, TimeUnit.MINUTES)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            output = tmp.resolve("output-" + kill + ".txt");
            process = CliIT.start(output, "resume", runDir.toString());
        }
        assertThat(process.waitFor(10, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as("seed " + seed + ": " + printed).isZero();
        assertThat(printed).contains("Resuming run " + runId);

        List<TrialRecord> records = TrialRecordReader.readAll(runDir.resolve("trials"));
        assertThat(records).as("seed " + seed).hasSize(TASKS * ATTEMPTS);
        assertThat(records.stream().map(TrialRecord::trialId).distinct().count()).isEqualTo(TASKS * ATTEMPTS);
        assertThat(records.stream().map(r -> r.taskId() + "#" + r.attempt()).distinct().count()).isEqualTo(TASKS * ATTEMPTS);
        assertThat(records).allSatisfy(r -> assertThat(r.status()).as(r.errorMessage()).isEqualTo(TrialStatus.PASSED));
        assertThat(records.stream().map(TrialRecord::runId).distinct().toList()).containsExactly(runId);

        List<StepRecord> steps = StepRecordReader.readAll(runDir.resolve("steps"));
        Set<String> recorded = records.stream().map(TrialRecord::trialId).collect(Collectors.toSet());
        assertThat(steps).allSatisfy(s -> assertThat(recorded).contains(s.trialId()));
        assertThat(steps.stream().map(s -> s.trialId() + "/" + s.step()).distinct().count()).as("no step twice").isEqualTo(steps.size());
        assertThat(steps.stream().map(StepRecord::trialId).distinct().count()).as("every trial's steps").isEqualTo(TASKS * ATTEMPTS);

        JsonNode runJson = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(runJson.get("status").asText()).isEqualTo("completed");
        assertThat(runJson.get("resumes").asInt()).isEqualTo(3);
        assertThat(Docker.containersWithLabel(SandboxLabels.RUN + "=" + runId)).isEmpty();
        try (Stream<Path> files = Files.walk(runDir)) {
            assertThat(files.filter(f -> f.getFileName().toString().endsWith(".tmp")).toList()).isEmpty();
        }
    }

    @Test
    void resumingWithAChangedDatasetNamesTheNewAndStaleTrials(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "kept", "", "true\n", "echo 1 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "changed", "", "true\n", "echo 1 > /logs/verifier/reward.txt\n");
        Path runDir = tmp.resolve("run");
        assertThat(CliIT.gauntlet(tmp, "run", dataset.toString(), "--agent", "nop", "--out", runDir.toString()).code()).isZero();

        TaskWriter.write(dataset.resolve("changed/tests/test.sh"), "echo 0 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "added", "", "true\n", "echo 1 > /logs/verifier/reward.txt\n");
        CliIT.Exit resumed = CliIT.gauntlet(tmp, "resume", runDir.toString(), "--concurrency", "2");

        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("1 of 3 trials recorded, 2 to run")
            .contains("2 trial(s) are new (their task was added or changed): added #1, changed #1")
            .contains("1 recorded trial(s) are stale (their task changed or is gone); their records stay in trials/ but are left out of the summary: changed #1");
        assertThat(TrialRecordReader.readAll(runDir.resolve("trials"))).hasSize(4);
        assertThat(CliIT.gauntlet(tmp, "resume", runDir.toString(), "--model", "openai/x").output())
            .contains("--model cannot change when a run resumes");
    }

    private static void awaitTrialLines(Process process, Path output, int lines) throws Exception {
        long deadline = System.currentTimeMillis() + 300_000;
        while (System.currentTimeMillis() < deadline && process.isAlive()) {
            Matcher m = TRIAL_LINE.matcher(Files.readString(output));
            int seen = 0;
            while (m.find()) {
                seen++;
            }
            if (seen >= lines) {
                return;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("the run printed fewer than " + lines + " trial lines: " + Files.readString(output));
    }

    private static String runId(Path output) throws Exception {
        Matcher m = Pattern.compile("^Run (\\S+): ", Pattern.MULTILINE).matcher(Files.readString(output));
        assertThat(m.find()).isTrue();
        return m.group(1);
    }
}
