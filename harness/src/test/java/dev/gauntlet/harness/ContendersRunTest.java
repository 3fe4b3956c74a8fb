package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.agent.AgentSettings;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.model.Prices;
import dev.gauntlet.harness.run.ErrorBudget;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** One run comparing several agents and models on the same tasks. */
@ExtendWith(RemovesSnapshots.class)
class ContendersRunTest {

    @Test
    void everyAgentRunsEveryTaskAndEachModelDrivenAgentWithEachModel(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        for (String name : List.of("one", "two")) {
            TaskWriter.task(dataset, name, "", "echo done > /app/out\n",
                "test -f /app/out && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        }
        Path idle = Files.writeString(tmp.resolve("idle.jsonl"), "{\"tool_calls\": [{\"name\": \"bash\", \"arguments\": {\"command\": \"true\"}}]}\n");

        Runs.Finished run = Runs.run(new RunOptions(List.of(dataset), List.of("oracle", "nop", "bash"), List.of("oracle", "scripted:" + idle),
            2, 4, tmp.resolve("run"), TrialOptions.defaults(), 64,
            new AgentSettings(Prices.builtIn(), false, null, List.of(), Map.of()), AgentLimits.defaults(),
            new ModelSettings(null, null, 0, Map.of()), ErrorBudget.UNLIMITED, RunOptions.DEFAULT_GRACE_PERIOD));

        List<TrialRecord> records = TrialRecordReader.readAll(run.result().dir().trials());
        assertThat(records).hasSize(2 * 4 * 2);
        Map<String, Long> passed = records.stream().filter(r -> r.status() == TrialStatus.PASSED)
            .collect(Collectors.groupingBy(r -> r.agent() + "/" + r.model(), Collectors.counting()));
        assertThat(passed).as(run.output()).containsOnly(Map.entry("oracle/null", 4L), Map.entry("bash/oracle", 4L));
        assertThat(records.stream().filter(r -> r.status() == TrialStatus.FAILED).map(r -> r.agent() + "/" + r.model()).distinct())
            .containsExactlyInAnyOrder("nop/null", "bash/scripted:" + idle);
        assertThat(run.output()).contains("16 trials (2 tasks x 4 contender(s) x 2 attempts), oracle, nop, bash with oracle, bash with scripted:");
    }
}
