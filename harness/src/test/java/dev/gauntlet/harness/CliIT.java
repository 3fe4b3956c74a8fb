package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.sandbox.SandboxLabels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The packaged command line, run as a separate process the way a user runs it. */
@ExtendWith(RemovesSnapshots.class)
class CliIT {

    static final Path JAR = Path.of("target/gauntlet.jar");

    public record Exit(int code, String output) {
    }

    static Process start(Path outputFile, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"),
            "--enable-native-access=ALL-UNNAMED", "-jar", JAR.toString()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(outputFile.toFile()).start();
    }

    public static Exit gauntlet(Path tmp, String... args) throws Exception {
        Path output = Files.createTempFile(tmp, "out", ".txt");
        Process process = start(output, args);
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).isTrue();
        return new Exit(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    @Test
    void validateNamesEveryProblemAndFailsOnABrokenTask(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "good", "", "true\n", "echo 1 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "bad", "[verifier]\ntimeout_sec = -5\n", "true\n", null);

        Exit exit = gauntlet(tmp, "validate", dataset.toString());

        assertThat(exit.code()).as(exit.output()).isEqualTo(1);
        assertThat(exit.output()).contains("bad/task.toml: [verifier] timeout_sec: expected a positive number of seconds, got -5")
            .contains("bad/tests/test.sh: missing").contains("1 task(s) valid, 1 broken");
        assertThat(gauntlet(tmp, "validate", "../datasets/examples").code()).isZero();
    }

    @Test
    void anUnknownAgentIsRefusedWithTheKnownOnes(@TempDir Path tmp) throws Exception {
        Exit exit = gauntlet(tmp, "run", "../datasets/examples", "--agent", "wizard");

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.output()).contains("unknown agent 'wizard'; known agents: bash, command, nop, oracle");
    }

    @Test
    void firstCtrlCLetsRunningTrialsFinishAndResumeRunsTheRest(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("slow");
        TaskWriter.task(dataset, "steady", "", "true\n", "sleep 4; echo 1 > /logs/verifier/reward.txt\n");
        Path runDir = tmp.resolve("run");
        Path output = tmp.resolve("output.txt");
        Process process = start(output, "run", dataset.toString(), "--agent", "nop", "--attempts", "4", "--concurrency", "2",
            "--out", runDir.toString());
        String label = SandboxLabels.RUN + "=" + awaitRunningTrials(output, 2);

        Docker.run("kill", "-INT", String.valueOf(process.pid()));

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isEqualTo(130);
        assertThat(printed).contains("Stopping: no more trials start").contains("Interrupted: 2 trial(s) never started")
            .contains("gauntlet resume " + runDir.toAbsolutePath());
        assertThat(Docker.containersWithLabel(label)).isEmpty();
        assertThat(TrialRecordReader.readAll(runDir.resolve("trials"))).as("the running trials finished within the grace period")
            .hasSize(2).allSatisfy(r -> assertThat(r.status()).isEqualTo(dev.gauntlet.records.TrialStatus.PASSED));
        JsonNode runJson = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(runJson.get("status").asText()).isEqualTo("interrupted");
        assertThat(runJson.get("not_started").asInt()).isEqualTo(2);

        Exit resumed = gauntlet(tmp, "resume", runDir.toString());
        assertThat(resumed.code()).as(resumed.output()).isZero();
        assertThat(resumed.output()).contains("2 of 4 trials recorded, 2 to run");
        assertThat(TrialRecordReader.readAll(runDir.resolve("trials"))).hasSize(4)
            .allSatisfy(r -> assertThat(r.status()).isEqualTo(dev.gauntlet.records.TrialStatus.PASSED));
    }

    @Test
    void secondCtrlCCancelsNowRecordsAndLeavesNoContainerBehind(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("slow");
        TaskWriter.task(dataset, "sleepy", "[agent]\ntimeout_sec = 300\n", "sleep 300\n", "echo 1 > /logs/verifier/reward.txt\n");
        Path runDir = tmp.resolve("run");
        Path output = tmp.resolve("output.txt");
        Process process = start(output, "run", dataset.toString(), "--attempts", "4", "--concurrency", "2", "--out", runDir.toString());
        String label = SandboxLabels.RUN + "=" + awaitRunningTrials(output, 2);

        Docker.run("kill", "-INT", String.valueOf(process.pid()));
        long deadline = System.currentTimeMillis() + 30_000;
        while (!Files.readString(output).contains("Stopping:") && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
        }
        Docker.run("kill", "-INT", String.valueOf(process.pid()));

        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        String printed = Files.readString(output);
        assertThat(process.exitValue()).as(printed).isEqualTo(130);
        assertThat(printed).contains("Interrupted: 2 trial(s) never started");
        assertThat(Docker.containersWithLabel(label)).isEmpty();
        List<TrialRecord> records = TrialRecordReader.readAll(runDir.resolve("trials"));
        assertThat(records).hasSize(2).allSatisfy(r -> assertThat(r.errorKind()).isEqualTo(ErrorKind.CANCELLED));
        JsonNode runJson = new ObjectMapper().readTree(runDir.resolve("run.json").toFile());
        assertThat(runJson.get("status").asText()).isEqualTo("interrupted");
        assertThat(runJson.get("not_started").asInt()).isEqualTo(2);
    }

    /** Waits until the run has two sandboxes up; returns its id. */
    private static String awaitRunningTrials(Path output, int trials) throws Exception {
        String runId = awaitRunId(output);
        String label = SandboxLabels.RUN + "=" + runId;
        long deadline = System.currentTimeMillis() + 120_000;
        while (Docker.containersWithLabel(label).size() < trials && System.currentTimeMillis() < deadline) {
            Thread.sleep(200);
        }
        assertThat(Docker.containersWithLabel(label)).as("trials running, and maybe warm sandboxes for the next").hasSizeGreaterThanOrEqualTo(trials);
        Thread.sleep(1000);
        return runId;
    }

    @Test
    void moreErrorsThanFailOnErrorAllowsStopTheRunWithExitCode3(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("broken");
        for (String name : List.of("a", "b", "c", "d")) {
            TaskWriter.task(dataset, name, "", "true\n", "echo no reward written\n");
        }

        Exit exit = gauntlet(tmp, "run", dataset.toString(), "--agent", "nop", "--concurrency", "1", "--fail-on-error", "1",
            "--out", tmp.resolve("run").toString());

        assertThat(exit.code()).as(exit.output()).isEqualTo(3);
        assertThat(exit.output()).contains("Stopping: 2 trials ended in an error, more than --fail-on-error 1 allows")
            .contains("2 trial(s) never started");
        assertThat(TrialRecordReader.readAll(tmp.resolve("run/trials"))).hasSize(2)
            .allSatisfy(r -> assertThat(r.errorKind()).isEqualTo(ErrorKind.VERIFIER));
        assertThat(new ObjectMapper().readTree(tmp.resolve("run/run.json").toFile()).get("status").asText()).isEqualTo("failed");
        assertThat(gauntlet(tmp, "run", dataset.toString(), "--fail-on-error", "1.5").output())
            .contains("--fail-on-error takes a whole number of errors (e.g. 5) or a fraction of the planned trials below 1");
    }

    @Test
    void cleanupRemovesNothingThatIsStillInUse(@TempDir Path tmp) throws Exception {
        Exit exit = gauntlet(tmp, "cleanup");

        assertThat(exit.code()).as(exit.output()).isZero();
        assertThat(exit.output()).contains("sandbox(es) of runs that are no longer alive");
    }

    private static String awaitRunId(Path output) throws Exception {
        Pattern header = Pattern.compile("^Run (\\S+): ", Pattern.MULTILINE);
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Matcher m = header.matcher(Files.exists(output) ? Files.readString(output) : "");
            if (m.find()) {
                return m.group(1);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run never printed its id: " + Files.readString(output));
    }
}
