package dev.gauntlet.datasets;

import dev.gauntlet.datasets.internal.ContentHash;
import dev.gauntlet.datasets.internal.HarborTaskLoader;
import dev.gauntlet.datasets.internal.SampleFileLoader;
import dev.gauntlet.datasets.internal.TerminalBenchTaskLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

/**
 * The tasks found under one path, and the problems of those that could not be loaded.
 *
 * @param name        the dataset's name (its directory name, or its JSONL file's name without {@code .jsonl})
 * @param root        the path it was loaded from
 * @param tasks       the tasks that loaded (and were selected), sorted by id
 * @param problems    every problem found, errors (task skipped) and warnings
 * @param skipped     the task directories skipped because of an error, and the sample files with a sample skipped
 * @param fingerprint SHA-256 (hex) over the id and content hash of every task that loaded, before any selection:
 *                    the same fingerprint means the same tasks with the same content
 * @param loaded      how many tasks loaded before any selection
 */
public record Dataset(String name, Path root, List<Task> tasks, List<TaskProblem> problems, List<Path> skipped,
                      String fingerprint, int loaded) {

    public Dataset {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }

    /** Loads every task under {@code path}, samples in the default image. */
    public static Dataset load(Path path) {
        return load(path, DatasetOptions.defaults());
    }

    /**
     * Loads a JSONL sample file, a task directory (Harbor or Terminal-Bench 1), or a directory whose subdirectories
     * are tasks and whose {@code .jsonl} files hold samples; then keeps the tasks {@code options} select.
     *
     * @throws IllegalArgumentException when the path does not exist or holds no task at all
     */
    public static Dataset load(Path path, DatasetOptions options) {
        Path root = path.toAbsolutePath().normalize();
        if (SampleFileLoader.isSampleFile(root)) {
            SampleFileLoader.Result samples = SampleFileLoader.load(root, options.sampleImage(), "");
            String name = root.getFileName().toString().replaceFirst("\\.jsonl$", "");
            return select(name, root, samples.tasks(), samples.problems(), skippedLines(samples.problems()), options);
        }
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(path + ": no such directory or .jsonl file (a dataset is a task directory, "
                + "a directory of tasks, or a JSONL file of samples)");
        }
        List<Path> taskDirs = isTask(root) ? List.of(root) : children(root, Files::isDirectory, Dataset::isTask);
        List<Path> sampleFiles = isTask(root) ? List.of() : children(root, SampleFileLoader::isSampleFile, p -> true);
        if (taskDirs.isEmpty() && sampleFiles.isEmpty()) {
            throw new IllegalArgumentException(path + ": holds no task (a Harbor task directory has task.toml, instruction.md "
                + "and tests/test.sh; a Terminal-Bench task task.yaml and run-tests.sh; a sample file ends in .jsonl)");
        }
        List<Task> tasks = new ArrayList<>();
        List<TaskProblem> problems = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path dir : taskDirs) {
            HarborTaskLoader.Result result = TerminalBenchTaskLoader.looksLikeTask(dir) ? TerminalBenchTaskLoader.load(dir)
                : HarborTaskLoader.load(dir);
            problems.addAll(result.problems());
            if (result.task() == null) {
                skipped.add(dir);
            } else {
                add(result.task(), dir, tasks, problems, skipped, seen);
            }
        }
        for (Path file : sampleFiles) {
            String prefix = file.getFileName().toString().replaceFirst("\\.jsonl$", "") + "/";
            SampleFileLoader.Result result = SampleFileLoader.load(file, options.sampleImage(), prefix);
            problems.addAll(result.problems());
            skipped.addAll(skippedLines(result.problems()));
            result.tasks().forEach(task -> add(task, file, tasks, problems, skipped, seen));
        }
        return select(root.getFileName().toString(), root, tasks, problems, skipped, options);
    }

    /** The same dataset with every task changed by {@code change} (e.g. timeouts overridden on the command line). */
    public Dataset map(java.util.function.UnaryOperator<Task> change) {
        return new Dataset(name, root, tasks.stream().map(change).toList(), problems, skipped, fingerprint, loaded);
    }

    /** True when a task was skipped because of an error. */
    public boolean hasErrors() {
        return !skipped.isEmpty();
    }

    private static void add(Task task, Path from, List<Task> tasks, List<TaskProblem> problems, List<Path> skipped,
                            Map<String, Path> seen) {
        Path earlier = seen.putIfAbsent(task.id(), from);
        if (earlier != null) {
            problems.add(TaskProblem.error(from, "task id", "'" + task.id() + "' is already the id of a task in " + earlier
                + "; task ids must be unique"));
            skipped.add(from);
        } else {
            tasks.add(task);
        }
    }

    /** Keeps the tasks the include and exclude globs let through, shuffled by the seed if any, up to the limit. */
    private static Dataset select(String name, Path root, List<Task> loaded, List<TaskProblem> problems, List<Path> skipped,
                                  DatasetOptions options) {
        List<Task> sorted = loaded.stream().sorted(Comparator.comparing(Task::id)).toList();
        String fingerprint = fingerprint(sorted);
        List<TaskGlob> include = options.include().stream().map(TaskGlob::of).toList();
        List<TaskGlob> exclude = options.exclude().stream().map(TaskGlob::of).toList();
        List<Task> selected = new ArrayList<>(sorted.stream()
            .filter(t -> include.isEmpty() || include.stream().anyMatch(g -> g.matches(t.id())))
            .filter(t -> exclude.stream().noneMatch(g -> g.matches(t.id())))
            .toList());
        if (options.sampleSeed() != null) {
            Collections.shuffle(selected, new Random(options.sampleSeed()));
        }
        if (options.limit() != null && selected.size() > options.limit()) {
            selected = new ArrayList<>(selected.subList(0, options.limit()));
        }
        selected.sort(Comparator.comparing(Task::id));
        return new Dataset(name, root, selected, problems, skipped, fingerprint, sorted.size());
    }

    private static String fingerprint(List<Task> sortedTasks) {
        List<String> parts = new ArrayList<>();
        sortedTasks.forEach(t -> {
            parts.add(t.id());
            parts.add(t.contentHash());
        });
        return ContentHash.ofText(parts.toArray(String[]::new));
    }

    private static boolean isTask(Path dir) {
        return TerminalBenchTaskLoader.looksLikeTask(dir) || HarborTaskLoader.looksLikeTask(dir);
    }

    private static List<Path> skippedLines(List<TaskProblem> problems) {
        return problems.stream().filter(TaskProblem::isError).map(TaskProblem::file).distinct().toList();
    }

    private static List<Path> children(Path root, java.util.function.Predicate<Path> kind, java.util.function.Predicate<Path> accept) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(kind)
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(accept)
                .sorted()
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
