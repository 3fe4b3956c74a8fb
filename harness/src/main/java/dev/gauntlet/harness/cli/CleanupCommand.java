package dev.gauntlet.harness.cli;

import dev.gauntlet.sandbox.docker.DockerBackend;
import dev.gauntlet.sandbox.docker.DockerHost;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code gauntlet cleanup}: removes what crashed runs left behind. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
    description = "Removes sandboxes left by runs whose process is gone (with --all, every Gauntlet sandbox, forks included), and on request snapshots and environment images; on every engine given (--docker-host repeated, --engines).")
final class CleanupCommand implements Callable<Integer> {

    @Option(names = "--all", description = "Also remove sandboxes of runs that are still alive.")
    boolean all;

    @Option(names = "--run", paramLabel = "RUN_ID", description = "Remove the sandboxes of this run (or fork-TRIAL_ID for forks), alive or not.")
    String run;

    @Option(names = "--images", description = "Also remove the environment images Gauntlet built (they are rebuilt when needed).")
    boolean images;

    @Option(names = "--snapshots", description = "Also remove snapshots past the age or size budget (task snapshots are a cache; kept trial snapshots too).")
    boolean snapshots;

    @Option(names = "--max-age", defaultValue = "P7D", description = "With --snapshots: remove those older than this (ISO-8601). Default: 7 days.")
    Duration maxAge;

    @Option(names = "--max-size-gb", defaultValue = "20", description = "With --snapshots: then remove the oldest until the rest take at most this. Default: ${DEFAULT-VALUE}.")
    double maxSizeGb;

    @Mixin
    DockerOptions docker;

    @Override
    public Integer call() {
        List<DockerHost> engines = docker.each();
        for (DockerHost engine : engines) {
            try (DockerBackend backend = DockerBackend.connect(engine)) {
                String on = engines.size() > 1 ? backend.host() + ": " : "";
                if (run != null) {
                    System.out.println(on + "Removed " + backend.removeSandboxes(run) + " sandbox(es) of " + run);
                } else {
                    int sandboxes = all ? backend.removeAllSandboxes() : backend.removeSandboxes(null);
                    System.out.println(on + "Removed " + sandboxes + " sandbox(es)" + (all ? "" : " of runs that are no longer alive"));
                }
                if (snapshots) {
                    int removed = backend.removeSnapshots(maxAge, (long) (maxSizeGb * 1024 * 1024 * 1024), Set.of());
                    System.out.println(on + "Removed " + removed + " snapshot(s)");
                }
                if (images) {
                    System.out.println(on + "Removed " + backend.removeEnvironmentImages() + " environment image(s)");
                }
            }
        }
        return 0;
    }
}
