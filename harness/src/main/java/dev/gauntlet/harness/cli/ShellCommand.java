package dev.gauntlet.harness.cli;

import dev.gauntlet.sandbox.ExecRequest;
import dev.gauntlet.sandbox.ExecResult;
import dev.gauntlet.sandbox.Sandbox;
import dev.gauntlet.sandbox.docker.DockerBackend;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gauntlet shell TRIAL_ID}: a shell in a sandbox restored from a trial's kept final filesystem. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = "Opens an interactive shell (or runs one command) in a sandbox restored from a trial's kept snapshot; the sandbox is removed on exit.")
final class ShellCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TRIAL_ID", description = "A trial id from a run's records, kept with --keep-snapshots.")
    String trialId;

    @Option(names = {"-c", "--command"}, description = "Run this command instead of an interactive shell; print its output and exit with its code.")
    String command;

    @Option(names = "--network", description = "Give the sandbox network access.")
    boolean network;

    @Mixin
    DockerOptions docker;

    @Override
    public Integer call() throws Exception {
        try (DockerBackend backend = docker.connect()) {
            String reference = KeptSnapshot.find(backend, trialId);
            String runId = "shell-" + ProcessHandle.current().pid();
            try (Sandbox sandbox = backend.create(KeptSnapshot.spec(reference, runId, trialId, network, Duration.ofHours(12)))) {
                if (command != null) {
                    ExecResult result = sandbox.exec(ExecRequest.of(command, Duration.ofHours(1)));
                    System.out.print(result.output());
                    return result instanceof ExecResult.Completed done ? done.exitCode() : 124;
                }
                System.err.println("Sandbox " + sandbox + " restored from " + reference + "; exit the shell to remove it.");
                Process shell = new ProcessBuilder("docker", "exec", "-it", sandbox.id(), "sh", "-c",
                    "command -v bash >/dev/null && exec bash || exec sh").inheritIO().start();
                return shell.waitFor();
            }
        }
    }
}
