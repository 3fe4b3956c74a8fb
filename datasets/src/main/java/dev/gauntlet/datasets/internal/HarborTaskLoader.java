package dev.gauntlet.datasets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.gauntlet.datasets.NetworkMode;
import dev.gauntlet.datasets.PhaseConfig;
import dev.gauntlet.datasets.SandboxSetup;
import dev.gauntlet.datasets.Solution;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.TaskEnvironment;
import dev.gauntlet.datasets.TaskProblem;
import dev.gauntlet.datasets.Verification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Loads one Harbor-layout task directory (task.toml, instruction.md, environment/, tests/, solution/). */
public final class HarborTaskLoader {

    /** What loading one directory gave: a task (null when an error skipped it) and every problem found. */
    public record Result(Task task, List<TaskProblem> problems) {
    }

    private static final TomlMapper TOML = new TomlMapper();
    private static final Set<String> KNOWN_SECTIONS = Set.of("task", "metadata", "verifier", "agent", "environment", "solution");
    private static final Duration DEFAULT_BUILD_TIMEOUT = Duration.ofSeconds(600);

    private HarborTaskLoader() {
    }

    /** A directory is taken for a task when it has any of the files a task must have. */
    public static boolean looksLikeTask(Path dir) {
        return Files.exists(dir.resolve("task.toml")) || Files.exists(dir.resolve("instruction.md"))
            || Files.isDirectory(dir.resolve("tests"));
    }

    public static Result load(Path dir) {
        List<TaskProblem> problems = new ArrayList<>();
        Path tomlFile = dir.resolve("task.toml");
        JsonNode toml = readToml(tomlFile, problems);
        String instruction = readInstruction(dir.resolve("instruction.md"), problems);
        requireFile(dir.resolve("tests/test.sh"), "the verifier script; it writes /logs/verifier/reward.txt or reward.json", problems, true);
        requireFile(dir.resolve("solution/solve.sh"), "the reference solution; without it the oracle agent cannot run this task", problems, false);
        if (toml == null) {
            return new Result(null, problems);
        }
        Map<String, String> metadata = new TreeMap<>();
        ConfigFields taskSection = new ConfigFields(tomlFile, "task", toml.get("task"), problems);
        String name = taskSection.string("name");
        taskSection.keepUnread("task.", metadata);
        new ConfigFields(tomlFile, "metadata", toml.get("metadata"), problems).keepUnread("", metadata);

        TaskEnvironment environment = environment(dir, tomlFile, toml.get("environment"), problems, metadata);
        PhaseConfig agent = phase(tomlFile, "agent", toml.get("agent"), problems, metadata);
        PhaseConfig verifier = phase(tomlFile, "verifier", toml.get("verifier"), problems, metadata);
        ConfigFields solution = new ConfigFields(tomlFile, "solution", toml.get("solution"), problems);
        Map<String, String> solutionEnv = solution.stringMap("env");
        solution.keepUnread("solution.", metadata);
        toml.properties().forEach(e -> {
            if (!KNOWN_SECTIONS.contains(e.getKey())) {
                JsonNode v = e.getValue();
                metadata.put(e.getKey(), v.isTextual() ? v.asText() : v.toString());
            }
        });

        if (problems.stream().anyMatch(TaskProblem::isError) || environment == null) {
            return new Result(null, problems);
        }
        String id = name != null && !name.isBlank() ? name : dir.getFileName().toString();
        Task task = new Task(id, dir, instruction, ContentHash.of(dir), environment, agent, verifier, solutionEnv, metadata,
            new Verification.TestScript(dir.resolve("tests"), dir.resolve("tests/test.sh"), Verification.RewardSource.REWARD_FILE),
            solution(dir.resolve("solution")), SandboxSetup.NONE);
        return new Result(task, problems);
    }

    /** Every file of {@code solution/}, or none when it has no {@code solve.sh}. */
    static Solution solution(Path dir) {
        if (!Files.isRegularFile(dir.resolve("solve.sh"))) {
            return new Solution.None(dir.resolve("solve.sh") + " does not exist");
        }
        Map<String, Path> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.filter(Files::isRegularFile).forEach(f -> files.put(dir.relativize(f).toString().replace('\\', '/'), f));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
        return new Solution.Script(files);
    }

    private static TaskEnvironment environment(Path dir, Path tomlFile, JsonNode node, List<TaskProblem> problems,
                                               Map<String, String> metadata) {
        ConfigFields f = new ConfigFields(tomlFile, "environment", node, problems);
        String image = f.string("docker_image");
        Duration buildTimeout = f.seconds("build_timeout_sec", DEFAULT_BUILD_TIMEOUT);
        double cpus = f.positiveNumber("cpus", 0);
        long memoryMb = f.megabytes("memory", 0);
        long storageMb = f.megabytes("storage", 0);
        Map<String, String> env = f.stringMap("env");
        String workdir = f.string("workdir");
        NetworkMode networkMode = networkMode(f);
        List<String> allowedHosts = f.stringList("allowed_hosts");
        f.keepUnread("environment.", metadata);

        Path context = dir.resolve("environment");
        boolean hasDockerfile = Files.isRegularFile(context.resolve("Dockerfile"));
        if (image == null && !hasDockerfile) {
            String reason = Files.exists(context.resolve("docker-compose.yaml")) || Files.exists(context.resolve("docker-compose.yml"))
                ? "docker-compose environments are not supported yet; ship environment/Dockerfile or set [environment] docker_image"
                : "missing: a task needs environment/Dockerfile or [environment] docker_image";
            problems.add(TaskProblem.error(context.resolve("Dockerfile"), null, reason));
            return null;
        }
        if (workdir != null && !workdir.startsWith("/")) {
            f.problem("workdir", "must be an absolute path, got \"" + workdir + "\"");
            return null;
        }
        if (image != null) {
            return new TaskEnvironment(image, null, null, cpus, memoryMb, storageMb, env, workdir, networkMode, allowedHosts, buildTimeout);
        }
        return new TaskEnvironment(null, context, ContentHash.of(context), cpus, memoryMb, storageMb, env, workdir,
            networkMode, allowedHosts, buildTimeout);
    }

    private static NetworkMode networkMode(ConfigFields f) {
        String mode = f.string("network_mode");
        Boolean allowInternet = f.bool("allow_internet");
        if (mode != null) {
            try {
                return NetworkMode.parse(mode);
            } catch (IllegalArgumentException e) {
                f.problem("network_mode", e.getMessage());
                return null;
            }
        }
        return allowInternet == null ? null : allowInternet ? NetworkMode.PUBLIC : NetworkMode.NO_NETWORK;
    }

    private static PhaseConfig phase(Path tomlFile, String section, JsonNode node, List<TaskProblem> problems,
                                     Map<String, String> metadata) {
        ConfigFields f = new ConfigFields(tomlFile, section, node, problems);
        Duration timeout = f.seconds("timeout_sec", PhaseConfig.DEFAULT_TIMEOUT);
        Map<String, String> env = f.stringMap("env");
        String user = f.string("user");
        String mode = f.string("network_mode");
        Boolean network = null;
        if (mode != null) {
            try {
                network = NetworkMode.parse(mode) != NetworkMode.NO_NETWORK;
            } catch (IllegalArgumentException e) {
                f.problem("network_mode", e.getMessage());
            }
        }
        f.keepUnread(section + ".", metadata);
        return new PhaseConfig(timeout, env, user, network);
    }

    private static JsonNode readToml(Path file, List<TaskProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(TaskProblem.error(file, null, "missing: every task needs a task.toml"));
            return null;
        }
        try {
            JsonNode node = TOML.readTree(file.toFile());
            return node == null ? TOML.createObjectNode() : node;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            problems.add(TaskProblem.error(file, null, "not valid TOML" + at + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(TaskProblem.error(file, null, "cannot be read: " + e.getMessage()));
        }
        return null;
    }

    private static String readInstruction(Path file, List<TaskProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(TaskProblem.error(file, null, "missing: it tells the agent what to do"));
            return "";
        }
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            if (text.isBlank()) {
                problems.add(TaskProblem.error(file, null, "is empty: it tells the agent what to do"));
            }
            return text;
        } catch (IOException e) {
            problems.add(TaskProblem.error(file, null, "cannot be read as UTF-8: " + e.getMessage()));
            return "";
        }
    }

    private static void requireFile(Path file, String what, List<TaskProblem> problems, boolean required) {
        if (!Files.isRegularFile(file)) {
            String reason = "missing: " + what;
            problems.add(required ? TaskProblem.error(file, null, reason) : TaskProblem.warning(file, null, reason));
        }
    }
}
