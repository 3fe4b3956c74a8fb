package dev.gauntlet.harness.agent;

import java.time.Duration;
import java.util.Objects;

/**
 * When a model-driven agent must stop. Hitting one ends the agent phase; the trial is still verified and the
 * record names the limit.
 *
 * @param maxSteps        model replies
 * @param maxInputTokens  input tokens over all replies
 * @param maxOutputTokens output tokens over all replies
 * @param maxCostUsd      dollars over all replies, or null for no cost limit
 * @param commandTimeout  how long one command may run before it is killed
 * @param maxOutputTokensPerReply the most tokens one reply may have
 */
public record AgentLimits(int maxSteps, long maxInputTokens, long maxOutputTokens, Double maxCostUsd, Duration commandTimeout,
                          int maxOutputTokensPerReply) {

    public static final int DEFAULT_MAX_STEPS = 100;
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMinutes(3);
    public static final int DEFAULT_MAX_TOKENS_PER_REPLY = 4096;

    public AgentLimits {
        if (maxSteps < 1 || maxInputTokens < 1 || maxOutputTokens < 1 || maxOutputTokensPerReply < 1) {
            throw new IllegalArgumentException("agent limits must be positive");
        }
        if (maxCostUsd != null && !(maxCostUsd > 0)) {
            throw new IllegalArgumentException("--max-cost must be positive, got " + maxCostUsd);
        }
        Objects.requireNonNull(commandTimeout, "commandTimeout");
    }

    public static AgentLimits defaults() {
        return new AgentLimits(DEFAULT_MAX_STEPS, Long.MAX_VALUE, Long.MAX_VALUE, null, DEFAULT_COMMAND_TIMEOUT, DEFAULT_MAX_TOKENS_PER_REPLY);
    }
}
