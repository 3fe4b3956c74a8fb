package dev.gauntlet.reports.compare;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.gauntlet.records.TrialStatus;
import dev.gauntlet.reports.RunRecords;
import dev.gauntlet.reports.TestRuns;
import dev.gauntlet.reports.TestRuns.Outcome;
import dev.gauntlet.reports.TestRuns.Spec;
import dev.gauntlet.reports.leaderboard.TaskMatrix.TaskKey;
import dev.gauntlet.reports.metrics.MetricOptions;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunComparisonTest {

    static final List<String> TASKS = TestRuns.tasks(60);
    static final Outcome BASELINE = Outcome.random(0.7, 1);
    static final RegressionGate GATE = new RegressionGate(0.05, 0.05);

    @TempDir
    Path tmp;

    RunRecords run(String name, String model, List<String> tasks, int attempts, Outcome outcome, Set<String> changed) {
        return RunRecords.read(TestRuns.write(tmp.resolve(name), new Spec(name, "bash", model, tasks, attempts, outcome, changed)));
    }

    @Test
    void aPlantedRegressionIsCaughtWithItsFlips() {
        // the candidate fails 12 tasks the baseline passed, and is the same elsewhere
        Outcome regressed = (task, attempt) -> task % 5 == 0 ? TrialStatus.FAILED : BASELINE.of(task, attempt);
        RunComparison c = RunComparison.of(run("base", "m1", TASKS, 1, BASELINE, Set.of()), run("cand", "m2", TASKS, 1, regressed, Set.of()),
            MetricOptions.defaults());

        long planted = TASKS.stream().filter(t -> TASKS.indexOf(t) % 5 == 0 && BASELINE.of(TASKS.indexOf(t), 1) == TrialStatus.PASSED).count();
        assertThat(c.passToFail()).hasSize((int) planted).allSatisfy(t -> assertThat(TASKS.indexOf(t.taskId()) % 5).isZero());
        assertThat(c.failToPass()).isEmpty();
        assertThat(c.difference().mean()).isCloseTo(-planted / 60.0, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(c.difference().high()).isNegative();
        assertThat(c.test().method()).isEqualTo("exact McNemar");
        RegressionGate.Verdict verdict = GATE.judge(c);
        assertThat(verdict.regression()).isTrue();
        assertThat(verdict.reason()).startsWith("REGRESSION: candidate ").contains("on 60 task(s)").doesNotContain("\n");
    }

    @Test
    void twoRunsOfTheSameModelPassTheGate() {
        RunComparison c = RunComparison.of(run("a", "m", TASKS, 3, Outcome.random(0.6, 11), Set.of()),
            run("b", "m", TASKS, 3, Outcome.random(0.6, 12), Set.of()), MetricOptions.defaults());

        assertThat(c.pairs()).hasSize(60);
        assertThat(c.test().pValue()).isGreaterThan(0.05);
        assertThat(GATE.judge(c).regression()).isFalse();
        assertThat(GATE.judge(c).reason()).startsWith("OK: ");
    }

    @Test
    void aLargeButInsignificantDropIsNotARegressionNorASignificantButSmallOne() {
        // two tasks of three flip: a drop of 0.667, p = 0.5
        List<String> three = TestRuns.tasks(3);
        RunComparison small = RunComparison.of(run("s1", "m", three, 1, Outcome.passWhere(t -> true), Set.of()),
            run("s2", "m", three, 1, Outcome.passWhere(t -> t == 0), Set.of()), MetricOptions.defaults());
        assertThat(GATE.judge(small).regression()).isFalse();
        assertThat(GATE.judge(small).reason()).contains("not significant");

        Outcome slightlyWorse = (task, attempt) -> task < 10 ? TrialStatus.FAILED : TrialStatus.PASSED;
        RunComparison tolerated = RunComparison.of(run("t1", "m", TASKS, 1, Outcome.passWhere(t -> true), Set.of()),
            run("t2", "m", TASKS, 1, slightlyWorse, Set.of()), MetricOptions.defaults());
        assertThat(tolerated.test().pValue()).isLessThan(0.01);
        assertThat(new RegressionGate(0.2, 0.05).judge(tolerated).regression()).as("a drop of 0.167 tolerated up to 0.2").isFalse();
    }

    @Test
    void differentTaskSetsAreComparedOnTheSharedTasksWithAWarning() {
        List<String> baseTasks = TASKS.subList(0, 50);
        List<String> candTasks = TASKS.subList(5, 60);
        RunComparison c = RunComparison.of(run("base", "m1", baseTasks, 1, BASELINE, Set.of()),
            run("cand", "m2", candTasks, 1, BASELINE, Set.of(TASKS.get(10), TASKS.get(11))), MetricOptions.defaults());

        assertThat(c.overlap().needsWarning()).isTrue();
        assertThat(c.overlap().onlyBaseline()).isEqualTo(5);
        assertThat(c.overlap().onlyCandidate()).isEqualTo(10);
        assertThat(c.overlap().changed()).isEqualTo(2);
        assertThat(c.pairs()).hasSize(43).noneMatch(p -> p.task().equals(new TaskKey("examples", TASKS.get(10))));
        String printed = print(c);
        assertThat(printed).contains("warning: the runs' dataset fingerprints differ (tasks:").contains("comparing the 43 task(s) both ran "
            + "with the same content; 5 only in the baseline, 10 only in the candidate, 2 with changed content");
    }

    @Test
    void theSameTasksNeedNoWarning() {
        RunComparison c = RunComparison.of(run("a", "m", TASKS, 1, BASELINE, Set.of()), run("b", "m", TASKS, 1, BASELINE, Set.of()),
            MetricOptions.defaults());

        assertThat(c.overlap().needsWarning()).isFalse();
        assertThat(c.test().pValue()).isEqualTo(1.0);
        assertThat(print(c)).doesNotContain("warning").contains("flips: 0 pass→fail, 0 fail→pass");
    }

    @Test
    void aRunOfSeveralContendersIsRefusedNamingThem() {
        Path mixed = tmp.resolve("mixed");
        TestRuns.write(mixed, new Spec("r", "bash", "m1", TASKS.subList(0, 2), 1, BASELINE));
        TestRuns.write(mixed, new Spec("r", "bash", "m2", TASKS.subList(0, 2), 1, BASELINE));
        RunRecords other = run("other", "m", TASKS, 1, BASELINE, Set.of());

        assertThatThrownBy(() -> RunComparison.of(RunRecords.read(mixed), other, MetricOptions.defaults()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("has 2: bash (m1), bash (m2)");
    }

    static String print(RunComparison c) {
        java.io.ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ComparisonText.print(c, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }
}
