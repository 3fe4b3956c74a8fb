package dev.gauntlet.harness.cli;

import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.docker.DockerBackend;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet fork TRIAL_ID -n N}: N running sandboxes restored from a trial's kept final filesystem. */
@Command(name = "fork", mixinStandardHelpOptions = true,
    description = "Starts N sandboxes restored from a trial's kept snapshot and leaves them running (until --lifetime, or `gauntlet cleanup --run fork-TRIAL_ID`).")
final class ForkCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TRIAL_ID", description = "A trial id from a run's records, kept with --keep-snapshots.")
    String trialId;

    @Option(names = "-n", defaultValue = "1", description = "How many sandboxes. Default: ${DEFAULT-VALUE}.")
    int count;

    @Option(names = "--lifetime", defaultValue = "PT12H", description = "When they stop on their own (ISO-8601). Default: 12 hours.")
    Duration lifetime;

    @Option(names = "--network", description = "Give the sandboxes network access.")
    boolean network;

    @Mixin
    DockerOptions docker;

    @Override
    public Integer call() throws Exception {
        if (count < 1) {
            throw new IllegalArgumentException("-n must be at least 1, got " + count);
        }
        try (DockerBackend backend = docker.connectDetached();
             ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            String reference = KeptSnapshot.find(backend, trialId);
            List<Future<Sandbox>> forks = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                forks.add(threads.submit(() -> backend.create(KeptSnapshot.spec(reference, "fork-" + trialId, trialId, network, lifetime))));
            }
            for (Future<Sandbox> fork : forks) {
                Sandbox sandbox = fork.get();
                System.out.println(sandbox + " " + sandbox.id());
            }
            System.err.println(count + " sandbox(es) from " + reference + " are running; `docker exec -it NAME bash` enters one, "
                + "`gauntlet cleanup --run fork-" + trialId + "` removes them.");
        }
        return 0;
    }
}
