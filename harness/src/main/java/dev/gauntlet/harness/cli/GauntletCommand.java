package dev.gauntlet.harness.cli;

import picocli.CommandLine.Command;

/** {@code gauntlet}: the top-level command. */
@Command(name = "gauntlet", mixinStandardHelpOptions = true, version = "gauntlet 0.1.0",
    description = "Evaluates AI agents on tasks in Docker sandboxes and writes one Parquet record per trial.",
    subcommands = {RunCommand.class, ResumeCommand.class, ValidateCommand.class, ReportCommand.class, CompareCommand.class,
        CleanupCommand.class, ShellCommand.class, ForkCommand.class})
public final class GauntletCommand {
}
