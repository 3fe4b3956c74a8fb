package dev.gauntlet.harness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.gauntlet.harness.agent.AgentLimits;
import dev.gauntlet.harness.cli.Main;
import dev.gauntlet.harness.trial.TrialOptions;
import dev.gauntlet.records.StepRecordReader;
import dev.gauntlet.records.TrialRecordReader;
import dev.gauntlet.records.TrialStatus;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code gauntlet report} and {@code gauntlet compare} over run directories made by real runs of the bundled suite:
 * the bash agent with the oracle model twice (every task passes, with steps) and the nop agent (every task fails).
 */
@ExtendWith(RemovesSnapshots.class)
class ReportsOfRealRunsTest {

    @TempDir
    static Path tmp;
    static Path oracle;
    static Path oracleAgain;
    static Path nop;

    record Exit(int code, String output) {
    }

    @BeforeAll
    static void run() {
        oracle = bashWithOracleModel("oracle");
        oracleAgain = bashWithOracleModel("oracle-again");
        nop = Runs.run(ExamplesSuiteTest.EXAMPLES, "nop", 1, tmp.resolve("nop")).result().dir().root();
    }

    @Test
    void aReportOfOneRunGoesIntoItsDirectoryWithEveryTrajectory() throws Exception {
        Exit exit = gauntlet("report", oracle.toString());

        assertThat(exit.code()).as(exit.output()).isZero();
        assertThat(exit.output()).contains("bash (oracle)").contains("Wrote " + oracle.resolve("report.html"));
        String html = Files.readString(oracle.resolve("report.html"));
        String aCommand = StepRecordReader.readAll(oracle.resolve("steps")).stream().filter(s -> s.command() != null)
            .findFirst().orElseThrow().command();
        assertThat(html).contains(new ObjectMapper().writeValueAsString(aCommand).replace("<", "\\u003C").replace(">", "\\u003E")
            .replace("&", "\\u0026"));
        assertThat(Files.readString(oracle.resolve("junit.xml"))).contains("tests=\"" + ExamplesSuiteTest.TASKS.size() + "\" failures=\""
            + (ExamplesSuiteTest.TASKS.size() - passed(oracle)) + "\"");
        assertThat(Files.readString(oracle.resolve("summary.md"))).contains("| 1 | bash (oracle) | ");
    }

    @Test
    void severalRunsMakeALeaderboard() throws Exception {
        Path out = tmp.resolve("board");
        Exit exit = gauntlet("report", nop.toString(), oracle.toString(), "--out", out.toString());

        assertThat(exit.code()).as(exit.output()).isZero();
        assertThat(exit.output().lines().filter(l -> l.matches("\\s+1\\s+bash \\(oracle\\)\\s+[01]\\.\\d{3}.*"))).hasSize(1);
        assertThat(exit.output().lines().filter(l -> l.matches("\\s+2\\s+nop\\s+0\\.000.*"))).hasSize(1);
        assertThat(Files.readString(out.resolve("junit.xml"))).contains("<testsuite name=\"nop\" tests=\"" + ExamplesSuiteTest.TASKS.size()
            + "\" failures=\"" + ExamplesSuiteTest.TASKS.size() + "\"");
    }

    @Test
    void comparingTheOracleWithNopIsARegressionAndTwoOracleRunsAreNot() throws Exception {
        // every task the oracle passed (all of them, unless the machine was too loaded for one) flips
        int tasks = ExamplesSuiteTest.TASKS.size();
        int passed = passed(oracle);
        assertThat(passed).as("the oracle passes most tasks").isGreaterThanOrEqualTo(tasks - 2);
        Exit regression = gauntlet("compare", oracle.toString(), nop.toString(), "--fail-if-drop", "0.05");

        assertThat(regression.code()).as(regression.output()).isEqualTo(4);
        assertThat(regression.output()).contains("flips: " + passed + " pass→fail, 0 fail→pass").contains("exact McNemar")
            .containsPattern("(?m)^REGRESSION: candidate 0\\.000 vs baseline [01]\\.\\d{3} on \\d+ task\\(s\\).*exceeds 0\\.050 and p < 0\\.05$");

        Exit same = gauntlet("compare", oracle.toString(), oracleAgain.toString(), "--fail-if-drop", "0.05");
        assertThat(same.code()).as(same.output()).isZero();
        assertThat(same.output()).doesNotContain("warning").containsPattern("(?m)^OK: candidate [01]\\.\\d{3} vs baseline [01]\\.\\d{3} on \\d+ task\\(s\\)");
    }

    @Test
    void aDirectoryThatIsNoRunIsRefusedSayingSo() throws Exception {
        Exit exit = gauntlet("compare", tmp.toString(), oracle.toString());

        assertThat(exit.code()).isEqualTo(1);
        assertThat(exit.output()).contains(tmp + " is not a run directory: it has no trials/ folder");
    }

    private static int passed(Path run) throws Exception {
        return (int) TrialRecordReader.readAll(run.resolve("trials")).stream().filter(r -> r.status() == TrialStatus.PASSED).count();
    }

    private static Path bashWithOracleModel(String name) {
        return Runs.run(ExamplesSuiteTest.EXAMPLES, "bash", "oracle", 1, tmp.resolve(name), TrialOptions.defaults(), AgentLimits.defaults(),
            Map.of()).result().dir().root();
    }

    /** Runs the command line in this JVM, keeping what it printed. */
    private static synchronized Exit gauntlet(String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        try (PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            System.setErr(capture);
            int code = Main.run(args);
            return new Exit(code, printed.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }
}
