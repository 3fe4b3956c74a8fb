package dev.gauntlet.records;

/**
 * What an agent consumed during one trial: steps of its loop, model tokens, cost and retries.
 *
 * @param steps the steps the agent loop ran, not negative
 * @param inputTokens model input tokens, including cached ones, not negative
 * @param cachedInputTokens the part of {@code inputTokens} served from a prompt cache, from 0 to {@code inputTokens}
 * @param outputTokens model output tokens, not negative
 * @param costUsd the model cost in US dollars, not negative, or {@code null} if the price is unknown
 * @param limitHit the limit of the agent loop that ended the trial, e.g. {@code steps}, {@code wall_time},
 *     {@code input_tokens}, {@code output_tokens} or {@code cost}; {@code null} if no limit ended it
 * @param modelRetries model calls retried after a retryable error, not negative
 */
public record AgentUsage(
    int steps,
    long inputTokens,
    long cachedInputTokens,
    long outputTokens,
    Double costUsd,
    String limitHit,
    int modelRetries) {

  /** No usage at all: for agents that call no model, and for records written before usage was recorded. */
  public static final AgentUsage NONE = new AgentUsage(0, 0, 0, 0, null, null, 0);

  /**
   * Validates the usage.
   *
   * @throws IllegalArgumentException if a count or the cost is negative, the cost is not finite, more input tokens
   *     are cached than were sent, or {@code limitHit} is blank
   */
  public AgentUsage {
    requireNotNegative("steps", steps);
    requireNotNegative("inputTokens", inputTokens);
    requireNotNegative("cachedInputTokens", cachedInputTokens);
    requireNotNegative("outputTokens", outputTokens);
    requireNotNegative("modelRetries", modelRetries);
    if (cachedInputTokens > inputTokens) {
      throw new IllegalArgumentException("cachedInputTokens " + cachedInputTokens
          + " must not exceed inputTokens " + inputTokens);
    }
    if (costUsd != null && !(Double.isFinite(costUsd) && costUsd >= 0)) {
      throw new IllegalArgumentException(
          "costUsd must be a finite amount not below 0, or null if unknown; was " + costUsd);
    }
    if (limitHit != null && limitHit.isBlank()) {
      throw new IllegalArgumentException("limitHit must be null or a limit's name, was blank");
    }
  }

  private static void requireNotNegative(String name, long value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative, was " + value);
    }
  }
}
