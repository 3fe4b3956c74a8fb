package dev.gauntlet.harness.model;

import io.vertx.core.Future;

/**
 * A model the bash agent asks for its next command. Implementations do not block: they answer with a Vert.x
 * future, and fail it with a {@link ModelException} that says whether a retry may help. Thread-safe: one
 * client serves every trial of a run.
 */
public interface ModelClient extends AutoCloseable {

    /** The spec it was opened with, e.g. {@code openai/gpt-4o}; recorded with every trial. */
    String spec();

    /** The model's name for the price table, e.g. {@code gpt-4o}. */
    String model();

    /** Asks for the next reply. */
    Future<ModelReply> complete(ModelRequest request);

    @Override
    default void close() {
    }
}
