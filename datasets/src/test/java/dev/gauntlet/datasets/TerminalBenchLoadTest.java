package dev.gauntlet.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerminalBenchLoadTest {

    @TempDir
    Path root;

    static Path task(Path parent, String name, String yaml) {
        Path dir = parent.resolve(name);
        TaskDirs.write(dir.resolve("task.yaml"), yaml);
        TaskDirs.write(dir.resolve("Dockerfile"), "FROM debian:bookworm-slim\n");
        TaskDirs.write(dir.resolve("run-tests.sh"), "bash $TEST_DIR/test.sh\n");
        TaskDirs.write(dir.resolve("tests/test.sh"), "true\n");
        TaskDirs.write(dir.resolve("solution.sh"), "true\n");
        return dir;
    }

    @Test
    void readsTheBundledExample() {
        Dataset dataset = Dataset.load(Path.of("examples/tb1-count-words"));

        assertThat(dataset.problems()).isEmpty();
        Task task = dataset.tasks().getFirst();
        assertThat(task.id()).isEqualTo("tb1-count-words");
        assertThat(task.instruction()).startsWith("/app/notes.txt holds some text.");
        assertThat(task.agent().timeout()).isEqualTo(Duration.ofSeconds(120));
        assertThat(task.verifier().timeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(task.verifier().env()).containsEntry("TEST_DIR", "/tests");
        assertThat(task.metadata()).containsEntry("difficulty", "easy").containsEntry("category", "file-operations")
            .containsEntry("tags", "[\"bash\",\"coreutils\"]").containsEntry("parser_name", "pytest");
        assertThat(task.environment().buildContext()).isEqualTo(task.dir());
        Verification.TestScript verifier = (Verification.TestScript) task.verification();
        assertThat(verifier.reward()).isEqualTo(Verification.RewardSource.EXIT_CODE);
        assertThat(verifier.sandboxPath()).isEqualTo("/tests/run-tests.sh");
        assertThat(verifier.testsDir()).isEqualTo(task.dir().resolve("tests"));
        assertThat(((Solution.Script) task.solution()).files()).containsOnlyKeys("solve.sh")
            .containsEntry("solve.sh", task.dir().resolve("solution.sh"));
    }

    @Test
    void defaultsAreTerminalBenchsOwn() {
        Task task = Dataset.load(task(root, "plain", "instruction: do it\n")).tasks().getFirst();

        assertThat(task.agent().timeout()).isEqualTo(Duration.ofSeconds(360));
        assertThat(task.verifier().timeout()).isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void olderDescriptionsListGivesTheInstruction() {
        Task task = Dataset.load(task(root, "old", """
            descriptions:
              - key: base
                description: "Fix the server."
            """)).tasks().getFirst();

        assertThat(task.instruction()).isEqualTo("Fix the server.");
    }

    @Test
    void brokenTasksAreReportedWithFileAndFieldAndSkippedAlone() {
        task(root, "good", "instruction: fine\n");
        task(root, "no-instruction", "difficulty: easy\n");
        task(root, "bad-timeout", "instruction: x\nmax_test_timeout_sec: soon\n");
        task(root, "bad-yaml", "instruction: [unclosed\n");
        Path multi = task(root, "multi", "instruction: x\n");
        TaskDirs.write(multi.resolve("docker-compose.yaml"), "services:\n  client:\n    build: .\n  db:\n    image: postgres\n");
        Path noTests = task(root, "no-runner", "instruction: x\n");
        noTests.resolve("run-tests.sh").toFile().delete();

        Dataset dataset = Dataset.load(root);

        assertThat(dataset.tasks()).extracting(Task::id).containsExactly("good");
        assertThat(dataset.skipped()).hasSize(5);
        assertThat(dataset.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(root.resolve("no-instruction/task.yaml"));
            assertThat(p.field()).isEqualTo("instruction");
        }).anySatisfy(p -> {
            assertThat(p.field()).isEqualTo("max_test_timeout_sec");
            assertThat(p.reason()).contains("\"soon\"");
        }).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(root.resolve("bad-yaml/task.yaml"));
            assertThat(p.reason()).contains("not valid YAML (line");
        }).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(root.resolve("multi/docker-compose.yaml"));
            assertThat(p.reason()).contains("db").contains("not supported");
        }).anySatisfy(p -> assertThat(p.file()).isEqualTo(root.resolve("no-runner/run-tests.sh")));
    }

    @Test
    void withoutSolutionShTheTaskLoadsWithAWarning() {
        Path dir = task(root, "unsolved", "instruction: x\n");
        dir.resolve("solution.sh").toFile().delete();

        Dataset dataset = Dataset.load(dir);

        assertThat(dataset.tasks().getFirst().solution()).isInstanceOf(Solution.None.class);
        assertThat(dataset.problems()).singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
    }
}
