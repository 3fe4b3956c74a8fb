package dev.gauntlet.harness.model;

/**
 * Tokens a reply cost, as the provider reported them.
 *
 * @param inputTokens       prompt tokens, cached ones included
 * @param cachedInputTokens of those, the ones served from the provider's prompt cache
 * @param outputTokens      completion tokens
 */
public record Usage(long inputTokens, long cachedInputTokens, long outputTokens) {

    public static final Usage NONE = new Usage(0, 0, 0);

    public Usage {
        if (inputTokens < 0 || cachedInputTokens < 0 || outputTokens < 0 || cachedInputTokens > inputTokens) {
            throw new IllegalArgumentException("token counts must be non-negative, cached within input: " + inputTokens
                + "/" + cachedInputTokens + "/" + outputTokens);
        }
    }

    public Usage plus(Usage other) {
        return new Usage(inputTokens + other.inputTokens, cachedInputTokens + other.cachedInputTokens, outputTokens + other.outputTokens);
    }
}
