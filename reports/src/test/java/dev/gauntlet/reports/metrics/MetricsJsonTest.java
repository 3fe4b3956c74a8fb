package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.gauntlet.records.TrialStatus;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsJsonTest {

    final MetricOptions options = MetricOptions.defaults().withErrors(ErrorPolicy.ZERO);

    @Test
    void writesEveryFigure() {
        JsonNode json = MetricsJson.toJson(Metrics.of(List.of(
            MetricsTest.record("bash", "m", "a", 1, TrialStatus.PASSED, 1.0),
            MetricsTest.record("bash", "m", "a", 2, TrialStatus.FAILED, 0.0),
            MetricsTest.record("bash", "m", "b", 1, TrialStatus.PASSED, 1.0),
            MetricsTest.record("bash", "m", "b", 2, TrialStatus.ERROR, null)), options));

        assertThat(json.get("trials").asInt()).isEqualTo(4);
        assertThat(json.get("errored").asInt()).isEqualTo(1);
        assertThat(json.get("errors").asText()).isEqualTo("zero");
        assertThat(json.at("/accuracy/units").asInt()).isEqualTo(2);
        assertThat(json.at("/accuracy/mean").asDouble()).isEqualTo(0.5);
        assertThat(json.at("/accuracy/stderr").asDouble()).isEqualTo(0.0);
        assertThat(json.at("/pass_at_k/2/mean").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/pass_at_k/1/ci_low").isNumber()).isTrue();
    }

    @Test
    void figuresThatCannotBeComputedAreNull() {
        JsonNode json = MetricsJson.toJson(Metrics.of(List.of(
            MetricsTest.record("bash", "m", "a", 1, TrialStatus.PASSED, 1.0),
            MetricsTest.record("bash", "m", "a", 2, TrialStatus.FAILED, 0.0)), options));

        assertThat(json.at("/accuracy/stderr").asDouble()).isCloseTo(0.5, within(1e-12));
        assertThat(json.at("/pass_at_k/2/mean").asDouble()).isEqualTo(1.0);
        assertThat(json.at("/pass_at_k/2/stderr").isNull()).isTrue();
        assertThat(json.at("/pass_at_k/2/ci_low").isNull()).isTrue();
    }
}
