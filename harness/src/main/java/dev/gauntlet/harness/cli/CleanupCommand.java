package dev.gauntlet.harness.cli;

import dev.gauntlet.sandbox.docker.DockerBackend;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code gauntlet cleanup}: removes what crashed runs left behind. */
@Command(name = "cleanup", mixinStandardHelpOptions = true,
    description = "Removes sandboxes left by runs whose process is gone (and with --all, every Gauntlet sandbox).")
final class CleanupCommand implements Callable<Integer> {

    @Option(names = "--all", description = "Also remove sandboxes of runs that are still alive.")
    boolean all;

    @Option(names = "--images", description = "Also remove the environment images Gauntlet built (they are rebuilt when needed).")
    boolean images;

    @Option(names = "--docker-host", description = "Docker engine. Default: $DOCKER_HOST or the local socket.")
    String dockerHost;

    @Override
    public Integer call() {
        try (DockerBackend backend = DockerBackend.connect(dockerHost)) {
            int sandboxes = all ? backend.removeAllSandboxes() : backend.removeSandboxes(null);
            System.out.println("Removed " + sandboxes + " sandbox(es)" + (all ? "" : " of runs that are no longer alive"));
            if (images) {
                System.out.println("Removed " + backend.removeEnvironmentImages() + " environment image(s)");
            }
        }
        return 0;
    }
}
