package dev.gauntlet.datasets;

import dev.gauntlet.datasets.internal.HarborTaskLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The tasks found under one path, and the problems of those that could not be loaded.
 *
 * @param name     the dataset's name (its directory name)
 * @param root     the path it was loaded from
 * @param tasks    the tasks that loaded, sorted by id
 * @param problems every problem found, errors (task skipped) and warnings
 * @param skipped  the task directories that were skipped because of an error
 */
public record Dataset(String name, Path root, List<Task> tasks, List<TaskProblem> problems, List<Path> skipped) {

    public Dataset {
        tasks = List.copyOf(tasks);
        problems = List.copyOf(problems);
        skipped = List.copyOf(skipped);
    }

    /**
     * Loads a task directory, or a directory whose subdirectories are tasks.
     *
     * @throws IllegalArgumentException when the path does not exist or holds no task at all
     */
    public static Dataset load(Path path) {
        Path root = path.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new IllegalArgumentException(path + ": no such directory (a dataset is a task directory or a directory of tasks)");
        }
        List<Path> taskDirs = HarborTaskLoader.looksLikeTask(root) ? List.of(root) : childTaskDirs(root);
        if (taskDirs.isEmpty()) {
            throw new IllegalArgumentException(path + ": holds no task (a task directory has task.toml, instruction.md and tests/test.sh)");
        }
        List<Task> tasks = new ArrayList<>();
        List<TaskProblem> problems = new ArrayList<>();
        List<Path> skipped = new ArrayList<>();
        Map<String, Path> seen = new HashMap<>();
        for (Path dir : taskDirs) {
            HarborTaskLoader.Result result = HarborTaskLoader.load(dir);
            problems.addAll(result.problems());
            Task task = result.task();
            if (task == null) {
                skipped.add(dir);
                continue;
            }
            Path earlier = seen.putIfAbsent(task.id(), dir);
            if (earlier != null) {
                problems.add(TaskProblem.error(dir.resolve("task.toml"), "[task] name",
                    "'" + task.id() + "' is already the name of " + earlier + "; task names must be unique"));
                skipped.add(dir);
            } else {
                tasks.add(task);
            }
        }
        tasks.sort(java.util.Comparator.comparing(Task::id));
        return new Dataset(root.getFileName().toString(), root, tasks, problems, skipped);
    }

    /** The same dataset with every task changed by {@code change} (e.g. timeouts overridden on the command line). */
    public Dataset map(java.util.function.UnaryOperator<Task> change) {
        return new Dataset(name, root, tasks.stream().map(change).toList(), problems, skipped);
    }

    /** True when a task was skipped because of an error. */
    public boolean hasErrors() {
        return !skipped.isEmpty();
    }

    private static List<Path> childTaskDirs(Path root) {
        try (Stream<Path> children = Files.list(root)) {
            return children.filter(Files::isDirectory)
                .filter(p -> !p.getFileName().toString().startsWith("."))
                .filter(HarborTaskLoader::looksLikeTask)
                .sorted()
                .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
