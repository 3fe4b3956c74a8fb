package dev.gauntlet.harness.model;

import java.util.List;
import java.util.Objects;

/**
 * The model's reply.
 *
 * @param text       its text
 * @param toolCalls  the tools it called, in order
 * @param usage      tokens it cost
 * @param stopReason the provider's finish or stop reason ({@code stop}, {@code tool_calls}, {@code end_turn},
 *                   {@code tool_use}, {@code length}, {@code max_tokens}...)
 * @param retries    requests that failed and were retried before this reply
 */
public record ModelReply(String text, List<ToolCall> toolCalls, Usage usage, String stopReason, int retries) {

    public ModelReply {
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
        Objects.requireNonNull(usage, "usage");
    }

    public ModelReply withRetries(int count) {
        return new ModelReply(text, toolCalls, usage, stopReason, count);
    }
}
