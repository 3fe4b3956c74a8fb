package dev.gauntlet.datasets.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.datasets.PhaseConfig;
import dev.gauntlet.datasets.SandboxSetup;
import dev.gauntlet.datasets.Solution;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.datasets.TaskEnvironment;
import dev.gauntlet.datasets.TaskProblem;
import dev.gauntlet.datasets.Verification;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Loads an Inspect-style JSONL sample file: one JSON object per line with {@code input} (a string or chat
 * messages), {@code target} (a string or a list), and optional {@code id}, {@code choices}, {@code metadata},
 * {@code files} (absolute path, or path relative to {@code /app}, to text content) and {@code setup} (a shell
 * script). Every sample runs in the same image, in {@code /app}; its agent writes the answer to
 * {@link Verification#ANSWER_FILE}. A broken line is reported with its line number and skipped.
 */
public final class SampleFileLoader {

    /** The sandbox's working directory for samples. */
    public static final String WORKDIR = "/app";
    static final String ANSWER_NOTE = "\n\nWhen you are done, write your final answer, and nothing else, to "
        + Verification.ANSWER_FILE + ".\n";
    private static final Set<String> FIELDS = Set.of("input", "target", "id", "choices", "metadata", "files", "setup");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What loading a file gave: its samples as tasks, and every problem found. */
    public record Result(List<Task> tasks, List<TaskProblem> problems) {
    }

    private SampleFileLoader() {
    }

    public static boolean isSampleFile(Path path) {
        return Files.isRegularFile(path) && path.getFileName().toString().endsWith(".jsonl");
    }

    /**
     * Loads every sample of {@code file} to run in {@code image}; ids are prefixed with {@code idPrefix} (empty, or
     * the file's name and a slash when the file is one of several in a directory).
     */
    public static Result load(Path file, String image, String idPrefix) {
        List<TaskProblem> problems = new ArrayList<>();
        List<Task> tasks = new ArrayList<>();
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            problems.add(TaskProblem.error(file, null, "cannot be read as UTF-8 text: " + e.getMessage()));
            return new Result(tasks, problems);
        }
        Map<String, Integer> seen = new HashMap<>();
        int number = 0;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty()) {
                continue;
            }
            number++;
            String where = "line " + (i + 1);
            List<TaskProblem> lineProblems = new ArrayList<>();
            Task task = sample(file, where, line, number, image, idPrefix, lineProblems);
            problems.addAll(lineProblems);
            if (task == null) {
                continue;
            }
            Integer earlier = seen.putIfAbsent(task.id(), i + 1);
            if (earlier != null) {
                problems.add(TaskProblem.error(file, where + ": id", "'" + task.id() + "' is already the id of line " + earlier
                    + "; sample ids must be unique"));
            } else {
                tasks.add(task);
            }
        }
        if (number == 0) {
            problems.add(TaskProblem.error(file, null, "holds no sample (one JSON object per line)"));
        }
        return new Result(tasks, problems);
    }

    private static Task sample(Path file, String where, String line, int number, String image, String idPrefix,
                               List<TaskProblem> problems) {
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JsonProcessingException e) {
            problems.add(TaskProblem.error(file, where, "not valid JSON: " + e.getOriginalMessage()));
            return null;
        }
        if (node == null || !node.isObject()) {
            problems.add(TaskProblem.error(file, where, "must be a JSON object, got " + (node == null ? "nothing" : node.getNodeType())));
            return null;
        }
        node.fieldNames().forEachRemaining(name -> {
            if (!FIELDS.contains(name)) {
                problems.add(TaskProblem.warning(file, where + ": " + name, "unknown field, ignored; known: " + String.join(", ", new java.util.TreeSet<>(FIELDS))));
            }
        });
        String input = input(file, where, node.get("input"), problems);
        List<String> targets = strings(file, where, "target", node.get("target"), problems);
        List<String> choices = strings(file, where, "choices", node.get("choices"), problems);
        String id = id(file, where, node.get("id"), number, problems);
        Map<String, String> metadata = textMap(file, where, "metadata", node.get("metadata"), problems);
        Map<String, String> files = files(file, where, node.get("files"), problems);
        String setup = null;
        JsonNode setupNode = node.get("setup");
        if (setupNode != null && !setupNode.isNull()) {
            if (setupNode.isTextual()) {
                setup = setupNode.asText();
            } else {
                problems.add(TaskProblem.error(file, where + ": setup", "must be a shell script as a string, got " + setupNode.getNodeType()));
            }
        }
        if (problems.stream().anyMatch(TaskProblem::isError)) {
            return null;
        }
        if (!choices.isEmpty()) {
            metadata.put("choices", JSON.valueToTree(choices).toString());
        }
        String instruction = input + choices(choices) + ANSWER_NOTE;
        TaskEnvironment environment = new TaskEnvironment(image, null, null, 0, 0, 0, Map.of(), WORKDIR, null, List.of(),
            PhaseConfig.DEFAULT_TIMEOUT);
        PhaseConfig phase = new PhaseConfig(PhaseConfig.DEFAULT_TIMEOUT, Map.of(), null, null);
        Solution solution = targets.isEmpty() ? new Solution.None("the sample has no target") : new Solution.Answer(targets.getFirst());
        return new Task(idPrefix + id, file.getParent(), instruction, ContentHash.ofText(file.getFileName().toString(), line, image),
            environment, phase, phase, Map.of(), metadata, new Verification.Answer(input, targets), solution,
            new SandboxSetup(files, setup));
    }

    private static String input(Path file, String where, JsonNode node, List<TaskProblem> problems) {
        if (node != null && node.isTextual() && !node.asText().isBlank()) {
            return node.asText();
        }
        if (node != null && node.isArray() && !node.isEmpty()) {
            List<String> parts = new ArrayList<>();
            for (JsonNode message : node) {
                if (!message.path("role").isTextual() || !message.path("content").isTextual()) {
                    problems.add(TaskProblem.error(file, where + ": input", "chat messages need a string role and content, got " + message));
                    return "";
                }
                parts.add(node.size() == 1 ? message.get("content").asText()
                    : message.get("role").asText() + ": " + message.get("content").asText());
            }
            return String.join("\n\n", parts);
        }
        problems.add(TaskProblem.error(file, where + ": input", node == null ? "missing: the question for the agent"
            : "must be a non-empty string or a list of chat messages ({\"role\": ..., \"content\": ...}), got " + node));
        return "";
    }

    private static String id(Path file, String where, JsonNode node, int number, List<TaskProblem> problems) {
        if (node == null || node.isNull()) {
            return Integer.toString(number);
        }
        if ((node.isTextual() && !node.asText().isBlank()) || node.isIntegralNumber()) {
            return node.asText();
        }
        problems.add(TaskProblem.error(file, where + ": id", "must be a non-empty string or an integer, got " + node));
        return "";
    }

    private static List<String> strings(Path file, String where, String field, JsonNode node, List<TaskProblem> problems) {
        List<String> out = new ArrayList<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (node.isValueNode()) {
            out.add(node.asText());
            return out;
        }
        if (node.isArray()) {
            for (JsonNode item : node) {
                if (!item.isValueNode()) {
                    problems.add(TaskProblem.error(file, where + ": " + field, "must be a string or a list of strings, got " + node));
                    return out;
                }
                out.add(item.asText());
            }
            return out;
        }
        problems.add(TaskProblem.error(file, where + ": " + field, "must be a string or a list of strings, got " + node.getNodeType()));
        return out;
    }

    private static Map<String, String> textMap(Path file, String where, String field, JsonNode node, List<TaskProblem> problems) {
        Map<String, String> out = new TreeMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(TaskProblem.error(file, where + ": " + field, "must be an object, got " + node.getNodeType()));
            return out;
        }
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isTextual() ? e.getValue().asText() : e.getValue().toString()));
        return out;
    }

    private static Map<String, String> files(Path file, String where, JsonNode node, List<TaskProblem> problems) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        if (!node.isObject()) {
            problems.add(TaskProblem.error(file, where + ": files", "must be an object of sandbox paths to text content, got " + node.getNodeType()));
            return out;
        }
        node.properties().forEach(e -> {
            String path = e.getKey().startsWith("/") ? e.getKey() : WORKDIR + "/" + e.getKey();
            if (!e.getValue().isTextual()) {
                problems.add(TaskProblem.error(file, where + ": files." + e.getKey(), "must be the file's text content, got " + e.getValue().getNodeType()));
            } else if (path.contains("/../") || path.endsWith("/..")) {
                problems.add(TaskProblem.error(file, where + ": files." + e.getKey(), "must not climb out with '..'"));
            } else {
                out.put(path, e.getValue().asText());
            }
        });
        return out;
    }

    private static String choices(List<String> choices) {
        if (choices.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("\n");
        for (int i = 0; i < choices.size(); i++) {
            text.append('\n').append((char) ('A' + i)).append(") ").append(choices.get(i));
        }
        return text.toString();
    }
}
