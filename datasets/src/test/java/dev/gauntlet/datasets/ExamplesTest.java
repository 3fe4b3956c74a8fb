package dev.gauntlet.datasets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled example suite loads cleanly and keeps to its own rules. */
class ExamplesTest {

    static final Path EXAMPLES = Path.of("examples");

    @Test
    void everyExampleLoadsWithoutProblems() {
        Dataset dataset = Dataset.load(EXAMPLES);

        assertThat(dataset.problems()).isEmpty();
        assertThat(dataset.tasks()).hasSizeGreaterThanOrEqualTo(12);
    }

    @Test
    void everyExampleHasASolutionAndStartsFromDebianSlim() throws Exception {
        for (Task task : Dataset.load(EXAMPLES).tasks()) {
            assertThat(task.solution()).as(task.id()).isNotInstanceOf(Solution.None.class);
            if (task.environment().buildContext() != null) {
                assertThat(Files.readString(task.environment().buildContext().resolve("Dockerfile")))
                    .as(task.id()).startsWith("FROM debian:bookworm-slim");
            } else {
                assertThat(task.environment().dockerImage()).as(task.id()).isEqualTo("debian:bookworm-slim");
            }
        }
    }
}
