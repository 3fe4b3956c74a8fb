package dev.gauntlet.datasets.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.gauntlet.datasets.TaskProblem;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reads of one section of a configuration file (a TOML table, or a whole YAML document) that record a problem
 * (file, field, reason) instead of throwing, and remember which fields were read so the rest can be kept as metadata.
 */
final class ConfigFields {

    private static final Pattern SIZE = Pattern.compile("(?i)\\s*(\\d+(?:\\.\\d+)?)\\s*([kmgt]?)i?b?\\s*");

    private final Path file;
    private final String section;
    private final JsonNode node;
    private final List<TaskProblem> problems;
    private final Set<String> read = new HashSet<>();

    /** {@code section} names the TOML table in problems; {@code null} for the top level of a file. */
    ConfigFields(Path file, String section, JsonNode node, List<TaskProblem> problems) {
        this.file = file;
        this.section = section;
        this.node = node == null || node.isMissingNode() || node.isNull() ? new ObjectNode(null) : node;
        this.problems = problems;
        if (!this.node.isObject()) {
            problems.add(TaskProblem.error(file, section == null ? null : "[" + section + "]", "must be a table, got " + node.getNodeType()));
        }
    }

    String string(String name) {
        return read(name, "a string", JsonNode::isTextual, JsonNode::asText);
    }

    Boolean bool(String name) {
        return read(name, "true or false", JsonNode::isBoolean, JsonNode::asBoolean);
    }

    double positiveNumber(String name, double fallback) {
        Double value = read(name, "a positive number", n -> n.isNumber() && n.asDouble() > 0, JsonNode::asDouble);
        return value == null ? fallback : value;
    }

    Duration seconds(String name, Duration fallback) {
        Double value = read(name, "a positive number of seconds", n -> n.isNumber() && n.asDouble() > 0, JsonNode::asDouble);
        return value == null ? fallback : Duration.ofMillis(Math.round(value * 1000));
    }

    /** A size in MiB from {@code NAME_mb} (a number) or the older {@code NAME} ("2G", "512M"). */
    long megabytes(String name, long fallback) {
        Double mb = read(name + "_mb", "a positive number of MiB", n -> n.isNumber() && n.asDouble() > 0, JsonNode::asDouble);
        if (mb != null) {
            return Math.round(mb);
        }
        String text = read(name, "a size such as \"512M\" or \"2G\"", JsonNode::isTextual, JsonNode::asText);
        if (text == null) {
            return fallback;
        }
        Matcher m = SIZE.matcher(text);
        if (!m.matches()) {
            problem(name, "'" + text + "' is not a size; use a number with K, M, G or T, such as \"2G\"");
            return fallback;
        }
        double number = Double.parseDouble(m.group(1));
        double factor = switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "k" -> 1.0 / 1024;
            case "g" -> 1024;
            case "t" -> 1024 * 1024;
            default -> m.group(2).isEmpty() ? 1.0 / (1024 * 1024) : 1;
        };
        return Math.max(1, Math.round(number * factor));
    }

    Map<String, String> stringMap(String name) {
        JsonNode value = node.get(name);
        read.add(name);
        Map<String, String> out = new LinkedHashMap<>();
        if (value == null) {
            return out;
        }
        if (!value.isObject()) {
            problem(name, "must be a table of names to strings, got " + value.getNodeType());
            return out;
        }
        value.properties().forEach(e -> {
            if (e.getValue().isValueNode()) {
                out.put(e.getKey(), e.getValue().asText());
            } else {
                problem(name + "." + e.getKey(), "must be a string, got " + e.getValue().getNodeType());
            }
        });
        return out;
    }

    List<String> stringList(String name) {
        JsonNode value = node.get(name);
        read.add(name);
        List<String> out = new ArrayList<>();
        if (value == null) {
            return out;
        }
        if (!value.isArray()) {
            problem(name, "must be a list of strings, got " + value.getNodeType());
            return out;
        }
        value.forEach(item -> out.add(item.asText()));
        return out;
    }

    /** The field as it is, marked read, or {@code null}. */
    JsonNode raw(String name) {
        read.add(name);
        return node.get(name);
    }

    /** Every field not read so far, as JSON text, keyed {@code prefix + name}. */
    void keepUnread(String prefix, Map<String, String> metadata) {
        node.properties().forEach(e -> {
            if (!read.contains(e.getKey())) {
                JsonNode v = e.getValue();
                metadata.put(prefix + e.getKey(), v.isTextual() ? v.asText() : v.toString());
            }
        });
    }

    void problem(String name, String reason) {
        problems.add(TaskProblem.error(file, section == null ? name : "[" + section + "] " + name, reason));
    }

    private <T> T read(String name, String expected, java.util.function.Predicate<JsonNode> valid, Function<JsonNode, T> convert) {
        read.add(name);
        JsonNode value = node.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!valid.test(value)) {
            problem(name, "expected " + expected + ", got " + (value.isTextual() ? "\"" + value.asText() + "\"" : value.toString()));
            return null;
        }
        return convert.apply(value);
    }
}
