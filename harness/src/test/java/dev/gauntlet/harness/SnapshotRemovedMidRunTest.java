package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentSettings;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.model.Prices;
import dev.gauntlet.harness.run.ErrorBudget;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.sandbox.SandboxLabels;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** A task snapshot removed from outside while its trials run (say, by `gauntlet cleanup --snapshots`) is made again. */
@ExtendWith(RemovesSnapshots.class)
class SnapshotRemovedMidRunTest {

    @Test
    void laterTrialsOfTheTaskStillRun(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "removed-snapshot", "", "sleep 2; echo ok > /app/out\n",
            "test -f /app/out && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        String owner = SandboxLabels.PROCESS + "=" + InetAddress.getLocalHost().getHostName() + ":" + ProcessHandle.current().pid();
        AtomicReference<String> removed = new AtomicReference<>();
        Thread remover = Thread.ofVirtual().start(() -> {
            while (removed.get() == null && !Thread.currentThread().isInterrupted()) {
                List<String> images = Docker.run("docker", "ps", "--filter", "label=" + owner, "--filter", "label=" + SandboxLabels.TRIAL + "=pool",
                    "--format", "{{.Image}}");
                if (!images.isEmpty() && images.getFirst().startsWith("gauntlet-snap:")) {
                    Docker.run("docker", "rmi", "-f", images.getFirst());
                    removed.set(images.getFirst());
                }
                try {
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                }
            }
        });

        // one trial at a time: the pool holds one warm sandbox, so the trials after the next one need the snapshot again
        Runs.Finished run = Runs.run(new RunOptions(List.of(dataset), List.of("oracle"), List.of(), 4, 1, tmp.resolve("run"),
            TrialOptions.defaults(), 16, new AgentSettings(Prices.builtIn(), false, null, List.of(), Map.of()), AgentLimits.defaults(),
            new ModelSettings(null, null, 0, Map.of()), ErrorBudget.UNLIMITED, RunOptions.DEFAULT_GRACE_PERIOD));
        remover.interrupt();

        assertThat(removed.get()).as("the snapshot was removed mid-run").isNotNull();
        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        assertThat(records).hasSize(4).allSatisfy(r -> assertThat(r.status()).as(r.errorMessage()).isEqualTo(TrialStatus.PASSED));
        assertThat(records.stream().mapToInt(TrialRecord::retries).sum()).as("trials that found it gone ran again").isPositive();
    }
}
