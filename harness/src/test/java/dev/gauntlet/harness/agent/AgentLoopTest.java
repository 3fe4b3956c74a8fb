package dev.gauntlet.harness.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.harness.RemovesSnapshots;
import dev.gauntlet.harness.Runs;
import dev.gauntlet.harness.TaskWriter;
import dev.gauntlet.harness.model.ModelSettings;
import dev.gauntlet.harness.run.ErrorBudget;
import dev.gauntlet.harness.run.RunOptions;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.StepRecord;
import dev.gauntlet.records.StepRecordReader;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The bash agent's loop with a scripted model, and the installed-agent path with a stand-in CLI, on real sandboxes. */
@ExtendWith(RemovesSnapshots.class)
class AgentLoopTest {

    static final String CHECK_DONE = "grep -qx done /app/out 2>/dev/null && echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n";

    @Test
    void formatErrorsAreFedBackAndCountedAndTheSessionPersists(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "scripted", "", "true\n", CHECK_DONE);
        Path script = tmp.resolve("replies.jsonl");
        Files.writeString(script, String.join("\n",
            "{\"text\": \"thinking without a command\"}",
            "{\"tool_calls\": [{\"name\": \"bash\", \"arguments\": \"{not json\"}]}",
            "{\"tool_calls\": [{\"name\": \"bash\", \"arguments\": {\"command\": \"cd /app\"}}, {\"name\": \"bash\", \"arguments\": {\"command\": \"ls\"}}]}",
            "{\"tool_calls\": [{\"name\": \"bash\", \"arguments\": {\"command\": \"cd /app && export WORD=done\"}}], \"usage\": {\"input\": 7, \"output\": 3}}",
            "{\"tool_calls\": [{\"name\": \"bash\", \"arguments\": {\"command\": \"echo $WORD > out; cat out; exit 3\"}}]}",
            "{\"tool_calls\": [{\"name\": \"submit\", \"arguments\": {}}]}"));

        Runs.Finished run = Runs.run(dataset, "bash", "scripted:" + script, 1, tmp.resolve("run"), TrialOptions.defaults(),
            AgentLimits.defaults(), Map.of());

        TrialRecord trial = TrialRecordReader.readAll(run.result().dir().trials()).getFirst();
        assertThat(trial.status()).as(run.output()).isEqualTo(TrialStatus.PASSED);
        assertThat(trial.usage().steps()).isEqualTo(6);
        assertThat(trial.usage().inputTokens()).isEqualTo(7);
        List<StepRecord> steps = StepRecordReader.readAll(run.result().dir().steps());
        assertThat(steps).extracting(StepRecord::error).containsExactly(
            "format: call exactly one tool per reply (bash with a command, or submit); this reply called 0",
            "format: the bash tool's arguments are not valid JSON: {not json",
            "format: call exactly one tool per reply (bash with a command, or submit); this reply called 2",
            null, null, null);
        StepRecord echo = steps.get(4);
        assertThat(echo.command()).isEqualTo("echo $WORD > out; cat out; exit 3");
        assertThat(echo.output()).startsWith("done\n");
        assertThat(echo.exitCode()).as("exit in a command ends only that shell").isEqualTo(3);
    }

    @Test
    void inTextModeHittingALimitEndsTheAgentButTheTrialIsStillVerified(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "limited", "", "true\n", CHECK_DONE);
        Path script = tmp.resolve("replies.jsonl");
        Files.writeString(script, String.join("\n",
            "{\"text\": \"First this.\\n```bash\\necho done > /app/out\\n```\"}",
            "{\"text\": \"```bash\\necho never > /app/out\\n```\"}"));
        AgentLimits oneStep = new AgentLimits(1, Long.MAX_VALUE, Long.MAX_VALUE, null, Duration.ofSeconds(30), 100);
        AgentSettings textMode = new AgentSettings(dev.gauntlet.harness.model.Prices.builtIn(), true, null, List.of(), Map.of());

        Runs.Finished run = Runs.run(new RunOptions(List.of(dataset), List.of("bash"), List.of("scripted:" + script), 1, 2, tmp.resolve("run"),
            TrialOptions.defaults(), 16, textMode, oneStep, new ModelSettings(null, null, 0, Map.of()), ErrorBudget.UNLIMITED, RunOptions.DEFAULT_GRACE_PERIOD));

        TrialRecord trial = TrialRecordReader.readAll(run.result().dir().trials()).getFirst();
        assertThat(trial.usage().limitHit()).isEqualTo("steps");
        assertThat(trial.usage().steps()).isEqualTo(1);
        assertThat(trial.status()).as("verified after the limit: " + run.output()).isEqualTo(TrialStatus.PASSED);
        assertThat(run.output()).contains("1 steps (steps limit)");
    }

    @Test
    void anInstalledAgentGetsTheInstructionAndOnlyTheVariablesItIsGiven(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "installed", "[agent]\ntimeout_sec = 60\n", "true\n",
            "[ \"$(cat /app/seen)\" = 'Task installed.' ] && [ \"$(cat /app/token)\" = 'tok-123' ] && [ ! -s /app/other ] "
                + "&& echo 1 > /logs/verifier/reward.txt || echo 0 > /logs/verifier/reward.txt\n");
        String standIn = "cat \"$GAUNTLET_INSTRUCTION_FILE\" > /app/seen; printf %s \"$AGENT_TOKEN\" > /app/token; "
            + "printf %s \"$OTHER_SECRET\" > /app/other; echo agent ran";
        Map<String, String> env = Map.of("AGENT_TOKEN", "tok-123", "OTHER_SECRET", "must-not-pass");
        AgentSettings settings = new AgentSettings(dev.gauntlet.harness.model.Prices.builtIn(), false, standIn, List.of("AGENT_TOKEN"), env);

        Runs.Finished run = Runs.run(dataset, "command", settings, tmp.resolve("run"));

        TrialRecord trial = TrialRecordReader.readAll(run.result().dir().trials()).getFirst();
        assertThat(trial.status()).as(run.output()).isEqualTo(TrialStatus.PASSED);
        assertThat(Files.readString(run.result().dir().logs().resolve(trial.trialId()).resolve("agent.log"))).contains("agent ran");
    }

    @Test
    void anInstalledAgentPastItsTimeoutIsAnAgentTimeout(@TempDir Path tmp) throws Exception {
        Path dataset = tmp.resolve("set");
        TaskWriter.task(dataset, "slow", "[agent]\ntimeout_sec = 2\n", "true\n", CHECK_DONE);
        AgentSettings settings = new AgentSettings(dev.gauntlet.harness.model.Prices.builtIn(), false, "sleep 60", List.of(), Map.of());

        Runs.Finished run = Runs.run(dataset, "command", settings, tmp.resolve("run"));

        assertThat(TrialRecordReader.readAll(run.result().dir().trials()).getFirst().errorKind()).isEqualTo(ErrorKind.AGENT_TIMEOUT);
    }
}
