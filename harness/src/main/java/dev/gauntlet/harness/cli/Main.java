package dev.gauntlet.harness.cli;

import picocli.CommandLine;

/** Entry point of {@code bin/gauntlet}. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (0 done, 1 could not run, 2 bad usage, 3 too many errors, 4 a regression found by compare, 130 interrupted). */
    public static int run(String... args) {
        CommandLine cli = new CommandLine(new GauntletCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            commandLine.getErr().println("gauntlet: " + (e instanceof IllegalArgumentException || e instanceof dev.gauntlet.sandbox.SandboxException
                ? e.getMessage() : e.toString()));
            return 1;
        });
        return cli.execute(args);
    }
}
