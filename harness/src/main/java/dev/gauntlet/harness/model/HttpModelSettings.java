package dev.gauntlet.harness.model;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where an HTTP model client sends its requests and with which key.
 *
 * <p>Build one with {@link #openAi} or {@link #anthropic}: an explicit value wins, else the provider's environment
 * variable, else the default. The environment is passed in as a map so that nothing depends on the real one by
 * accident. {@link #toString()} never shows the key.
 *
 * @param baseUrl        the API's base URL, without a trailing slash
 * @param apiKey         the API key, or null when the server needs none (local OpenAI-compatible servers)
 * @param timeout        how long one request may take, from sending it to the last byte of the reply
 * @param maxConnections the most connections open at once to the server; more requests wait for one
 */
public record HttpModelSettings(String baseUrl, String apiKey, Duration timeout, int maxConnections) {

    public static final String OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1";
    public static final String ANTHROPIC_DEFAULT_BASE_URL = "https://api.anthropic.com";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(300);
    public static final int DEFAULT_MAX_CONNECTIONS = 256;

    public HttpModelSettings {
        Objects.requireNonNull(baseUrl, "baseUrl");
        baseUrl = baseUrl.strip();
        while (baseUrl.endsWith("/")) {
            baseUrl = baseUrl.substring(0, baseUrl.length() - 1);
        }
        if (!baseUrl.startsWith("http://") && !baseUrl.startsWith("https://")) {
            throw new IllegalArgumentException("base URL must start with http:// or https://, got '" + baseUrl + "'");
        }
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero() || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeout must be at least 1 ms, got " + timeout);
        }
        if (maxConnections < 1) {
            throw new IllegalArgumentException("maxConnections must be positive, got " + maxConnections);
        }
    }

    /**
     * Settings for an OpenAI-compatible server. The key may be missing (then no {@code Authorization} header is
     * sent), as local servers (vLLM, Ollama, LiteLLM) often need none.
     *
     * @param baseUrl explicit base URL, or null for {@code OPENAI_BASE_URL}, else {@value #OPENAI_DEFAULT_BASE_URL}
     * @param apiKey  explicit key, or null for {@code OPENAI_API_KEY}
     * @param timeout explicit timeout, or null for {@link #DEFAULT_TIMEOUT}
     * @param env     the environment to read
     */
    public static HttpModelSettings openAi(String baseUrl, String apiKey, Duration timeout, Map<String, String> env) {
        return new HttpModelSettings(
            firstNonBlank(baseUrl, env.get("OPENAI_BASE_URL"), OPENAI_DEFAULT_BASE_URL),
            firstNonBlank(apiKey, env.get("OPENAI_API_KEY"), null),
            timeout == null ? DEFAULT_TIMEOUT : timeout,
            DEFAULT_MAX_CONNECTIONS);
    }

    /** {@link #openAi(String, String, Duration, Map)} from the environment alone. */
    public static HttpModelSettings openAi(Map<String, String> env) {
        return openAi(null, null, null, env);
    }

    /**
     * Settings for Anthropic's messages API.
     *
     * @param baseUrl explicit base URL, or null for {@code ANTHROPIC_BASE_URL}, else
     *                {@value #ANTHROPIC_DEFAULT_BASE_URL}
     * @param apiKey  explicit key, or null for {@code ANTHROPIC_API_KEY}
     * @param timeout explicit timeout, or null for {@link #DEFAULT_TIMEOUT}
     * @param env     the environment to read
     * @throws IllegalArgumentException when there is no key
     */
    public static HttpModelSettings anthropic(String baseUrl, String apiKey, Duration timeout, Map<String, String> env) {
        String key = firstNonBlank(apiKey, env.get("ANTHROPIC_API_KEY"), null);
        if (key == null) {
            throw new IllegalArgumentException(
                "Anthropic models need an API key: set ANTHROPIC_API_KEY in the environment");
        }
        return new HttpModelSettings(
            firstNonBlank(baseUrl, env.get("ANTHROPIC_BASE_URL"), ANTHROPIC_DEFAULT_BASE_URL),
            key,
            timeout == null ? DEFAULT_TIMEOUT : timeout,
            DEFAULT_MAX_CONNECTIONS);
    }

    /** {@link #anthropic(String, String, Duration, Map)} from the environment alone. */
    public static HttpModelSettings anthropic(Map<String, String> env) {
        return anthropic(null, null, null, env);
    }

    public HttpModelSettings withBaseUrl(String url) {
        return new HttpModelSettings(url, apiKey, timeout, maxConnections);
    }

    public HttpModelSettings withApiKey(String key) {
        return new HttpModelSettings(baseUrl, key, timeout, maxConnections);
    }

    public HttpModelSettings withTimeout(Duration value) {
        return new HttpModelSettings(baseUrl, apiKey, value, maxConnections);
    }

    public HttpModelSettings withMaxConnections(int value) {
        return new HttpModelSettings(baseUrl, apiKey, timeout, value);
    }

    /** Replaces every occurrence of the key in {@code text} with {@code ***}. */
    public String scrub(String text) {
        if (text == null || apiKey == null) {
            return text;
        }
        return text.replace(apiKey, "***");
    }

    @Override
    public String toString() {
        return "HttpModelSettings[baseUrl=" + baseUrl + ", apiKey=" + (apiKey == null ? "none" : "***")
            + ", timeout=" + timeout + ", maxConnections=" + maxConnections + "]";
    }

    private static String firstNonBlank(String explicit, String fromEnv, String fallback) {
        if (explicit != null && !explicit.isBlank()) {
            return explicit;
        }
        if (fromEnv != null && !fromEnv.isBlank()) {
            return fromEnv;
        }
        return fallback;
    }
}
