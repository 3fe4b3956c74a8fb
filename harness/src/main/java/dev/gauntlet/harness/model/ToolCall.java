package dev.gauntlet.harness.model;

import java.util.Objects;

/**
 * A tool the model called.
 *
 * @param id        the provider's id of the call, echoed in the answer
 * @param name      the tool's name
 * @param arguments the arguments as the model wrote them: JSON text, possibly malformed
 */
public record ToolCall(String id, String name, String arguments) {

    public ToolCall {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        arguments = arguments == null ? "" : arguments;
    }
}
