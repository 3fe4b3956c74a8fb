package dev.gauntlet.harness.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How a run reaches its model. API keys are read from the environment ({@code OPENAI_API_KEY},
 * {@code ANTHROPIC_API_KEY}), never from a flag, so they appear in no process list, record or log.
 *
 * @param baseUrl    the API's base URL, or null for the provider's variable ({@code OPENAI_BASE_URL},
 *                   {@code ANTHROPIC_BASE_URL}), else its public endpoint
 * @param timeout    how long one request may take, or null for the default
 * @param maxRetries how often a retryable failure (429, 5xx, reset, timeout) is retried
 * @param env        the environment to read
 * @param quota      how the requests to the model are paced
 */
public record ModelSettings(String baseUrl, Duration timeout, int maxRetries, Map<String, String> env, ModelQuota quota) {

    public static final int DEFAULT_MAX_RETRIES = 6;

    public ModelSettings {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("--model-retries must not be negative, got " + maxRetries);
        }
        env = Map.copyOf(Objects.requireNonNull(env, "env"));
        Objects.requireNonNull(quota, "quota");
    }

    /** Settings without limits on the requests. */
    public ModelSettings(String baseUrl, Duration timeout, int maxRetries, Map<String, String> env) {
        this(baseUrl, timeout, maxRetries, env, ModelQuota.NONE);
    }

    public static ModelSettings fromEnvironment() {
        return new ModelSettings(null, null, DEFAULT_MAX_RETRIES, System.getenv());
    }

    /** Leaves out the environment, which holds the API keys. */
    @Override
    public String toString() {
        return "ModelSettings[baseUrl=" + baseUrl + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", quota=" + quota + "]";
    }
}
