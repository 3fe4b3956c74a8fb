package dev.gauntlet.scorers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.sandbox.Sandbox;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Harbor's reward files: {@code /logs/verifier/reward.json} (a flat object of numbers; the primary reward is
 * its {@code reward} key, else the mean of all values) if present, else {@code /logs/verifier/reward.txt}
 * (one number). A missing, empty or malformed file leaves the trial unscored.
 */
public final class RewardFileScorer implements Scorer {

    public static final String DIR = "/logs/verifier";
    public static final String JSON = DIR + "/reward.json";
    public static final String TEXT = DIR + "/reward.txt";
    private static final int MAX_BYTES = 64 * 1024;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String name() {
        return "reward_file";
    }

    @Override
    public Score score(Submission submission) {
        return read(submission.sandbox());
    }

    /** Reads the reward files of {@code sandbox}. */
    static Score read(Sandbox sandbox) {
        Optional<byte[]> json = sandbox.readFile(JSON, MAX_BYTES);
        if (json.isPresent()) {
            return fromJson(new String(json.get(), StandardCharsets.UTF_8));
        }
        return sandbox.readFile(TEXT, MAX_BYTES)
            .map(bytes -> fromText(new String(bytes, StandardCharsets.UTF_8)))
            .orElseGet(() -> new Score.Unscored("the verifier wrote no reward: neither " + JSON + " nor " + TEXT + " exists"));
    }

    /**
     * The reward from a copy of the sandbox's {@code /logs/verifier} on this machine (the harness copies it out
     * anyway), or empty when the copy holds neither file, so the caller asks the sandbox instead.
     */
    public static Optional<Score> fromCopy(Path verifierLogs) {
        try {
            Path json = verifierLogs.resolve("reward.json");
            if (Files.isRegularFile(json) && Files.size(json) <= MAX_BYTES) {
                return Optional.of(fromJson(Files.readString(json, StandardCharsets.UTF_8)));
            }
            Path text = verifierLogs.resolve("reward.txt");
            if (!Files.exists(json) && Files.isRegularFile(text) && Files.size(text) <= MAX_BYTES) {
                return Optional.of(fromText(Files.readString(text, StandardCharsets.UTF_8)));
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            // not decodable as text here: the sandbox read decides
        }
        return Optional.empty();
    }

    static Score fromText(String text) {
        String value = text.strip();
        if (value.isEmpty()) {
            return new Score.Unscored(TEXT + " is empty; it must hold one number");
        }
        try {
            double reward = Double.parseDouble(value);
            if (!Double.isFinite(reward)) {
                return new Score.Unscored(TEXT + " holds '" + value + "'; it must hold a finite number");
            }
            return new Score.Value(reward, Map.of("reward", reward));
        } catch (NumberFormatException e) {
            return new Score.Unscored(TEXT + " holds '" + abbreviate(value) + "'; it must hold one number");
        }
    }

    static Score fromJson(String text) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return new Score.Unscored(JSON + " is not valid JSON: " + abbreviate(e.getOriginalMessage()));
        }
        if (node == null || !node.isObject() || node.isEmpty()) {
            return new Score.Unscored(JSON + " must be a non-empty object of numbers, got " + abbreviate(String.valueOf(node)));
        }
        Map<String, Double> rewards = new LinkedHashMap<>();
        for (var field : node.properties()) {
            if (!field.getValue().isNumber() || !Double.isFinite(field.getValue().asDouble())) {
                return new Score.Unscored(JSON + ": \"" + field.getKey() + "\" must be a number, got " + abbreviate(field.getValue().toString()));
            }
            rewards.put(field.getKey(), field.getValue().asDouble());
        }
        double reward = rewards.containsKey("reward") ? rewards.get("reward")
            : rewards.values().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        return new Score.Value(reward, rewards);
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
