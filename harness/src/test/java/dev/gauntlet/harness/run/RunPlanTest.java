package dev.gauntlet.harness.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.datasets.Dataset;
import dev.gauntlet.harness.TaskWriter;
import dev.gauntlet.harness.trial.TrialSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunPlanTest {

    @Test
    void contendersTakeTurnsOnEachTaskAndAttemptsSpreadOverTheRun(@TempDir Path tmp) {
        TaskWriter.task(tmp, "a", "", "true\n", "true\n");
        TaskWriter.task(tmp, "b", "", "true\n", "true\n");
        List<Contender> contenders = Contender.of(List.of("oracle", "bash"), List.of("openai/x", "anthropic/y"));

        List<TrialSpec> plan = RunPlan.plan("run", List.of(Dataset.load(tmp)), contenders, 2);

        assertThat(contenders).containsExactly(new Contender("oracle", null), new Contender("bash", "openai/x"),
            new Contender("bash", "anthropic/y"));
        assertThat(plan).hasSize(12);
        assertThat(plan.subList(0, 6)).extracting(t -> t.task().id() + "/" + t.agent() + "/" + t.model() + "#" + t.attempt())
            .containsExactly("a/oracle/null#1", "a/bash/openai/x#1", "a/bash/anthropic/y#1",
                "b/oracle/null#1", "b/bash/openai/x#1", "b/bash/anthropic/y#1");
        assertThat(plan.subList(6, 12)).allSatisfy(t -> assertThat(t.attempt()).isEqualTo(2));
        assertThat(plan.stream().map(TrialSpec::trialId).distinct()).hasSize(12);
        assertThat(RunPlan.plan("another run", List.of(Dataset.load(tmp)), contenders, 2)).extracting(TrialSpec::trialId)
            .as("ids do not depend on the run").isEqualTo(plan.stream().map(TrialSpec::trialId).toList());
    }

    @Test
    void aModelDrivenAgentNeedsAModelAndNothingIsNamedTwice() {
        assertThatThrownBy(() -> Contender.of(List.of("bash"), List.of())).hasMessageContaining("--agent bash needs --model");
        assertThatThrownBy(() -> Contender.of(List.of("nop", "nop"), List.of())).hasMessageContaining("named twice");
        assertThat(Contender.of(List.of("nop"), List.of("openai/x"))).containsExactly(new Contender("nop", null));
    }
}
