package dev.gauntlet.harness.model;

import java.util.List;

/**
 * One request for the model's next reply.
 *
 * @param messages        the conversation so far, starting with the system message
 * @param tools           tools offered (empty: text mode)
 * @param maxOutputTokens the most tokens the reply may have
 */
public record ModelRequest(List<Message> messages, List<ToolSpec> tools, int maxOutputTokens) {

    public ModelRequest {
        messages = List.copyOf(messages);
        tools = List.copyOf(tools);
        if (maxOutputTokens < 1) {
            throw new IllegalArgumentException("maxOutputTokens must be positive, got " + maxOutputTokens);
        }
    }
}
