package dev.gauntlet.harness.model;

import java.time.Duration;

/**
 * A model request failed. The provider says whether trying again may help and, if the server said so, after
 * how long; the message carries the server's own words, never a credential.
 */
public class ModelException extends RuntimeException {

    private final boolean retryable;
    private final int status;
    private final Duration retryAfter;

    /**
     * @param status     the HTTP status, or 0 when there was no response (reset, timeout)
     * @param retryAfter the server's {@code Retry-After}, or null
     */
    public ModelException(String message, boolean retryable, int status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public boolean retryable() {
        return retryable;
    }

    public int status() {
        return status;
    }

    public Duration retryAfter() {
        return retryAfter;
    }
}
