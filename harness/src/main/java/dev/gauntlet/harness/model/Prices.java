package dev.gauntlet.harness.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What model tokens cost, in USD per million tokens, by model name.
 *
 * <p>{@link #builtIn()} knows a few models at their <em>list prices when this table was written</em>; providers
 * change them, so check them and override them with a file ({@link #withFile}) when cost matters. A dated model
 * name ({@code gpt-4o-2024-08-06}, {@code claude-sonnet-4-5-20250929}) or one ending in {@code -latest} is priced
 * as its undated name when it has no price of its own.
 */
public final class Prices {

    /**
     * One model's prices in USD per million tokens.
     *
     * @param input       uncached input tokens
     * @param cachedInput input tokens read from the provider's prompt cache
     * @param output      output tokens
     */
    public record Price(double input, double cachedInput, double output) {

        public Price {
            if (!(input >= 0) || !(cachedInput >= 0) || !(output >= 0)
                || Double.isInfinite(input) || Double.isInfinite(cachedInput) || Double.isInfinite(output)) {
                throw new IllegalArgumentException("prices must be finite and non-negative, got input " + input
                    + ", cached_input " + cachedInput + ", output " + output);
            }
        }

        /** What {@code usage} costs in USD: cached input at the cached price, the rest of the input at the input price. */
        public double cost(Usage usage) {
            long uncached = usage.inputTokens() - usage.cachedInputTokens();
            return (uncached * input + usage.cachedInputTokens() * cachedInput + usage.outputTokens() * output) / 1e6;
        }
    }

    private static final Pattern VERSION_SUFFIX = Pattern.compile("-(\\d{8}|\\d{4}-\\d{2}-\\d{2}|latest)$");

    private static final Map<String, Price> BUILT_IN = Map.ofEntries(
        Map.entry("gpt-4o", new Price(2.50, 1.25, 10.00)),
        Map.entry("gpt-4o-mini", new Price(0.15, 0.075, 0.60)),
        Map.entry("gpt-4.1", new Price(2.00, 0.50, 8.00)),
        Map.entry("gpt-4.1-mini", new Price(0.40, 0.10, 1.60)),
        Map.entry("claude-sonnet-4-5", new Price(3.00, 0.30, 15.00)),
        Map.entry("claude-sonnet-4", new Price(3.00, 0.30, 15.00)),
        Map.entry("claude-3-5-sonnet", new Price(3.00, 0.30, 15.00)),
        Map.entry("claude-haiku-4-5", new Price(1.00, 0.10, 5.00)));

    private final Map<String, Price> prices;

    private Prices(Map<String, Price> prices) {
        this.prices = Map.copyOf(prices);
    }

    /** The built-in table: list prices at the time of writing, to be checked. */
    public static Prices builtIn() {
        return new Prices(BUILT_IN);
    }

    /** A table of exactly these prices. */
    public static Prices of(Map<String, Price> prices) {
        return new Prices(prices);
    }

    /** This table with {@code others} added, replacing prices of the same models. */
    public Prices with(Map<String, Price> others) {
        Map<String, Price> merged = new HashMap<>(prices);
        merged.putAll(others);
        return new Prices(merged);
    }

    /**
     * This table extended and overridden by a JSON file of the form
     * {@code {"MODEL": {"input": 2.5, "cached_input": 1.25, "output": 10}}} (USD per million tokens; a missing
     * {@code cached_input} means cached input costs as much as the rest).
     *
     * @throws IllegalArgumentException naming the file, model and field when the file cannot be read or is malformed
     */
    public Prices withFile(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("price file " + file + ": cannot read it: " + e.getMessage(), e);
        }
        return with(parse(text, file.toString()));
    }

    static Map<String, Price> parse(String json, String source) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("price file " + source + ": not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("price file " + source
                + ": expected an object of models, e.g. {\"gpt-4o\": {\"input\": 2.5, \"cached_input\": 1.25, \"output\": 10}}");
        }
        Map<String, Price> result = new HashMap<>();
        for (Map.Entry<String, JsonNode> entry : root.properties()) {
            String where = "price file " + source + ", model '" + entry.getKey() + "'";
            JsonNode node = entry.getValue();
            if (!node.isObject()) {
                throw new IllegalArgumentException(where + ": expected an object with input, cached_input and output");
            }
            double input = number(node, "input", where, null);
            double output = number(node, "output", where, null);
            double cached = number(node, "cached_input", where, input);
            try {
                result.put(entry.getKey(), new Price(input, cached, output));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
            }
        }
        return result;
    }

    private static double number(JsonNode node, String field, String where, Double fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            if (fallback != null) {
                return fallback;
            }
            throw new IllegalArgumentException(where + ": missing '" + field + "' (USD per million tokens)");
        }
        if (!value.isNumber() || value.asDouble() < 0) {
            throw new IllegalArgumentException(where + ": '" + field + "' must be a non-negative number, got " + value);
        }
        return value.asDouble();
    }

    /** The price of {@code model}, or of its undated name; empty when unknown. */
    public Optional<Price> price(String model) {
        Objects.requireNonNull(model, "model");
        Price price = prices.get(model);
        if (price == null) {
            price = prices.get(VERSION_SUFFIX.matcher(model).replaceFirst(""));
        }
        return Optional.ofNullable(price);
    }

    /** What {@code usage} of {@code model} cost in USD; empty when the model has no price. */
    public Optional<Double> cost(String model, Usage usage) {
        Objects.requireNonNull(usage, "usage");
        return price(model).map(price -> price.cost(usage));
    }
}
