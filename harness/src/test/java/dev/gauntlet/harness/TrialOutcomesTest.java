package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.SandboxLabels;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * One run over a dataset of small tasks, each built to end one particular way, plus two broken tasks that
 * must be reported and skipped while the rest run.
 */
@ExtendWith(RemovesSnapshots.class)
class TrialOutcomesTest {

    static final String PASS = "echo 1 > /logs/verifier/reward.txt\n";

    @TempDir
    static Path dataset;
    @TempDir
    static Path out;
    static Runs.Finished run;
    static Map<String, TrialRecord> byTask;

    @BeforeAll
    static void runTheDataset() throws Exception {
        TaskWriter.task(dataset, "passes", "", "echo done > /app/out; echo 'step 1' > /logs/agent/trajectory.txt\n",
            "grep -q done /app/out && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "partial-credit", "", "true\n",
            "echo '{\"reward\": 0.5, \"lint\": 1}' > /logs/verifier/reward.json\n");
        TaskWriter.task(dataset, "no-reward", "", "true\n", "echo checking; exit 1\n");
        TaskWriter.task(dataset, "planted-reward", "", "mkdir -p /logs/verifier; echo 1 > /logs/verifier/reward.txt\n",
            "echo 'the agent wrote a reward; the verifier writes none'\n");
        TaskWriter.task(dataset, "slow-verifier", "[verifier]\ntimeout_sec = 2\n", "true\n", "sleep 60\n" + PASS);
        TaskWriter.task(dataset, "slow-agent", "[agent]\ntimeout_sec = 2\n", "sleep 60\n", PASS);
        TaskWriter.task(dataset, "lingering-agent", "",
            "nohup sh -c 'sleep 3; echo tampered > /app/flag' >/dev/null 2>&1 &\necho clean > /app/flag\n",
            "sleep 5; grep -qx clean /app/flag && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "hidden-tests", "", "[ -e /tests ] && echo seen > /app/tests-seen; true\n",
            "[ -e /app/tests-seen ] && echo 0 > /logs/verifier/reward.txt || echo 1 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "network-default", "", "ls /sys/class/net > /app/agent-net\n",
            "if [ \"$(cat /app/agent-net)\" = lo ] && ls /sys/class/net | grep -q eth0; then echo 1; else echo 0; fi > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "network-none", "[environment]\nnetwork_mode = \"no-network\"\n", "true\n",
            "[ \"$(ls /sys/class/net)\" = lo ] && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "network-public", "[environment]\nnetwork_mode = \"public\"\n", "ls /sys/class/net > /app/agent-net\n",
            "grep -q eth0 /app/agent-net && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "bad-toml", "name = [unclosed\n", "true\n", PASS);
        TaskWriter.task(dataset, "missing-test", "", "true\n", null);
        Files.createDirectories(dataset.resolve("missing-test/tests"));

        TaskWriter.task(dataset, "killed-from-outside", "[agent]\ntimeout_sec = 300\n", "touch /tmp/kill-me; sleep 5\n", PASS);
        Thread killer = Thread.ofVirtual().start(TrialOutcomesTest::killTheContainerThatAsks);
        run = Runs.run(dataset, "oracle", 1, out.resolve("run"));
        killer.interrupt();
        byTask = TrialRecordReader.readAll(run.result().dir().trials()).stream()
            .collect(Collectors.toMap(TrialRecord::taskId, r -> r));
    }

    /**
     * Kills, from outside, the one trial sandbox of this JVM's runs that has /tmp/kill-me. Only running trial
     * sandboxes are looked into: an exec into a container paused for a snapshot can hang the engine.
     */
    static void killTheContainerThatAsks() {
        String owner;
        try {
            owner = java.net.InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        } catch (java.net.UnknownHostException e) {
            owner = "localhost:" + ProcessHandle.current().pid();
        }
        while (!Thread.currentThread().isInterrupted()) {
            for (String id : Docker.run("docker", "ps", "-q", "--filter", "status=running", "--filter", "label=" + SandboxLabels.PROCESS + "=" + owner,
                    "--filter", "label=" + SandboxLabels.TRIAL + "=pool")) {
                if (Docker.run("sh", "-c", "timeout 10 docker exec " + id + " test -f /tmp/kill-me && echo yes; true").contains("yes")) {
                    Docker.run("docker", "kill", id);
                    return;
                }
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    @Test
    void aContainerKilledFromOutsideIsASandboxErrorThatIsRetriedOnAFreshSandbox() {
        TrialRecord r = byTask.get("killed-from-outside");
        assertThat(r.retries()).as("the first attempt's container was killed; the retry's was not").isEqualTo(1);
        assertThat(r.status()).isEqualTo(TrialStatus.PASSED);
        assertThat(byTask.values()).filteredOn(t -> !t.taskId().equals("killed-from-outside")).allSatisfy(t ->
            assertThat(t.retries()).as(t.taskId() + ": results and non-infrastructure errors are not retried").isZero());
    }

    @Test
    void brokenTasksAreNamedBySkippedFileAndTheRestRun() {
        assertThat(run.output()).contains("skipping a task: " + dataset.toAbsolutePath().normalize().resolve("bad-toml/task.toml"))
            .contains("skipping a task: " + dataset.toAbsolutePath().normalize().resolve("missing-test/tests/test.sh") + ": missing");
        assertThat(byTask).hasSize(12).doesNotContainKeys("bad-toml", "missing-test");
        assertThat(Docker.containersWithLabel(SandboxLabels.RUN + "=" + run.result().runId())).isEmpty();
    }

    @Test
    void aPassingVerifierPasses() {
        assertThat(byTask.get("passes").status()).isEqualTo(TrialStatus.PASSED);
    }

    @Test
    void partialCreditIsAFailWithEveryNamedReward() {
        TrialRecord r = byTask.get("partial-credit");
        assertThat(r.status()).isEqualTo(TrialStatus.FAILED);
        assertThat(r.reward()).isEqualTo(0.5);
        assertThat(r.rewards()).containsExactlyInAnyOrderEntriesOf(Map.of("reward", 0.5, "lint", 1.0));
    }

    @Test
    void noRewardIsAVerifierErrorNotAFail() {
        TrialRecord r = byTask.get("no-reward");
        assertThat(r.status()).isEqualTo(TrialStatus.ERROR);
        assertThat(r.errorKind()).isEqualTo(ErrorKind.VERIFIER);
        assertThat(r.errorMessage()).contains("reward.txt").contains("exited with 1").contains("checking");
        assertThat(r.reward()).isNull();
    }

    @Test
    void onlyTheVerifiersOwnRewardCounts() {
        TrialRecord r = byTask.get("planted-reward");
        assertThat(r.status()).isEqualTo(TrialStatus.ERROR);
        assertThat(r.errorKind()).isEqualTo(ErrorKind.VERIFIER);
    }

    @Test
    void timeoutsAreErrorsOfTheirPhase() {
        assertThat(byTask.get("slow-verifier").errorKind()).isEqualTo(ErrorKind.VERIFIER_TIMEOUT);
        assertThat(byTask.get("slow-verifier").verifierMs()).isBetween(2_000L, 30_000L);
        assertThat(byTask.get("slow-agent").errorKind()).isEqualTo(ErrorKind.AGENT_TIMEOUT);
        assertThat(byTask.get("slow-agent").errorMessage()).contains("timeout of 2 s");
    }

    @Test
    void processesTheAgentLeftRunningAreStoppedBeforeTheVerifier() {
        assertThat(byTask.get("lingering-agent").status()).isEqualTo(TrialStatus.PASSED);
    }

    @Test
    void testsAreCopiedInOnlyAfterTheAgent() {
        assertThat(byTask.get("hidden-tests").status()).isEqualTo(TrialStatus.PASSED);
    }

    @Test
    void theAgentHasNoNetworkUnlessTheTaskAsksAndTheVerifierFollowsTheTask() {
        assertThat(byTask.get("network-default").status()).isEqualTo(TrialStatus.PASSED);
        assertThat(byTask.get("network-none").status()).isEqualTo(TrialStatus.PASSED);
        assertThat(byTask.get("network-public").status()).isEqualTo(TrialStatus.PASSED);
    }

    @Test
    void agentAndVerifierLogsAreKeptPerTrial() throws Exception {
        TrialRecord r = byTask.get("no-reward");
        Path logs = run.result().dir().logs().resolve(r.trialId());
        assertThat(Files.readString(logs.resolve("verifier.log"))).isEqualTo("checking\n");
        assertThat(Files.readString(logs.resolve("agent.log"))).contains("solve.sh exited with 0");

        Path passed = run.result().dir().logs().resolve(byTask.get("passes").trialId());
        assertThat(Files.readString(passed.resolve("agent/trajectory.txt"))).isEqualTo("step 1\n");
        assertThat(Files.readString(passed.resolve("verifier/reward.txt"))).isEqualTo("1\n");
    }
}
