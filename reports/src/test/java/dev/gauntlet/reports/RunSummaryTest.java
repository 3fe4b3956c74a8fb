package dev.gauntlet.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunSummaryTest {

    static TrialRecord record(String task, int attempt, TrialStatus status, Double reward) {
        return record(task, attempt, status, reward, 1, 2, 3, 6);
    }

    static TrialRecord record(String task, int attempt, TrialStatus status, Double reward,
                              long setupMs, long agentMs, long verifierMs, long totalMs) {
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        return new TrialRecord("run", task + attempt, "set", task, "h", "oracle", null, attempt, status,
            status == TrialStatus.ERROR ? ErrorKind.VERIFIER : null, status == TrialStatus.ERROR ? "no reward" : null,
            reward, reward == null ? Map.of() : Map.of("reward", reward), t, t.plusSeconds(1), setupMs, agentMs, verifierMs, totalMs, "img", null, AgentUsage.NONE, 0);
    }

    final List<TrialRecord> records = List.of(
        record("a", 1, TrialStatus.PASSED, 1.0),
        record("a", 2, TrialStatus.FAILED, 0.0),
        record("b", 1, TrialStatus.FAILED, 0.5),
        record("b", 2, TrialStatus.ERROR, null));

    @Test
    void countsAndMeansExcludeErrorsFromTheReward() {
        RunSummary summary = RunSummary.of(records, Duration.ofSeconds(2));

        assertThat(summary.trials()).isEqualTo(4);
        assertThat(summary.count(TrialStatus.PASSED)).isEqualTo(1);
        assertThat(summary.count(TrialStatus.FAILED)).isEqualTo(2);
        assertThat(summary.count(TrialStatus.ERROR)).isEqualTo(1);
        assertThat(summary.byError()).containsExactlyEntriesOf(Map.of(ErrorKind.VERIFIER, 1));
        assertThat(summary.meanReward()).hasValue(0.5);
        assertThat(summary.tasks().get("a").meanReward()).hasValue(0.5);
        assertThat(summary.tasks().get("b").meanReward()).hasValue(0.5);
        assertThat(summary.tasks().get("b").errors()).isEqualTo(1);
        assertThat(summary.trialsPerSecond()).isEqualTo(2.0);
        assertThat(summary.usage()).isEqualTo(new AgentUsage(0, 0, 0, 0, null, null, 0));
    }

    @Test
    void agentUsageIsSummedAndCostCountsOnlyKnownPrices() {
        List<TrialRecord> priced = List.of(
            records.get(0).withUsage(new AgentUsage(3, 300, 60, 30, 0.25, null, 1)),
            records.get(1).withUsage(new AgentUsage(2, 200, 0, 20, null, "steps", 2)));

        RunSummary summary = RunSummary.of(priced, Duration.ofSeconds(1));

        assertThat(summary.usage()).isEqualTo(new AgentUsage(5, 500, 60, 50, 0.25, null, 3));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryTable.print(summary, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(bytes.toString(StandardCharsets.UTF_8))
            .contains("agent: 5 steps, 500 input tokens (60 cached), 50 output tokens, $0.2500, 3 model retries");
    }

    @Test
    void printsOneLinePerTaskAndATotalThenTheMetrics() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SummaryTable.print(RunSummary.of(records, Duration.ofSeconds(2)), new PrintStream(bytes, true, StandardCharsets.UTF_8));

        // a: attempts 1 and 0; b: 0 (its error excluded). Over tasks: accuracy (0.5 + 0) / 2, stderr |0.5 - 0| / 2;
        // pass@2 only for a, whose one failure cannot fill two draws
        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("""
            task                         trials passed failed errors  reward accuracy            95% CI
            a                                 2      1      1      0   0.500    0.500    [0.000, 1.000]
            b                                 2      0      1      1   0.500    0.000                 -
            total                             4      1      2      1   0.500                           \n\
            
            metrics: errored trials excluded; 95% bootstrap CI (1000 resamples, seed 0) over tasks, each task's attempts averaged
            agent (model)                    accuracy   stderr            95% CI   reward  tasks  trials
            oracle                              0.250    0.250    [0.000, 0.500]    0.500      2       3
              pass@1                            0.250    0.250    [0.000, 0.500]               2        \n\
              pass@2                            1.000        -                 -               1        \n\
            
            phase        p50 ms   p90 ms   p99 ms   max ms
            setup             1        1        1        1
            agent             2        2        2        2
            verifier          3        3        3        3
            total             6        6        6        6

            errors by kind: verifier=1
            mean reward 0.500 over 3 scored trials (errors excluded); wall time 2.0 s; 2.00 trials/s
            """);
    }

    @Test
    void anEmptyRunHasNoMeanReward() {
        RunSummary summary = RunSummary.of(List.of(), Duration.ZERO);

        assertThat(summary.meanReward()).isEmpty();
        assertThat(SummaryTable.toJson(summary).get("mean_reward").isNull()).isTrue();
    }
}
