package dev.gauntlet.datasets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetLoadTest {

    @TempDir
    Path root;

    @Test
    void readsEveryHarborField() {
        Path dir = TaskDirs.task(root, "full", """
            version = "1.0"
            [task]
            name = "acme/full"
            description = "all fields"
            [metadata]
            difficulty = "hard"
            tags = ["a", "b"]
            [verifier]
            timeout_sec = 90
            env = { MODE = "strict" }
            user = "tester"
            [agent]
            timeout_sec = 30.5
            [environment]
            cpus = 2
            memory_mb = 512
            storage = "10G"
            workdir = "/app"
            network_mode = "public"
            env = { LANG = "C.UTF-8" }
            [solution]
            env = { HINT = "yes" }
            """);

        Dataset dataset = Dataset.load(dir);

        assertThat(dataset.problems()).isEmpty();
        Task task = dataset.tasks().getFirst();
        assertThat(task.id()).isEqualTo("acme/full");
        assertThat(task.instruction()).isEqualTo("Do the thing.\n");
        assertThat(task.verifier().timeout()).isEqualTo(Duration.ofSeconds(90));
        assertThat(task.verifier().env()).containsEntry("MODE", "strict");
        assertThat(task.verifier().user()).isEqualTo("tester");
        assertThat(task.agent().timeout()).isEqualTo(Duration.ofMillis(30_500));
        assertThat(task.environment().cpus()).isEqualTo(2.0);
        assertThat(task.environment().memoryMb()).isEqualTo(512);
        assertThat(task.environment().storageMb()).isEqualTo(10 * 1024);
        assertThat(task.environment().workdir()).isEqualTo("/app");
        assertThat(task.environment().networkMode()).isEqualTo(NetworkMode.PUBLIC);
        assertThat(task.environment().env()).containsEntry("LANG", "C.UTF-8");
        assertThat(task.environment().buildContext()).isEqualTo(dir.resolve("environment"));
        assertThat(task.solutionEnv()).containsEntry("HINT", "yes");
        assertThat(task.metadata()).containsEntry("difficulty", "hard").containsEntry("tags", "[\"a\",\"b\"]")
            .containsEntry("task.description", "all fields").containsEntry("version", "1.0");
    }

    @Test
    void keepsUnknownFieldsAsMetadataInsteadOfRejectingThem() {
        Path dir = TaskDirs.task(root, "extra", """
            [task]
            flavour = "vanilla"
            [environment]
            gpus = 0
            future_knob = { a = 1 }
            [custom]
            anything = true
            """);

        Task task = Dataset.load(dir).tasks().getFirst();

        assertThat(task.id()).isEqualTo("extra");
        assertThat(task.metadata()).containsEntry("task.flavour", "vanilla").containsEntry("environment.gpus", "0")
            .containsEntry("environment.future_knob", "{\"a\":1}").containsEntry("custom", "{\"anything\":true}");
    }

    @Test
    void olderSizeAndInternetFieldsAreUnderstood() {
        Task task = Dataset.load(TaskDirs.task(root, "old", """
            [environment]
            memory = "2G"
            allow_internet = false
            """)).tasks().getFirst();

        assertThat(task.environment().memoryMb()).isEqualTo(2048);
        assertThat(task.environment().networkMode()).isEqualTo(NetworkMode.NO_NETWORK);
    }

    @Test
    void defaultsFollowHarbor() {
        Task task = Dataset.load(TaskDirs.task(root, "plain", "")).tasks().getFirst();

        assertThat(task.agent().timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(task.verifier().timeout()).isEqualTo(Duration.ofSeconds(600));
        assertThat(task.environment().networkMode()).isNull();
        assertThat(task.environment().buildTimeout()).isEqualTo(Duration.ofSeconds(600));
    }

    @Test
    void oneBrokenTaskIsReportedByFileAndTheOthersLoad() {
        TaskDirs.task(root, "good", "[task]\nname = \"ok/good\"\n");
        TaskDirs.task(root, "bad-toml", "[task\nname = 1\n");
        Path noTests = TaskDirs.task(root, "no-tests", "");
        TaskDirs.write(noTests.resolve("tests/other.sh"), "");
        noTests.resolve("tests/test.sh").toFile().delete();

        Dataset dataset = Dataset.load(root);

        assertThat(dataset.tasks()).extracting(Task::id).containsExactly("ok/good");
        assertThat(dataset.hasErrors()).isTrue();
        assertThat(dataset.skipped()).containsExactly(root.resolve("bad-toml"), root.resolve("no-tests"));
        assertThat(dataset.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(root.resolve("bad-toml/task.toml"));
            assertThat(p.reason()).startsWith("not valid TOML (line 1");
        });
        assertThat(dataset.problems()).anySatisfy(p -> {
            assertThat(p.file()).isEqualTo(root.resolve("no-tests/tests/test.sh"));
            assertThat(p.reason()).startsWith("missing");
        });
    }

    @Test
    void wrongTypesNameTheFieldAndWhatIsAllowed() {
        Path dir = TaskDirs.task(root, "typed", """
            [verifier]
            timeout_sec = "soon"
            [environment]
            network_mode = "sometimes"
            memory = "lots"
            workdir = "relative/dir"
            """);

        Dataset dataset = Dataset.load(dir);

        assertThat(dataset.tasks()).isEmpty();
        assertThat(dataset.problems()).extracting(TaskProblem::field)
            .contains("[verifier] timeout_sec", "[environment] network_mode", "[environment] memory");
        assertThat(dataset.problems()).anySatisfy(p -> assertThat(p.toString())
            .contains("task.toml: [verifier] timeout_sec: expected a positive number of seconds, got \"soon\""));
        assertThat(dataset.problems()).anySatisfy(p -> assertThat(p.reason())
            .isEqualTo("'sometimes' is not a network mode; allowed: public, no-network, allowlist"));
    }

    @Test
    void aMissingSolutionIsOnlyAWarning() {
        Path dir = TaskDirs.task(root, "nosolution", "");
        dir.resolve("solution/solve.sh").toFile().delete();

        Dataset dataset = Dataset.load(dir);

        assertThat(dataset.tasks()).hasSize(1);
        assertThat(dataset.problems()).singleElement().satisfies(p -> assertThat(p.isError()).isFalse());
    }

    @Test
    void anEnvironmentIsRequiredAndComposeIsNamedAsUnsupported() throws Exception {
        Path dir = TaskDirs.task(root, "compose", "");
        Files.delete(dir.resolve("environment/Dockerfile"));
        TaskDirs.write(dir.resolve("environment/docker-compose.yaml"), "services: {}\n");

        Dataset dataset = Dataset.load(dir);

        assertThat(dataset.tasks()).isEmpty();
        assertThat(dataset.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("docker-compose"));
    }

    @Test
    void duplicateNamesAreRejected() {
        TaskDirs.task(root, "one", "[task]\nname = \"same\"\n");
        TaskDirs.task(root, "two", "[task]\nname = \"same\"\n");

        Dataset dataset = Dataset.load(root);

        assertThat(dataset.tasks()).hasSize(1);
        assertThat(dataset.problems()).singleElement().satisfies(p -> assertThat(p.reason()).contains("already the id of"));
    }

    @Test
    void contentHashFollowsEveryFileAndNothingElse() {
        Path dir = TaskDirs.task(root, "hashed", "");
        String first = Dataset.load(dir).tasks().getFirst().contentHash();
        assertThat(Dataset.load(dir).tasks().getFirst().contentHash()).isEqualTo(first);

        TaskDirs.write(dir.resolve("tests/test.sh"), "echo 0 > /logs/verifier/reward.txt\n");

        Task changed = Dataset.load(dir).tasks().getFirst();
        assertThat(changed.contentHash()).isNotEqualTo(first).hasSize(64);
        assertThat(changed.environment().buildContextHash()).isEqualTo(Dataset.load(dir).tasks().getFirst().environment().buildContextHash());
    }

    @Test
    void aPathWithoutTasksIsAClearError() {
        assertThatThrownBy(() -> Dataset.load(root)).hasMessageContaining("holds no task");
        assertThatThrownBy(() -> Dataset.load(root.resolve("nope"))).hasMessageContaining("no such directory");
    }
}
