package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.SandboxLabels;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Kept snapshots, a verifier in a fresh sandbox, and `shell`, `fork` and `cleanup` on them, through the jar. */
@ExtendWith(RemovesSnapshots.class)
class SnapshotsIT {

    @Test
    void keptSnapshotsReopenForkAndAreCleanedUp(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "keeper", "", "echo kept-result > /app/result; echo planted > /dev/shm/planted\n",
            "grep -qx kept-result /app/result && [ ! -e /dev/shm/planted ] && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        Path runDir = tmp.resolve("run");

        CliIT.Exit run = CliIT.gauntlet(tmp, "run", dataset.toString(), "--keep-snapshots", "all", "--verifier-sandbox", "fresh",
            "--out", runDir.toString());

        assertThat(run.code()).as(run.output()).isZero();
        List<TrialRecord> records = TrialRecordReader.readAll(runDir.resolve("trials"));
        assertThat(records).singleElement().satisfies(r -> assertThat(r.status())
            .as("the fresh verifier sees the agent's files but not its tmpfs").isEqualTo(TrialStatus.PASSED));
        String trialId = records.getFirst().trialId();
        try {
            CliIT.Exit shell = CliIT.gauntlet(tmp, "shell", trialId, "-c", "cat /app/result; ls /tests 2>&1 | head -1");
            assertThat(shell.code()).as(shell.output()).isZero();
            assertThat(shell.output()).startsWith("kept-result\n").contains("No such file");
            assertThat(Docker.containersWithLabel(SandboxLabels.TRIAL + "=" + trialId)).as("shell removes its sandbox").isEmpty();

            CliIT.Exit fork = CliIT.gauntlet(tmp, "fork", trialId, "-n", "2");
            assertThat(fork.code()).as(fork.output()).isZero();
            String forks = SandboxLabels.RUN + "=fork-" + trialId;
            assertThat(Docker.containersWithLabel(forks)).hasSize(2);
            assertThat(CliIT.gauntlet(tmp, "cleanup").code()).isZero();
            assertThat(Docker.containersWithLabel(forks)).as("forks are kept on purpose").hasSize(2);
            assertThat(CliIT.gauntlet(tmp, "cleanup", "--run", "fork-" + trialId).output()).contains("Removed 2 sandbox(es) of fork-" + trialId);
            assertThat(Docker.containersWithLabel(forks)).isEmpty();
        } finally {
            CliIT.Exit cleanup = CliIT.gauntlet(tmp, "cleanup", "--snapshots", "--max-age", "PT0S");
            assertThat(cleanup.output()).containsPattern("Removed [1-9]\\d* snapshot");
        }
        assertThat(CliIT.gauntlet(tmp, "shell", trialId, "-c", "true").output())
            .contains("no snapshot was kept for trial " + trialId);
    }

    @Test
    void onlyFailedTrialsKeepTheirSnapshotWithKeepFailed(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "passing", "", "true\n", "echo 1 > /logs/verifier/reward.txt\n");
        TaskWriter.task(dataset, "failing", "", "true\n", "echo 0 > /logs/verifier/reward.txt\n");
        Path runDir = tmp.resolve("run");

        assertThat(CliIT.gauntlet(tmp, "run", dataset.toString(), "--keep-snapshots", "failed", "--out", runDir.toString()).code()).isZero();

        for (TrialRecord r : TrialRecordReader.readAll(runDir.resolve("trials"))) {
            List<String> image = Docker.run("docker", "images", "-q", "gauntlet-snap:trial-" + r.trialId());
            assertThat(image).as(r.taskId()).hasSize(r.status() == TrialStatus.FAILED ? 1 : 0);
            Docker.run("sh", "-c", "docker rmi gauntlet-snap:trial-" + r.trialId() + " >/dev/null 2>&1; true");
        }
    }
}
