package dev.gauntlet.harness.trial;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.datasets.Task;
import dev.gauntlet.harness.TaskWriter;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseTimeoutsTest {

    @Test
    void overridesReplaceTheTasksTimeoutsAndTheMultiplierScalesAll(@TempDir Path tmp) {
        TaskWriter.task(tmp, "t", "[agent]\ntimeout_sec = 100\n[verifier]\ntimeout_sec = 40\n[environment]\nbuild_timeout_sec = 300\n",
            "true\n", "true\n");
        Task task = Dataset.load(tmp).tasks().getFirst();

        Task scaled = new PhaseTimeouts(null, null, null, null, 1.5).apply(task);
        assertThat(scaled.agent().timeout()).isEqualTo(Duration.ofSeconds(150));
        assertThat(scaled.verifier().timeout()).isEqualTo(Duration.ofSeconds(60));
        assertThat(scaled.environment().buildTimeout()).isEqualTo(Duration.ofSeconds(450));

        PhaseTimeouts overridden = new PhaseTimeouts(Duration.ofMinutes(1), Duration.ofSeconds(20), Duration.ofSeconds(10), null, 2);
        Task both = overridden.apply(task);
        assertThat(both.agent().timeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(both.verifier().timeout()).isEqualTo(Duration.ofSeconds(80));
        assertThat(both.environment().buildTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(overridden.setupTimeout()).isEqualTo(Duration.ofSeconds(40));
        assertThat(both.contentHash()).as("timeouts are not part of the task's identity").isEqualTo(task.contentHash());
        assertThat(PhaseTimeouts.none().apply(task)).isEqualTo(task);
    }

    @Test
    void nonPositiveValuesAreRefused() {
        assertThatThrownBy(() -> new PhaseTimeouts(null, null, null, null, 0)).hasMessageContaining("--timeout-multiplier");
        assertThatThrownBy(() -> new PhaseTimeouts(null, null, Duration.ZERO, null, 1)).hasMessageContaining("--agent-timeout must be positive");
    }
}
