package dev.gauntlet.reports.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.gauntlet.records.AgentUsage;
import dev.gauntlet.records.ErrorKind;
import dev.gauntlet.records.TrialRecord;
import dev.gauntlet.records.TrialStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import org.junit.jupiter.api.Test;

class MetricsTest {

    static TrialRecord record(String agent, String model, String task, int attempt, TrialStatus status, Double reward) {
        Instant t = Instant.parse("2026-11-28T10:00:00Z");
        return new TrialRecord("run", agent + model + task + attempt, "set", task, "h", agent, model, attempt, status,
            status == TrialStatus.ERROR ? ErrorKind.AGENT_TIMEOUT : null, null, reward,
            reward == null ? Map.of() : Map.of("reward", reward), t, t, 0, 0, 0, 0, "img", null, AgentUsage.NONE, 0);
    }

    /** Task a: passed, failed, passed, error. Task b: failed 0.5, failed, passed, failed. */
    static List<TrialRecord> run(String agent, String model) {
        return List.of(
            record(agent, model, "a", 1, TrialStatus.PASSED, 1.0),
            record(agent, model, "a", 2, TrialStatus.FAILED, 0.0),
            record(agent, model, "a", 3, TrialStatus.PASSED, 1.0),
            record(agent, model, "a", 4, TrialStatus.ERROR, null),
            record(agent, model, "b", 1, TrialStatus.FAILED, 0.5),
            record(agent, model, "b", 2, TrialStatus.FAILED, 0.0),
            record(agent, model, "b", 3, TrialStatus.PASSED, 1.0),
            record(agent, model, "b", 4, TrialStatus.FAILED, 0.0));
    }

    final MetricOptions excluding = MetricOptions.defaults();
    final MetricOptions zeroing = MetricOptions.defaults().withErrors(ErrorPolicy.ZERO);

    @Test
    void excludingErrorsAveragesTasksOfTheirCountedAttempts() {
        Metrics m = Metrics.of(run("bash", "m"), excluding);

        assertThat(m.trials()).isEqualTo(8);
        assertThat(m.tasks()).isEqualTo(2);
        assertThat(m.errored()).isEqualTo(1);
        assertThat(m.counted()).isEqualTo(7);
        assertThat(m.errorPolicy()).isEqualTo(ErrorPolicy.EXCLUDE);
        // a: 2 of 3 passed, b: 1 of 4; units are the two tasks
        assertThat(m.accuracy().units()).isEqualTo(2);
        assertThat(m.accuracy().mean()).isCloseTo(11.0 / 24, within(1e-12));
        // |2/3 - 1/4| / sqrt(2) is the sample deviation; over sqrt(2) again
        assertThat(m.accuracy().stderr()).isCloseTo(5.0 / 24, within(1e-12));
        // rewards: a (1 + 0 + 1) / 3, b (0.5 + 0 + 1 + 0) / 4
        assertThat(m.meanReward().mean()).isCloseTo((2.0 / 3 + 0.375) / 2, within(1e-12));
    }

    @Test
    void passAtKIsTheMeanOverTasksWithEnoughAttempts() {
        Metrics m = Metrics.of(run("bash", "m"), excluding);

        assertThat(m.passAtK()).extracting(Metrics.PassAt::k).containsExactly(1, 2, 3, 4);
        assertThat(m.passAt(1).orElseThrow().mean()).isCloseTo(11.0 / 24, within(1e-12));
        // a: n=3, c=2, k=2 -> 1; b: n=4, c=1 -> 1 - C(3,2)/C(4,2) = 0.5
        assertThat(m.passAt(2).orElseThrow().mean()).isCloseTo(0.75, within(1e-12));
        // a -> 1; b: 1 - C(3,3)/C(4,3) = 0.75
        assertThat(m.passAt(3).orElseThrow().mean()).isCloseTo(0.875, within(1e-12));
        // only b has four counted attempts, and its three failures cannot fill four draws
        assertThat(m.passAt(4).orElseThrow().units()).isEqualTo(1);
        assertThat(m.passAt(4).orElseThrow().mean()).isEqualTo(1.0);
        assertThat(m.passAt(4).orElseThrow().stderr()).isNaN();
    }

    @Test
    void scoringErrorsZeroCountsThemAsFailedAttempts() {
        Metrics m = Metrics.of(run("bash", "m"), zeroing);

        assertThat(m.counted()).isEqualTo(8);
        assertThat(m.errorPolicy()).isEqualTo(ErrorPolicy.ZERO);
        // a: 2 of 4, b: 1 of 4
        assertThat(m.accuracy().mean()).isCloseTo(0.375, within(1e-12));
        assertThat(m.meanReward().mean()).isCloseTo((0.5 + 0.375) / 2, within(1e-12));
        // a: 1 - C(2,2)/C(4,2) = 5/6; b: 0.5
        assertThat(m.passAt(2).orElseThrow().mean()).isCloseTo((5.0 / 6 + 0.5) / 2, within(1e-12));
        assertThat(m.passAt(4).orElseThrow().units()).isEqualTo(2);
    }

    @Test
    void withinOneTaskTheUnitIsTheAttempt() {
        Metrics b = GroupedMetrics.byTask(run("bash", "m"), excluding).get("b");

        assertThat(b.tasks()).isEqualTo(1);
        assertThat(b.accuracy().units()).isEqualTo(4);
        assertThat(b.accuracy().mean()).isEqualTo(0.25);
        // values 0, 0, 1, 0: sample deviation sqrt(0.75 / 3) = 0.5, over sqrt(4)
        assertThat(b.accuracy().stderr()).isCloseTo(0.25, within(1e-12));
        assertThat(b.accuracy().low()).isBetween(0.0, 0.25);
        assertThat(b.accuracy().high()).isBetween(0.25, 1.0);
        assertThat(b.passAt(1).orElseThrow().mean()).isEqualTo(0.25);
        assertThat(b.passAt(2).orElseThrow().mean()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void groupsByAgentAndModelKeepTheirOwnFigures() {
        List<TrialRecord> records = new ArrayList<>(run("bash", "openai/a"));
        records.add(record("bash", "openai/b", "a", 1, TrialStatus.PASSED, 1.0));
        records.add(record("bash", "openai/b", "b", 1, TrialStatus.PASSED, 1.0));
        records.add(record("oracle", null, "a", 1, TrialStatus.FAILED, 0.0));

        SortedMap<AgentModel, Metrics> groups = GroupedMetrics.byAgentModel(records, excluding);

        assertThat(groups.keySet()).containsExactly(new AgentModel("bash", "openai/a"), new AgentModel("bash", "openai/b"),
            new AgentModel("oracle", null));
        assertThat(groups.get(new AgentModel("bash", "openai/a"))).isEqualTo(Metrics.of(run("bash", "openai/a"), excluding));
        assertThat(groups.get(new AgentModel("bash", "openai/b")).accuracy().mean()).isEqualTo(1.0);
        assertThat(groups.get(new AgentModel("bash", "openai/b")).accuracy().stderr()).isEqualTo(0.0);
        assertThat(groups.get(new AgentModel("bash", "openai/b")).passAtK()).hasSize(1);
        assertThat(groups.get(new AgentModel("oracle", null)).accuracy().mean()).isEqualTo(0.0);
        assertThat(new AgentModel("oracle", null).label()).isEqualTo("oracle");
        assertThat(new AgentModel("bash", "openai/a").label()).isEqualTo("bash (openai/a)");
    }

    @Test
    void groupsByATaskMetadataField() {
        List<TrialRecord> records = new ArrayList<>();
        for (TrialRecord r : run("bash", "m")) {
            records.add(r.withTaskInfo(r.taskId().equals("a") ? Map.of("difficulty", "easy") : Map.of("category", "x"), "fp"));
        }
        records.add(record("bash", "m", "c", 1, TrialStatus.FAILED, 0.0).withTaskInfo(Map.of("difficulty", "easy"), "fp"));

        SortedMap<String, Metrics> byDifficulty = GroupedMetrics.byMetadata(records, "difficulty", excluding);

        assertThat(GroupedMetrics.metadataFields(records)).containsExactly("category", "difficulty");
        assertThat(byDifficulty.keySet()).containsExactly("easy");
        // a: 2 of 3 counted attempts passed, c: 0 of 1
        assertThat(byDifficulty.get("easy").trials()).isEqualTo(5);
        assertThat(byDifficulty.get("easy").accuracy().mean()).isCloseTo(1.0 / 3, within(1e-12));
        assertThat(byDifficulty.get("easy").passAt(1).orElseThrow().units()).isEqualTo(2);
        assertThat(byDifficulty.get("easy").passAt(2).orElseThrow().units()).isEqualTo(1);
    }

    @Test
    void groupsByAnyKeyLeaveOutRecordsWithoutOne() {
        SortedMap<String, Metrics> groups = GroupedMetrics.by(run("bash", "m"), r -> r.attempt() <= 2 ? "early" : null, excluding);

        assertThat(groups.keySet()).containsExactly("early");
        assertThat(groups.get("early").trials()).isEqualTo(4);
        // a: 1 of 2, b: 0 of 2
        assertThat(groups.get("early").accuracy().mean()).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void theSameRecordsAndSeedGiveTheSameIntervalsInAnyOrder() {
        List<TrialRecord> records = run("bash", "m");
        List<TrialRecord> reversed = new ArrayList<>(records).reversed();

        assertThat(Metrics.of(records, excluding)).isEqualTo(Metrics.of(records, excluding));
        assertThat(Metrics.of(reversed, excluding)).isEqualTo(Metrics.of(records, excluding));
    }

    @Test
    void noRecordsGiveNoEstimates() {
        Metrics m = Metrics.of(List.of(), excluding);

        assertThat(m.accuracy()).isEqualTo(Estimate.NONE);
        assertThat(m.accuracy().defined()).isFalse();
        assertThat(m.passAtK()).isEmpty();
    }
}
