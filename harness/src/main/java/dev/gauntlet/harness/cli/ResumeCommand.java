package dev.gauntlet.harness.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.harness.run.RunDirectory;
import dev.gauntlet.harness.run.RunJson;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Unmatched;

/** {@code gauntlet resume RUN_DIR [RUN_OPTION...]}. */
@Command(name = "resume", mixinStandardHelpOptions = true, customSynopsis = "gauntlet resume [-hV] RUN_DIR [RUN_OPTION...]",
    description = {"Continues a run that was killed or interrupted with the options it was started with: trials already "
        + "recorded are kept, the others (cancelled and in-flight ones included) run on fresh sandboxes.",
        "RUN_OPTION: options of `gauntlet run` to change for the rest of the run, e.g. --concurrency 8 or --grace-period PT1M; "
            + "--agent, --model, --attempts, --out, the task selection and the scorer cannot change."})
final class ResumeCommand implements Callable<Integer> {

    /** Options that decide which trials a run has; changing them would make another run. */
    private static final Set<String> IDENTITY = Set.of("--agent", "--model", "--attempts", "--out", "--task", "--exclude", "--limit",
        "--sample-seed", "--sample-image", "--scorer", "--rubric");

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run directory (it holds run.json).")
    Path runDir;

    /** Options of {@code gauntlet run} to change for the rest of the run (picocli passes on what resume does not know). */
    @Unmatched
    List<String> overrides = new ArrayList<>();

    @Override
    public Integer call() {
        RunDirectory dir = RunDirectory.open(runDir);
        ObjectNode json = dir.readRunJson();
        for (String option : overrides) {
            if (IDENTITY.contains(option.split("=", 2)[0])) {
                throw new IllegalArgumentException(option.split("=", 2)[0] + " cannot change when a run resumes: it decides "
                    + "which trials the run has; start a new run instead");
            }
        }
        List<String> args = new ArrayList<>(RunJson.commandLine(json));
        if (!args.isEmpty() && args.getFirst().equals("run")) {
            args.removeFirst();
        }
        args.addAll(overrides);
        RunCommand run = new RunCommand();
        new CommandLine(run).setCaseInsensitiveEnumValuesAllowed(true).setOverwrittenOptionsAllowed(true)
            .parseArgs(args.toArray(String[]::new));
        run.resolvePaths(RunJson.datasetPaths(json), RunJson.workingDir(json));
        return run.resume(dir);
    }
}
