package dev.gauntlet.harness.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HttpModelSettingsTest {

    static final Map<String, String> ENV = Map.of(
        "OPENAI_BASE_URL", "http://localhost:8000/v1/", "OPENAI_API_KEY", "sk-env",
        "ANTHROPIC_BASE_URL", "https://proxy.example", "ANTHROPIC_API_KEY", "sk-ant-env");

    @Test
    void explicitValuesWinOverTheEnvironmentWhichWinsOverDefaults() {
        HttpModelSettings explicit = HttpModelSettings.openAi("https://openrouter.ai/api/v1", "sk-flag", Duration.ofSeconds(9), ENV);
        HttpModelSettings fromEnv = HttpModelSettings.openAi(ENV);
        HttpModelSettings defaults = HttpModelSettings.openAi(Map.of());

        assertThat(explicit).isEqualTo(new HttpModelSettings("https://openrouter.ai/api/v1", "sk-flag", Duration.ofSeconds(9),
            HttpModelSettings.DEFAULT_MAX_CONNECTIONS));
        assertThat(fromEnv.baseUrl()).isEqualTo("http://localhost:8000/v1");
        assertThat(fromEnv.apiKey()).isEqualTo("sk-env");
        assertThat(defaults.baseUrl()).isEqualTo("https://api.openai.com/v1");
        assertThat(defaults.apiKey()).isNull();
        assertThat(defaults.timeout()).isEqualTo(Duration.ofSeconds(300));

        HttpModelSettings anthropic = HttpModelSettings.anthropic(ENV);
        assertThat(anthropic.baseUrl()).isEqualTo("https://proxy.example");
        assertThat(anthropic.apiKey()).isEqualTo("sk-ant-env");
        assertThat(HttpModelSettings.anthropic(null, "k", null, Map.of()).baseUrl()).isEqualTo("https://api.anthropic.com");
    }

    @Test
    void anthropicNeedsAKey() {
        assertThatThrownBy(() -> HttpModelSettings.anthropic(Map.of("ANTHROPIC_API_KEY", " ")))
            .hasMessageContaining("ANTHROPIC_API_KEY");
    }

    @Test
    void neverPrintsTheKeyAndScrubsIt() {
        HttpModelSettings settings = HttpModelSettings.openAi(ENV);

        assertThat(settings.toString()).doesNotContain("sk-env").contains("***");
        assertThat(settings.scrub("key sk-env and sk-env")).isEqualTo("key *** and ***");
        assertThat(HttpModelSettings.openAi(Map.of()).scrub("nothing to hide")).isEqualTo("nothing to hide");
    }

    @Test
    void rejectsBadValuesSayingWhichAndWhy() {
        HttpModelSettings settings = HttpModelSettings.openAi(Map.of());

        assertThatThrownBy(() -> settings.withBaseUrl("localhost:8000")).hasMessageContaining("http://");
        assertThatThrownBy(() -> settings.withTimeout(Duration.ZERO)).hasMessageContaining("timeout");
        assertThatThrownBy(() -> settings.withMaxConnections(0)).hasMessageContaining("maxConnections");
    }
}
