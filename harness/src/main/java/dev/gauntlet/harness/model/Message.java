package dev.gauntlet.harness.model;

import java.util.List;
import java.util.Objects;

/**
 * One message of a conversation.
 *
 * @param role       who speaks
 * @param text       its text (may be empty for an assistant message that only calls tools)
 * @param toolCalls  for {@link Role#ASSISTANT}: the tools it called
 * @param toolCallId for {@link Role#TOOL}: the call this message answers
 */
public record Message(Role role, String text, List<ToolCall> toolCalls, String toolCallId) {

    public enum Role { SYSTEM, USER, ASSISTANT, TOOL }

    public Message {
        Objects.requireNonNull(role, "role");
        text = text == null ? "" : text;
        toolCalls = List.copyOf(toolCalls);
        if (role == Role.TOOL) {
            Objects.requireNonNull(toolCallId, "a tool message answers a call: toolCallId");
        }
    }

    public static Message system(String text) {
        return new Message(Role.SYSTEM, text, List.of(), null);
    }

    public static Message user(String text) {
        return new Message(Role.USER, text, List.of(), null);
    }

    public static Message assistant(String text, List<ToolCall> calls) {
        return new Message(Role.ASSISTANT, text, calls, null);
    }

    public static Message tool(String callId, String text) {
        return new Message(Role.TOOL, text, List.of(), callId);
    }
}
