package dev.gauntlet.harness.model;

import java.util.Objects;

/**
 * A tool offered to the model.
 *
 * @param name        its name
 * @param description what it does, for the model
 * @param parameters  a JSON Schema object (as JSON text) for its arguments
 */
public record ToolSpec(String name, String description, String parameters) {

    public ToolSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(parameters, "parameters");
    }
}
