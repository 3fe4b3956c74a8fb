package dev.gauntlet.harness.cli;

import dev.gauntlet.datasets.Dataset;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gauntlet validate PATH...}: every problem of every task, with file, field and reason. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Checks task directories and reports every problem with file, field and reason. Exit code 1 if a task is broken.")
final class ValidateCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH", description = "A task directory, a directory of tasks and JSONL sample files, or a JSONL sample file.")
    List<Path> paths;

    @Override
    public Integer call() {
        boolean broken = false;
        for (Path path : paths) {
            Dataset dataset = Dataset.load(path);
            dataset.problems().forEach(System.out::println);
            System.out.printf("%s: %d task(s) valid, %d broken (fingerprint %s)%n", path, dataset.tasks().size(),
                dataset.skipped().size(), dataset.fingerprint());
            broken |= dataset.hasErrors();
        }
        return broken ? 1 : 0;
    }
}
