package dev.gauntlet.datasets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.gauntlet.datasets.PhaseConfig;
import dev.gauntlet.datasets.SandboxSetup;
import dev.gauntlet.datasets.Solution;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.TaskEnvironment;
import dev.gauntlet.datasets.TaskProblem;
import dev.gauntlet.datasets.Verification;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Loads one Terminal-Bench 1 task directory: {@code task.yaml}, {@code Dockerfile} (and an optional
 * {@code docker-compose.yaml} with a single {@code client} service), {@code run-tests.sh}, {@code tests/} and
 * {@code solution.sh}. The task passes when {@code run-tests.sh} exits 0; its test parser is not used.
 */
public final class TerminalBenchTaskLoader {

    /** Terminal-Bench 1's defaults for {@code max_agent_timeout_sec} and {@code max_test_timeout_sec}. */
    static final Duration DEFAULT_AGENT_TIMEOUT = Duration.ofSeconds(360);
    static final Duration DEFAULT_TEST_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration BUILD_TIMEOUT = Duration.ofSeconds(600);
    private static final YAMLMapper YAML = new YAMLMapper();

    private TerminalBenchTaskLoader() {
    }

    /** A directory is taken for a Terminal-Bench 1 task when it has {@code task.yaml}. */
    public static boolean looksLikeTask(Path dir) {
        return Files.exists(dir.resolve("task.yaml"));
    }

    public static HarborTaskLoader.Result load(Path dir) {
        List<TaskProblem> problems = new ArrayList<>();
        Path yamlFile = dir.resolve("task.yaml");
        JsonNode yaml = read(yamlFile, problems);
        Path runTests = dir.resolve("run-tests.sh");
        if (!Files.isRegularFile(runTests)) {
            problems.add(TaskProblem.error(runTests, null, "missing: the verifier script; the task passes when it exits 0"));
        }
        if (!Files.isRegularFile(dir.resolve("Dockerfile"))) {
            problems.add(TaskProblem.error(dir.resolve("Dockerfile"), null, "missing: the client image is built from it"));
        }
        checkCompose(dir, problems);
        if (yaml == null) {
            return new HarborTaskLoader.Result(null, problems);
        }
        ConfigFields f = new ConfigFields(yamlFile, null, yaml, problems);
        String instruction = f.string("instruction");
        if (instruction == null) {
            instruction = baseDescription(f);
        }
        if (instruction == null || instruction.isBlank()) {
            f.problem("instruction", "missing: it tells the agent what to do");
        }
        Duration agentTimeout = f.seconds("max_agent_timeout_sec", DEFAULT_AGENT_TIMEOUT);
        Duration testTimeout = f.seconds("max_test_timeout_sec", DEFAULT_TEST_TIMEOUT);
        Map<String, String> metadata = new TreeMap<>();
        f.keepUnread("", metadata);
        Solution solution = solution(dir, problems);
        if (problems.stream().anyMatch(TaskProblem::isError)) {
            return new HarborTaskLoader.Result(null, problems);
        }
        TaskEnvironment environment = new TaskEnvironment(null, dir, ContentHash.of(dir), 0, 0, 0, Map.of(), null, null,
            List.of(), BUILD_TIMEOUT);
        Path tests = dir.resolve("tests");
        Task task = new Task(dir.getFileName().toString(), dir, instruction, ContentHash.of(dir), environment,
            new PhaseConfig(agentTimeout, Map.of(), null, null),
            new PhaseConfig(testTimeout, Map.of("TEST_DIR", "/tests"), null, null), Map.of(), metadata,
            new Verification.TestScript(Files.isDirectory(tests) ? tests : null, runTests, Verification.RewardSource.EXIT_CODE),
            solution, SandboxSetup.NONE);
        return new HarborTaskLoader.Result(task, problems);
    }

    /** Older task.yaml files carry {@code descriptions: [{key: base, description: ...}]} instead of {@code instruction}. */
    private static String baseDescription(ConfigFields f) {
        JsonNode descriptions = f.raw("descriptions");
        if (descriptions == null || !descriptions.isArray()) {
            return null;
        }
        for (JsonNode d : descriptions) {
            if ("base".equals(d.path("key").asText()) && d.path("description").isTextual()) {
                return d.get("description").asText();
            }
        }
        return null;
    }

    private static Solution solution(Path dir, List<TaskProblem> problems) {
        Path script = dir.resolve("solution.sh");
        if (Files.isRegularFile(script)) {
            return new Solution.Script(Map.of("solve.sh", script));
        }
        String reason = Files.exists(dir.resolve("solution.yaml"))
            ? "solution.yaml (a list of commands for the terminal) is not supported; the oracle agent cannot run this task"
            : "missing: the reference solution; without it the oracle agent cannot run this task";
        problems.add(TaskProblem.warning(script, null, reason));
        return new Solution.None(script + ": " + reason);
    }

    /** A compose file may only describe the {@code client} service; others would need containers Gauntlet does not start. */
    private static void checkCompose(Path dir, List<TaskProblem> problems) {
        for (String name : List.of("docker-compose.yaml", "docker-compose.yml")) {
            Path file = dir.resolve(name);
            if (!Files.isRegularFile(file)) {
                continue;
            }
            JsonNode compose = read(file, problems);
            JsonNode services = compose == null ? null : compose.get("services");
            if (services != null && services.isObject()) {
                List<String> others = new ArrayList<>();
                services.fieldNames().forEachRemaining(s -> {
                    if (!s.equals("client")) {
                        others.add(s);
                    }
                });
                if (!others.isEmpty()) {
                    problems.add(TaskProblem.error(file, "services", "services besides client (" + String.join(", ", others)
                        + ") are not supported yet; Gauntlet runs the client image from the task's Dockerfile alone"));
                }
            }
        }
    }

    private static JsonNode read(Path file, List<TaskProblem> problems) {
        if (!Files.isRegularFile(file)) {
            problems.add(TaskProblem.error(file, null, "missing: every Terminal-Bench task needs a task.yaml"));
            return null;
        }
        try {
            JsonNode node = YAML.readTree(file.toFile());
            if (node == null || node.isMissingNode() || node.isNull()) {
                return YAML.createObjectNode();
            }
            if (!node.isObject()) {
                problems.add(TaskProblem.error(file, null, "must be a mapping of fields, got " + node.getNodeType()));
                return null;
            }
            return node;
        } catch (JsonProcessingException e) {
            var where = e.getLocation();
            String at = where == null ? "" : " (line " + where.getLineNr() + ", column " + where.getColumnNr() + ")";
            problems.add(TaskProblem.error(file, null, "not valid YAML" + at + ": " + e.getOriginalMessage()));
        } catch (IOException e) {
            problems.add(TaskProblem.error(file, null, "cannot be read: " + e.getMessage()));
        }
        return null;
    }
}
